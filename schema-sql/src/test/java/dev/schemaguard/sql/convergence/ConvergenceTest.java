package dev.schemaguard.sql.convergence;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The acceptance test of the core loop: for every row of {@link ConvergenceCases} and every test server, build
 * the old and the new schema in two databases, plan the new model from the old database's model, apply the plan
 * and require that a fresh introspection of the migrated database shows no difference from the new model; then
 * apply the way back ({@link dev.schemaguard.sql.Rollback}) and require the old model again.
 */
class ConvergenceTest {

    private static final ReusableThrowawayDatabases DATABASES = new ReusableThrowawayDatabases();

    @AfterAll
    static void dropThrowawayDatabases() throws SQLException {
        DATABASES.close();
    }

    /**
     * Every case, or with {@code -Dconvergence.cases=TEXT} only those whose name contains TEXT (while working on a
     * group; the full table runs otherwise).
     */
    @TestFactory
    Stream<DynamicTest> everyCaseConvergesOnEveryServer() {
        List<PostgresServer> servers = TestPostgres.all();
        String only = System.getProperty("convergence.cases", "");
        return ConvergenceCases.all().stream().filter(c -> c.name().contains(only)).flatMap(convergenceCase -> servers.stream().map(server ->
                dynamicTest("[PG " + server.majorVersion() + "] " + convergenceCase.name(),
                        () -> check(DATABASES, server, convergenceCase))));
    }

    @Test
    void caseNamesAreUnique() {
        Set<String> names = new HashSet<>();
        for (ConvergenceCase convergenceCase : ConvergenceCases.all()) {
            assertTrue(names.add(convergenceCase.name()), "two convergence cases are named " + convergenceCase.name());
        }
    }

    static void check(ReusableThrowawayDatabases databases, PostgresServer server, ConvergenceCase convergenceCase)
            throws SQLException {
        assumeTrue(server.majorVersion() >= convergenceCase.minimumServerVersion(), () -> "case '"
                + convergenceCase.name() + "' needs PostgreSQL " + convergenceCase.minimumServerVersion()
                + " or newer; this server runs " + server.label());
        MigrationScenario scenario = MigrationScenario.load(databases.resetPairFor(server),
                convergenceCase.oldDdl(), convergenceCase.newDdl(), IntrospectionOptions.ALL);
        String where = "case '" + convergenceCase.name() + "' on " + server.label();
        scenario.declare(convergenceCase.declarations());
        Database original = scenario.currentModel();
        SchemaDiff initial = SchemaDiff.compare(scenario.targetModel(), original);
        MigrationScenario.Step step = scenario.migrateMeasuringLocks(convergenceCase.options());
        if (initial.isEmpty()) {
            assertTrue(step.plan().isEmpty() && step.plan().skipped().isEmpty(),
                    () -> where + ": old and new introspect to equal models, yet the plan is not empty"
                            + System.lineSeparator() + step.report());
            return;
        }
        switch (convergenceCase.expectation()) {
            case CONVERGES -> {
                assertFalse(step.plan().isEmpty(), () -> where + ": the models differ but the plan is empty"
                        + System.lineSeparator() + MigrationScenario.describeChanges("differences", initial.changes())
                        + step.report());
                assertConverged(where, step, convergenceCase.options());
                if (convergenceCase.rowsQuery() != null) {
                    assertEquals(convergenceCase.rows(), scenario.rows(convergenceCase.rowsQuery()),
                            () -> where + ": the rows did not survive" + System.lineSeparator() + step.report());
                }
                assertRollsBack(where, scenario, original, step.plan(), convergenceCase);
            }
            case HOLDS_BACK_UNSAFE_CHANGES -> {
                assertFalse(step.plan().skipped().isEmpty(), () -> where + ": with " + convergenceCase.options()
                        + " the plan should hold back the unsafe change(s) as skipped, but skipped nothing"
                        + System.lineSeparator() + step.report());
                assertFalse(step.remaining().isEmpty(), () -> where + ": statements were skipped, yet nothing"
                        + " remains different; the skipped list is wrong" + System.lineSeparator() + step.report());
                assertTrue(step.wrongLocks().isEmpty(), () -> where + ": statements took other locks or did other table work than"
                        + " LockRules declares for them:" + System.lineSeparator() + "  "
                        + String.join(System.lineSeparator() + "  ", step.wrongLocks()));
                MigrationScenario.Step unsafe = scenario.migrateMeasuringLocks(PlanOptions.ALLOW_DROPS);
                assertFalse(unsafe.plan().isEmpty(), () -> where + ": after the safe step, a plan allowing drops"
                        + " is empty although differences remain" + System.lineSeparator() + unsafe.report());
                assertConverged(where + " (second step, allowing drops)", unsafe, PlanOptions.ALLOW_DROPS);
                assertRollsBack(where, scenario, original, unsafe.plan(), convergenceCase);
            }
        }
    }

    /**
     * Cases whose way back cannot give the original schema back, each with the reason; reviewed, not skipped:
     * for these the way back must still fail (so a case that starts rolling back leaves this list).
     */
    static final Map<String, String> NO_WAY_BACK = Map.of();

    /**
     * The way back ({@link dev.schemaguard.sql.Rollback}) from the migrated database to {@code original}, applied,
     * leaves a schema equal to the original (locks not measured).
     */
    static void assertRollsBack(String where, MigrationScenario scenario, Database original, MigrationPlan up,
                                ConvergenceCase convergenceCase) throws SQLException {
        String noWayBack = NO_WAY_BACK.get(convergenceCase.name());
        MigrationScenario.Step down;
        try {
            down = scenario.rollBack(original, up, convergenceCase.options());
        } catch (AssertionError failedToApply) {
            if (noWayBack != null) {
                return;
            }
            throw new AssertionError(where + ": " + failedToApply.getMessage(), failedToApply);
        }
        if (noWayBack != null) {
            assertFalse(down.remaining().isEmpty(), () -> where + ": listed in NO_WAY_BACK (" + noWayBack
                    + "), yet the way back gives the original schema back: remove it from the list");
            return;
        }
        if (!down.remaining().isEmpty()) {
            fail(where + ": up then down does not give the original schema back" + System.lineSeparator()
                    + down.report());
        }
    }

    /**
     * The migrated database equals the target, planning once more finds nothing left to do, and every statement
     * took the locks {@code LockRules} declares for it (when the step measured them).
     */
    static void assertConverged(String where, MigrationScenario.Step step, PlanOptions options) {
        if (!step.remaining().isEmpty()) {
            fail(where + ": the migrated database still differs from the new schema" + System.lineSeparator()
                    + step.report());
        }
        MigrationPlan again = MigrationPlanner.plan(step.target(), step.after(), options);
        assertTrue(again.isEmpty() && again.skipped().isEmpty(), () -> where
                + ": the database converged, but planning again is not empty" + System.lineSeparator()
                + MigrationScenario.describePlan(again));
        assertTrue(step.wrongLocks().isEmpty(), () -> where + ": statements took other locks or did other table work than LockRules declares"
                + " for them:" + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ",
                step.wrongLocks()));
    }
}
