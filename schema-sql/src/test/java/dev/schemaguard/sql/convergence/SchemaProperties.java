package dev.schemaguard.sql.convergence;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanCauses;
import dev.schemaguard.sql.PlanExecutor;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.testkit.Databases;
import dev.schemaguard.testkit.TestPostgres;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Laws of the core loop over random schemas ({@code Databases.arbitrary().serverValid(version)}, spelled as the
 * primary server's version prints them): names needing quotes, every column type the generator knows, keys,
 * foreign keys across tables and schemas, checks, indexes, comments, row-level security and policies, storage
 * parameters, unlogged tables, inheritance, enums and domains (some used by columns), composite types,
 * standalone sequences with their options, views and materialized views over a table, functions using a table's
 * row type, text search dictionaries and configurations, foreign tables, and grants (read with privileges). The database properties run on
 * the primary server, in a database emptied before each try.
 * jqwik prints the seed of every run; a failure reproduces with {@code @Property(seed = "...")}.
 */
class SchemaProperties {

    private static final String LINE = System.lineSeparator();

    /** One database on the primary server, emptied before every try (cheaper than creating one per try). */
    private static ReusableThrowawayDatabase throwaway;

    @AfterContainer
    static void dropThrowawayDatabase() throws SQLException {
        if (throwaway != null) {
            throwaway.close();
            throwaway = null;
        }
    }

    @Provide
    Arbitrary<Database> databases() {
        return Databases.arbitrary().serverValid(TestPostgres.primary().majorVersion());
    }

    @Property(tries = 1000)
    void diffOfSchemaWithItselfIsEmpty(@ForAll("databases") Database database) {
        SchemaDiff diff = SchemaDiff.compare(database, database);
        if (!diff.isEmpty()) {
            fail("a model compared with itself shows differences" + LINE
                    + MigrationScenario.describeChanges("differences", diff.changes()));
        }
    }

    @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
    void baselineAppliedToEmptyDatabaseIntrospectsBackToTheModel(@ForAll("databases") Database model) throws SQLException {
        ReusableThrowawayDatabase database = emptyDatabase();
        MigrationPlan baseline = MigrationPlanner.baseline(model);
        apply(database, baseline, "the baseline");
        Database introspected = introspect(database, Databases.schemaNames(model));
        SchemaDiff diff = SchemaDiff.compare(model, introspected);
        if (!diff.isEmpty()) {
            fail("the baseline, applied to an empty database on " + database.server().label()
                    + ", does not introspect back to the model" + LINE
                    + MigrationScenario.describePlan(baseline)
                    + MigrationScenario.describeChanges("differences (expected = model)", diff.changes()));
        }
    }

    @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
    void planFromAToBConverges(@ForAll("databases") Database a, @ForAll("databases") Database b) throws SQLException {
        ReusableThrowawayDatabase database = emptyDatabase();
        String[] schemas = Databases.schemaNames(a, b);
        apply(database, MigrationPlanner.baseline(a), "the baseline of a");
        Database actual = introspect(database, schemas);
        SchemaDiff planned = SchemaDiff.compare(b, actual);
        MigrationPlan plan = MigrationPlanner.plan(planned, b, actual, PlanOptions.ALLOW_DROPS);
        PlanCauses.assertEveryStatementCausedByTheDiff(planned, plan);
        apply(database, plan, "the plan from a to b (planned from these differences: "
                + MigrationScenario.describeChanges("b compared with introspected a", planned.changes()) + ")");
        SchemaDiff diff = SchemaDiff.compare(b, introspect(database, schemas));
        if (!diff.isEmpty()) {
            fail("after applying the plan from a to b on " + database.server().label()
                    + ", the database still differs from b" + LINE + MigrationScenario.describePlan(plan)
                    + MigrationScenario.describeChanges("remaining differences (expected = b)", diff.changes()));
        }
    }

    /** The throwaway database on the primary server, with every schema of the previous try dropped. */
    private static synchronized ReusableThrowawayDatabase emptyDatabase() throws SQLException {
        if (throwaway == null) {
            throwaway = ReusableThrowawayDatabase.create(TestPostgres.primary());
            return throwaway;
        }
        return throwaway.reset();
    }

    private static void apply(ReusableThrowawayDatabase database, MigrationPlan plan, String what) {
        try {
            PlanExecutor.apply(database.connection(), plan);
        } catch (SQLException e) {
            throw new AssertionError(what + " failed to apply on " + database.server().label() + ": "
                    + e.getMessage() + LINE + MigrationScenario.describePlan(plan), e);
        }
    }

    private static Database introspect(ReusableThrowawayDatabase database, String... schemas) throws SQLException {
        return new PostgresIntrospector(IntrospectionOptions.only(schemas).withPrivileges()).introspect(database.connection());
    }
}
