package dev.schemaguard.cli;

import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplyTest {

    @TempDir
    Path dir;

    @Test
    void applyConvergesAndPrintsWhatItRan() throws Exception {
        Path expected = Fixtures.expectedYaml(Fixtures.SHOP, dir.resolve("shop.yaml"));
        try (ThrowawayDatabase db = Fixtures.database(Fixtures.SHOP_PARTIAL)) {
            CliRun apply = CliRun.of("apply", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.OK, apply.exitCode(), apply::toString);
            assertTrue(apply.out().contains("CREATE TABLE"), apply::toString);

            CliRun check = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.OK, check.exitCode(), check::toString);

            CliRun again = CliRun.of("apply", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.OK, again.exitCode(), again::toString);
            assertTrue(again.out().contains("nothing to apply"), again::toString);
        }
    }

    /** A snapshot's aggregates and casts (YAML, canonicalized through a throwaway database) are checked and applied. */
    @Test
    void aggregatesAndCastsOfASnapshotAreCheckedAndApplied() throws Exception {
        String base = "create type code as (v text);"
                + " create function code_text(code) returns text language sql immutable as 'select $1.v';"
                + " create function tally_step(bigint, integer) returns bigint language sql immutable as 'select $1 + $2';";
        Path expected = Fixtures.expectedYaml(base
                + " create aggregate tally(integer) (sfunc = tally_step, stype = bigint, initcond = '0');"
                + " create cast (code as text) with function code_text(code) as assignment;", dir.resolve("tally.yaml"));
        String yaml = java.nio.file.Files.readString(expected);
        assertTrue(yaml.contains("aggregates:") && yaml.contains("casts:"), yaml);
        try (ThrowawayDatabase db = Fixtures.database(base)) {
            CliRun check = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.DRIFT, check.exitCode(), check::toString);
            assertTrue(check.out().contains("missing aggregate public.tally(integer)"), check::toString);
            assertTrue(check.out().contains("missing cast (public.code AS text)"), check::toString);

            CliRun apply = CliRun.of("apply", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.OK, apply.exitCode(), apply::toString);
            assertTrue(apply.out().contains("CREATE AGGREGATE public.tally(integer)"), apply::toString);
            assertTrue(apply.out().contains("CREATE CAST (public.code AS text) WITH FUNCTION public.code_text(code) AS ASSIGNMENT"),
                    apply::toString);
            assertEquals(ExitCode.OK, CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString()).exitCode());
        }
    }

    @Test
    void dropsOnlyWithAllowDrops() throws Exception {
        Path expected = Fixtures.expectedYaml("create table t (id int primary key);", dir.resolve("t.yaml"));
        try (ThrowawayDatabase db = Fixtures.database("create table t (id int primary key, legacy text);")) {
            CliRun safe = CliRun.of("apply", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.OK, safe.exitCode(), safe::toString);
            assertTrue(safe.out().contains("-- skipped (needs --allow-drops)"), safe::toString);
            assertTrue(columnExists(db, "t", "legacy"));

            CliRun drops = CliRun.of("apply", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--allow-drops");
            assertEquals(ExitCode.OK, drops.exitCode(), drops::toString);
            assertFalse(columnExists(db, "t", "legacy"));
            assertEquals(ExitCode.OK, CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString()).exitCode());
        }
    }

    @Test
    void applyIsAllOrNothing() throws Exception {
        Path expected = Fixtures.expectedYaml("""
                create table audit_log (id int primary key);
                create table items (id int primary key, sku text unique);
                """, dir.resolve("items.yaml"));
        try (ThrowawayDatabase db = Fixtures.database("""
                create table items (id int primary key, sku text);
                insert into items values (1, 'same'), (2, 'same');
                """)) {
            CliRun plan = CliRun.of("diff", "--from", db.jdbcUrl(), "--to", expected.toString(), "--format", "sql");
            int createTable = plan.out().indexOf("CREATE TABLE");
            int unique = plan.out().indexOf("UNIQUE");
            assertTrue(createTable >= 0 && unique > createTable,
                    () -> "the failing statement must come after one that succeeds\n" + plan);

            CliRun apply = CliRun.of("apply", "--db", db.jdbcUrl(), "--expected", expected.toString());

            assertEquals(ExitCode.ERROR, apply.exitCode(), apply::toString);
            assertTrue(apply.err().contains("nothing was applied"), apply::toString);
            assertEquals(1, apply.err().lines().filter(line -> !line.startsWith("[")).count(),
                    () -> "one line besides the progress ([n/m] ...)\n" + apply);
            assertFalse(tableExists(db, "audit_log"), "the CREATE TABLE that ran first was rolled back");
        }
    }

    @Test
    void lockTimeoutStopsWaitingForABusyTable() throws Exception {
        Path expected = Fixtures.expectedYaml("create table t (id int primary key, added text);", dir.resolve("t.yaml"));
        try (ThrowawayDatabase db = Fixtures.database("create table t (id int primary key);");
             Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("lock table t in access exclusive mode");
                long start = System.nanoTime();
                CliRun apply = CliRun.of("apply", "--db", db.jdbcUrl(), "--expected", expected.toString(),
                        "--lock-timeout", "300ms", "--lock-retries", "1");
                long millis = (System.nanoTime() - start) / 1_000_000;

                assertEquals(ExitCode.ERROR, apply.exitCode(), apply::toString);
                assertTrue(apply.err().contains("it waited longer than --lock-timeout 300ms for a lock on one of public.t"
                        + " (ACCESS EXCLUSIVE), on 2 attempts -- nothing was applied"), apply::toString);
                assertTrue(apply.err().contains("run `schemaguard apply` again when the table is less busy"), apply::toString);
                assertTrue(apply.err().contains("[1/1] gave up waiting for a lock on attempt 1; trying again in 1.0 s"),
                        apply::toString);
                assertTrue(millis < 30_000, "gave up after " + millis + " ms");
            } finally {
                blocker.rollback();
            }
        }
    }

    @Test
    void baselineAppliedToAnEmptyDatabaseMatches() throws Exception {
        Path expected = Fixtures.expectedYaml(Fixtures.SHOP, dir.resolve("shop.yaml"));
        CliRun baseline = CliRun.of("baseline", "--expected", expected.toString());
        assertEquals(ExitCode.OK, baseline.exitCode(), baseline::toString);
        assertTrue(baseline.out().contains("CREATE TABLE"), baseline::toString);

        try (ThrowawayDatabase db = Fixtures.database("")) {
            CliRun apply = CliRun.of("baseline", "--expected", expected.toString(), "--apply", "--db", db.jdbcUrl());
            assertEquals(ExitCode.OK, apply.exitCode(), apply::toString);
            CliRun check = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.OK, check.exitCode(), check::toString);
        }
    }

    private static boolean tableExists(ThrowawayDatabase db, String table) throws SQLException {
        return exists(db, "select 1 from pg_tables where schemaname = 'public' and tablename = '" + table + "'");
    }

    private static boolean columnExists(ThrowawayDatabase db, String table, String column) throws SQLException {
        return exists(db, "select 1 from information_schema.columns where table_schema = 'public' and table_name = '"
                + table + "' and column_name = '" + column + "'");
    }

    private static boolean exists(ThrowawayDatabase db, String query) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            return rs.next();
        }
    }
}
