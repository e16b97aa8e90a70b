package dev.schemaguard.cli;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.Hazard;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PlanStatement;
import dev.schemaguard.sql.RelationSizes;
import dev.schemaguard.sql.RuleFinding;
import dev.schemaguard.sql.RuleOptions;
import dev.schemaguard.sql.StatementCost;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every difference between an expected and an actual database, each with the SQL that fixes it.
 *
 * <p>The two databases are planned once, by the commands with drops allowed (the plan {@code apply --allow-drops}
 * runs), and each
 * statement of that plan is listed under the difference it was planned for: its {@link PlanStatement#cause()}.
 * A statement that moves another object for a difference (a view dropped and re-created around a column type
 * change, a foreign key dropped before the key it references) is listed under that difference too. Together the
 * lists are exactly the plan. A difference with no statement of its own is fixed by the statements of another
 * (the partitions of a table rebuilt to change its partitioning, a sequence dropped with the column that owns it).
 * The {@code review} is the plan's cost and the rules it breaks ({@link PlanReview}).
 */
record DriftReport(List<Fix> fixes, PlanReview review) {

    /** A difference and the plan's statements caused by it, in the order the plan runs them. */
    record Fix(SchemaChange change, List<PlanStatement> statements) {
    }

    /** The report with the plan made with {@code options} (the commands allow drops: the report lists them all). */
    static DriftReport between(Database expected, Database actual, PlanOptions options) {
        return between(expected, actual, options, plan -> RelationSizes.UNKNOWN, RuleOptions.DEFAULTS);
    }

    /**
     * The report with the plan made with {@code options}, its cost from the sizes {@code sizes} reads for it (from
     * the database the plan runs on, or {@link RelationSizes#UNKNOWN}) and the rules it breaks judged with {@code rules}.
     */
    static DriftReport between(Database expected, Database actual, PlanOptions options,
                               Function<MigrationPlan, RelationSizes> sizes, RuleOptions rules) {
        SchemaDiff diff = SchemaDiff.compare(expected, actual);
        MigrationPlan plan = MigrationPlanner.plan(diff, expected, actual, options);
        Map<SchemaChange, List<PlanStatement>> byCause = plan.statementsByCause(diff.changes());
        // grouped by subject, in the order the diff names them, so that the text names each subject once
        Map<String, List<Fix>> bySubject = new LinkedHashMap<>();
        for (SchemaChange change : diff.changes()) {
            bySubject.computeIfAbsent(change.subject(), s -> new ArrayList<>())
                    .add(new Fix(change, List.copyOf(byCause.get(change))));
        }
        PlanReview review = plan.isEmpty() && plan.skipped().isEmpty() ? PlanReview.NONE
                : PlanReview.of(plan, sizes.apply(plan), rules);
        return new DriftReport(bySubject.values().stream().flatMap(List::stream).toList(), review);
    }

    boolean isEmpty() {
        return fixes.isEmpty();
    }

    int changeCount() {
        return fixes.size();
    }

    int statementCount() {
        return fixes.stream().mapToInt(f -> f.statements().size()).sum();
    }

    Set<String> subjects() {
        Set<String> subjects = new TreeSet<>();
        fixes.forEach(f -> subjects.add(f.change().subject()));
        return subjects;
    }

    static boolean destructive(PlanStatement statement) {
        return statement.kind() == PlanStatement.Kind.DROP || statement.has(Hazard.DELETES_DATA)
                || statement.has(Hazard.STOPS_REPLICATION);
    }

    /** The report for a person: grouped by table, each difference followed by the SQL that fixes it. */
    String text(Terminal.Style style, String expectedName, String actualName) {
        StringBuilder text = new StringBuilder();
        if (isEmpty()) {
            return style.green("OK") + ": " + actualName + " matches " + expectedName + "\n";
        }
        String subject = null;
        for (Fix fix : fixes) {
            SchemaChange change = fix.change();
            if (!change.subject().equals(subject)) {
                subject = change.subject();
                text.append(text.length() == 0 ? "" : "\n").append(style.bold(subject)).append('\n');
            }
            text.append("  ").append(style.red("-")).append(' ').append(change.describe()).append('\n');
            for (PlanStatement statement : fix.statements()) {
                if (!statement.hazards().isEmpty()) {
                    text.append("      ").append(style.yellow("-- " + hazardNote(statement))).append('\n');
                }
                if (!statement.transactional()) {
                    text.append("      ").append(style.yellow("-- " + StatementNotes.OUTSIDE_TRANSACTION)).append('\n');
                }
                for (String work : review.cost(statement).describe(statement.locks())) {
                    text.append("      ").append(style.yellow("-- " + work)).append('\n');
                }
                for (RuleFinding finding : review.at(statement)) {
                    text.append("      ").append(style.yellow("-- " + finding.describe())).append('\n');
                }
                for (String line : (statement.sql() + ";").split("\n")) {
                    text.append("      ").append(style.dim(line)).append('\n');
                }
            }
        }
        for (RuleFinding finding : review.planWide()) {
            text.append('\n').append(style.yellow("-- " + finding.describe()));
        }
        if (!review.planWide().isEmpty()) {
            text.append('\n');
        }
        int changes = changeCount();
        int subjects = subjects().size();
        text.append('\n').append(style.red("DRIFT")).append(": ").append(changes)
                .append(changes == 1 ? " difference" : " differences").append(" in ").append(subjects)
                .append(subjects == 1 ? " object" : " objects").append(" between ").append(actualName)
                .append(" and ").append(expectedName).append('\n');
        return text.toString();
    }

    private static String hazardNote(PlanStatement statement) {
        List<String> notes = new ArrayList<>();
        for (Hazard hazard : EnumSet.copyOf(statement.hazards())) {
            notes.add(switch (hazard) {
                case DELETES_DATA -> "deletes data (apply needs --allow-drops)";
                case MAY_FAIL_ON_EXISTING_ROWS -> "may fail on existing rows";
                case REWRITES_TABLE -> "rewrites the table";
                case STOPS_REPLICATION -> "stops replicating changes to subscribers (apply needs --allow-drops)";
                case NOT_ONLINE -> StatementNotes.notOnlineReason(statement);
            });
        }
        return String.join("; ", notes);
    }

    /**
     * One statement: its SQL, whether it runs in a transaction, its strongest lock and the locks per relation, its
     * main relation, the tables it scans or rewrites with the estimated rows and bytes, its hazards, the rules it
     * breaks, and its cause.
     */
    private Map<String, Object> statementJson(PlanStatement statement) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("sql", statement.sql());
        entry.put("transactional", statement.transactional());
        entry.put("lock", statement.strongestLock().map(mode -> mode.sqlName()).orElse(null));
        Map<String, Object> locks = new LinkedHashMap<>();
        statement.locks().forEach((relation, mode) -> locks.put(relation.toString(), mode.sqlName()));
        entry.put("locks", locks);
        entry.put("relation", statement.relation().map(Object::toString).orElse(null));
        Map<String, Object> work = new LinkedHashMap<>();
        statement.work().forEach((table, kind) -> work.put(table.toString(), kind.name()));
        entry.put("work", work);
        StatementCost cost = review.cost(statement);
        entry.put("estimatedRows", cost.rows().isPresent() ? (Object) cost.rows().getAsLong() : null);
        entry.put("estimatedBytes", cost.bytes().isPresent() ? (Object) cost.bytes().getAsLong() : null);
        entry.put("hazards", statement.hazards().stream().map(Enum::name).toList());
        entry.put("rules", review.at(statement).stream().map(DriftReport::findingJson).toList());
        entry.put("description", statement.description());
        entry.put("cause", statement.cause() instanceof PlanStatement.Cause.Dependent dependent
                ? "dependent: " + dependent.reason() : "planned");
        return entry;
    }

    private static Map<String, Object> findingJson(RuleFinding finding) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", finding.rule().code());
        entry.put("severity", finding.rule().severity().label());
        entry.put("reason", finding.rule().reason());
        entry.put("detail", finding.detail());
        entry.put("alternative", finding.rule().alternative());
        return entry;
    }

    /** The report as the stable JSON shape documented in docs/cli.md. */
    String json() {
        List<Object> changes = new ArrayList<>();
        int destructive = 0;
        for (Fix fix : fixes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", fix.change().getClass().getSimpleName());
            entry.put("subject", fix.change().subject());
            entry.put("description", fix.change().describe());
            entry.put("sql", fix.statements().stream().map(PlanStatement::sql).toList());
            Set<String> hazards = new TreeSet<>();
            fix.statements().forEach(s -> s.hazards().forEach(h -> hazards.add(h.name())));
            entry.put("hazards", List.copyOf(hazards));
            entry.put("statements", fix.statements().stream().map(this::statementJson).toList());
            changes.add(entry);
            destructive += (int) fix.statements().stream().filter(DriftReport::destructive).count();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("changes", changeCount());
        summary.put("subjects", subjects().size());
        summary.put("statements", statementCount());
        summary.put("destructiveStatements", destructive);
        summary.put("sizes", review.sizes().known() ? "live" : "unknown");
        Map<String, Object> findings = new LinkedHashMap<>();
        for (dev.schemaguard.sql.PlanRule.Severity severity : dev.schemaguard.sql.PlanRule.Severity.values()) {
            findings.put(severity.label(), review.findings().stream().filter(f -> f.rule().severity() == severity).count());
        }
        summary.put("ruleFindings", findings);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("status", isEmpty() ? "ok" : "drift");
        root.put("changes", changes);
        root.put("rules", review.planWide().stream().map(DriftReport::findingJson).toList());
        root.put("summary", summary);
        return Json.write(root);
    }
}
