package dev.schemaguard.cli;

import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cost of each statement and the rules over the plan on the command line: estimates from the database the plan
 * runs on, in text and JSON, and {@code --fail-on} / {@code --fail-on-severity} with exit code 4 (apply runs nothing).
 */
class PlanRulesCliTest {

    private static final String FILLED = "create table t (id int primary key, v int);"
            + " insert into t select i, i from generate_series(1, 5000) i; analyze t;";
    private static final String WITH_INDEX = "create table t (id int primary key, v int); create index t_v on t (v);";

    @TempDir
    Path dir;

    @Test
    void checkShowsTheCostAndTheRulesAndFailsOnANamedRule() throws Exception {
        Path expected = Fixtures.expectedYaml(WITH_INDEX, dir.resolve("t.yaml"));
        try (ThrowawayDatabase db = Fixtures.database(FILLED)) {
            CliRun text = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--big-table-rows", "1000");
            assertEquals(ExitCode.DRIFT, text.exitCode(), text::toString);
            assertTrue(text.out().matches("(?s).*-- scans public\\.t \\(~\\d+ kB, ~5\\.0k rows\\) under SHARE\\n.*"), text::toString);
            assertTrue(text.out().contains("-- SG107 error: CREATE INDEX without CONCURRENTLY"), text::toString);

            CliRun json = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--format", "json",
                    "--big-table-rows", "1000");
            assertTrue(json.out().contains("\"lock\": \"SHARE\""), json::toString);
            assertTrue(json.out().contains("\"relation\": \"public.t\""), json::toString);
            assertTrue(json.out().contains("\"estimatedRows\": 5000"), json::toString);
            assertTrue(json.out().contains("\"code\": \"SG107\""), json::toString);
            assertTrue(json.out().contains("\"sizes\": \"live\""), json::toString);

            CliRun failing = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--big-table-rows", "1000",
                    "--fail-on", "SG107");
            assertEquals(ExitCode.RULES_BROKEN, failing.exitCode(), failing::toString);
            assertTrue(failing.err().contains("SG107"), failing::toString);

            CliRun defaults = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString(),
                    "--fail-on-severity", "error");
            assertEquals(ExitCode.DRIFT, defaults.exitCode(), () -> "5,000 rows are not big by default: " + defaults);
        }
    }

    @Test
    void applyRefusesAPlanThatBreaksANamedRuleBeforeRunningAnything() throws Exception {
        Path expected = Fixtures.expectedYaml(WITH_INDEX, dir.resolve("t.yaml"));
        try (ThrowawayDatabase db = Fixtures.database(FILLED)) {
            CliRun refused = CliRun.of("apply", "--db", db.jdbcUrl(), "--expected", expected.toString(),
                    "--big-table-rows", "1000", "--fail-on-severity", "error");
            assertEquals(ExitCode.RULES_BROKEN, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains("nothing was applied") && refused.err().contains("SG107"), refused::toString);
            assertFalse(indexExists(db), "the refused plan ran");

            CliRun applied = CliRun.of("apply", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--fail-on", "SG101");
            assertEquals(ExitCode.OK, applied.exitCode(), applied::toString);
            assertTrue(indexExists(db));
        }
    }

    @Test
    void diffFromADeclaredSchemaHasNoSizes() throws Exception {
        Path from = Fixtures.expectedYaml("create table t (id int primary key, v int);", dir.resolve("from.yaml"));
        Path to = Fixtures.expectedYaml(WITH_INDEX, dir.resolve("to.yaml"));
        CliRun json = CliRun.of("diff", "--from", from.toString(), "--to", to.toString(), "--format", "json");
        assertEquals(ExitCode.DRIFT, json.exitCode(), json::toString);
        assertTrue(json.out().contains("\"sizes\": \"unknown\""), json::toString);
        assertTrue(json.out().contains("\"estimatedRows\": null"), json::toString);
        CliRun text = CliRun.of("diff", "--from", from.toString(), "--to", to.toString());
        assertTrue(text.out().contains("scans public.t (size unknown: no live database) under SHARE"), text::toString);
    }

    @Test
    void unknownRuleCodeIsAnError() throws Exception {
        Path expected = Fixtures.expectedYaml(WITH_INDEX, dir.resolve("t.yaml"));
        try (ThrowawayDatabase db = Fixtures.database(FILLED)) {
            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--fail-on", "SG999");
            assertEquals(ExitCode.ERROR, run.exitCode(), run::toString);
            assertTrue(run.err().contains("SG999"), run::toString);
        }
    }

    /** The plan is made for the checked server's version: DETACH PARTITION locks the partition differently on 13. */
    @Test
    void checkPlansForTheServersVersion() throws Exception {
        Path expected = Fixtures.expectedYaml("create table m (d date not null) partition by range (d);"
                + " create table m_feb (d date not null);", dir.resolve("m.yaml"));
        java.util.List<dev.schemaguard.testkit.PostgresServer> servers = dev.schemaguard.testkit.TestPostgres.all();
        org.junit.jupiter.api.Assumptions.assumeTrue(servers.stream().anyMatch(s -> s.majorVersion() == 13)
                && servers.stream().anyMatch(s -> s.majorVersion() >= 14), "needs PostgreSQL 13 and a newer server");
        for (dev.schemaguard.testkit.PostgresServer server : servers) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                db.execute("create table m (d date not null) partition by range (d);"
                        + " create table m_feb partition of m for values from ('2006-02-01') to ('2006-03-01');");
                CliRun json = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--format", "json");
                String mode = server.majorVersion() == 13 ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE";
                assertTrue(json.out().contains("\"public.m_feb\": \"" + mode + "\""), () -> server.label() + ": " + json);
            }
        }
    }

    private static boolean indexExists(ThrowawayDatabase db) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from pg_indexes where indexname = 't_v'")) {
            rows.next();
            return rows.getInt(1) == 1;
        }
    }
}
