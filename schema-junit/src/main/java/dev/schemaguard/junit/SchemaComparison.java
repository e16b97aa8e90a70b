package dev.schemaguard.junit;

import dev.schemaguard.diff.ConstraintNameAlignment;
import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.ComparisonScope;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PlanStatement;
import dev.schemaguard.sql.PostgresIntrospector;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A live database compared with a declared schema as {@code schemaguard check} compares them: only the schemas the
 * YAML declares are read, its {@code ignore:} rules, history-table setting and {@code unexpected:} policy apply
 * ({@link ComparisonScope}; Flyway's and Liquibase's history tables are left out by default), and every difference
 * comes with the statements of the plan {@code apply --allow-drops} would run for it ({@link PlanStatement#cause()}).
 *
 * @param fixes    every difference with the statements that fix it, grouped by subject in the diff's order
 * @param warnings what the scope warns about (ignore rules matching nothing, unexpected objects under policy warn)
 */
record SchemaComparison(List<Fix> fixes, List<String> warnings) {

    /** A difference and the plan's statements caused by it, in the order the plan runs them. */
    record Fix(SchemaChange change, List<PlanStatement> statements) {
        Fix {
            statements = List.copyOf(statements);
        }
    }

    SchemaComparison {
        fixes = List.copyOf(fixes);
        warnings = List.copyOf(warnings);
    }

    /** How the names of constraints and indexes count. */
    enum ConstraintNames {
        /** A constraint or index named differently is a difference, as in {@code schemaguard check}. */
        COMPARED,
        /**
         * An expected constraint or index whose name the database does not have takes the name of the one actual
         * constraint (index) with its definition ({@link ConstraintNameAlignment}): for entities, whose unnamed
         * constraints Hibernate names with hashes and migrations name as they like.
         */
        ALIGNED
    }

    static SchemaComparison of(Connection connection, Database declared, ComparisonScope scope) throws SQLException {
        return of(connection, declared, scope, ConstraintNames.COMPARED);
    }

    static SchemaComparison of(Connection connection, Database declared, ComparisonScope scope, ConstraintNames names)
            throws SQLException {
        Optional<IntrospectionOptions> reading = IntrospectionOptions.ALL.forComparisonWith(List.of(declared));
        Database live = reading.isEmpty() ? Database.EMPTY
                : new PostgresIntrospector(reading.get()).introspectWithReport(connection).database();
        ComparisonScope.Scoped scoped = scope.apply(declared, live);
        Database expected = names == ConstraintNames.ALIGNED
                ? ConstraintNameAlignment.align(scoped.expected(), scoped.actual()) : scoped.expected();
        return between(expected, scoped.actual(), scoped.warnings());
    }

    static SchemaComparison between(Database expected, Database actual, List<String> warnings) {
        SchemaDiff diff = SchemaDiff.compare(expected, actual);
        if (diff.isEmpty()) {
            return new SchemaComparison(List.of(), warnings);
        }
        MigrationPlan plan = MigrationPlanner.plan(diff, expected, actual, PlanOptions.ALLOW_DROPS);
        Map<SchemaChange, List<PlanStatement>> byCause = plan.statementsByCause(diff.changes());
        Map<String, List<Fix>> bySubject = new LinkedHashMap<>();
        for (SchemaChange change : diff.changes()) {
            bySubject.computeIfAbsent(change.subject(), s -> new ArrayList<>()).add(new Fix(change, byCause.get(change)));
        }
        return new SchemaComparison(bySubject.values().stream().flatMap(List::stream).toList(), warnings);
    }

    boolean matches() {
        return fixes.isEmpty();
    }

    /** Every difference, each followed by its SQL; a difference fixed by another's statements says so. */
    String describe(String actualName, String expectedName) {
        StringBuilder text = new StringBuilder().append(actualName).append(" does not match ").append(expectedName)
                .append(": ").append(fixes.size()).append(fixes.size() == 1 ? " difference" : " differences");
        for (Fix fix : fixes) {
            text.append("\n  - ").append(fix.change().describe());
            if (fix.statements().isEmpty()) {
                text.append("\n      -- fixed by the statements of another difference");
            }
            for (PlanStatement statement : fix.statements()) {
                for (String line : (statement.sql() + ";").split("\n")) {
                    text.append("\n      ").append(line);
                }
            }
        }
        for (String warning : warnings) {
            text.append("\n  warning: ").append(warning);
        }
        return text.toString();
    }
}
