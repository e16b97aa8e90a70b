package dev.schemaguard.cli;

import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * What check, fix, apply, diff and snapshot leave out (docs/cli.md, docs/yaml-format.md "Ignore rules"): the
 * migration tools' history tables, ignore rules, the unexpected objects policy; on every test server.
 */
class ComparisonScopeCliTest {

    /** A database a team shares with Flyway, Liquibase, an ETL job and a legacy application. */
    private static final String LIVE = """
            create table flyway_schema_history (installed_rank int primary key, version varchar(50));
            insert into flyway_schema_history values (1, '1');
            create table databasechangelog (id varchar(255) not null, author varchar(255) not null);
            create table databasechangeloglock (id int primary key, locked boolean not null);
            create table schema_version (installed_rank int primary key);
            create table orders (id int primary key);
            create index orders_by_dba on orders (id desc);
            create table legacy_customers (id int primary key);
            insert into legacy_customers values (7);
            create table stray (id int);
            create function touch() returns int language sql as 'select 1';
            create schema reporting;
            create table reporting.daily (day date);
            comment on schema reporting is 'filled by the ETL job';
            """;

    private static final String DECLARED = """
            schemas:
              public:
                tables:
                  orders:
                    columns:
                      id: integer primary key
              reporting:
                comment: filled by the ETL job
            """;

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> onEveryServer() {
        List<DynamicTest> tests = new ArrayList<>();
        for (PostgresServer server : TestPostgres.all()) {
            String pg = "[PG " + server.majorVersion() + "] ";
            tests.add(dynamicTest(pg + "history tables are never drift", () -> historyTablesAreNeverDrift(server)));
            tests.add(dynamicTest(pg + "ignored objects are never reported, planned, dropped or snapshotted",
                    () -> ignoredObjectsAreLeftAlone(server)));
            tests.add(dynamicTest(pg + "unexpected objects: warn or ignore, never dropped", () -> unexpectedObjectsPolicy(server)));
        }
        return tests.stream();
    }

    private void historyTablesAreNeverDrift(PostgresServer server) throws Exception {
        Path expected = yaml("history-" + server.majorVersion() + ".yaml", DECLARED.replace("""
                  reporting:
                    comment: filled by the ETL job
                """, ""));
        try (ThrowawayDatabase db = database(server, LIVE)) {
            Function<String[], CliRun> run = args -> run(server, args);
            CliRun check = run.apply(new String[] {"check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--verbose"});
            assertEquals(ExitCode.DRIFT, check.exitCode(), check::toString);
            assertTrue(check.out().contains("unexpected table public.stray"), check::toString);
            assertFalse(check.out().contains("flyway_schema_history") || check.out().contains("databasechangelog"), check::toString);
            assertEquals(1, check.err().lines().filter(l -> l.contains("left out the migration history table(s)")).count(), check::toString);
            assertTrue(check.err().contains("public.databasechangelog, public.databasechangeloglock, public.flyway_schema_history"),
                    check::toString);

            CliRun quiet = run.apply(new String[] {"check", "--db", db.jdbcUrl(), "--expected", expected.toString()});
            assertFalse(quiet.err().contains("history table"), "said in verbose output only\n" + quiet);

            CliRun included = run.apply(new String[] {"check", "--db", db.jdbcUrl(), "--expected", expected.toString(),
                    "--include-history-tables"});
            assertTrue(included.out().contains("unexpected table public.flyway_schema_history"), included::toString);

            CliRun diff = run.apply(new String[] {"diff", "--from", db.jdbcUrl(), "--to", expected.toString(), "--format", "sql"});
            assertTrue(diff.out().contains("DROP TABLE public.stray"), diff::toString);
            assertFalse(diff.out().contains("flyway_schema_history") || diff.out().contains("databasechangelog"), diff::toString);

            CliRun snapshot = run.apply(new String[] {"snapshot", "--db", db.jdbcUrl()});
            assertEquals(ExitCode.OK, snapshot.exitCode(), snapshot::toString);
            assertTrue(snapshot.out().contains("stray:") && !snapshot.out().contains("flyway_schema_history"), snapshot::toString);

            CliRun apply = run.apply(new String[] {"apply", "--db", db.jdbcUrl(), "--expected", expected.toString(),
                    "--allow-drops", "--history-table", "schema_version"});
            assertEquals(ExitCode.OK, apply.exitCode(), apply::toString);
            assertFalse(tableExists(db, "public", "stray"), apply::toString);
            for (String history : List.of("flyway_schema_history", "databasechangelog", "databasechangeloglock", "schema_version")) {
                assertTrue(tableExists(db, "public", history), history + " survives apply --allow-drops\n" + apply);
            }
            assertEquals(1, count(db, "select count(*) from flyway_schema_history"));
        }
    }

    private void ignoredObjectsAreLeftAlone(PostgresServer server) throws Exception {
        Path expected = yaml("ignore-" + server.majorVersion() + ".yaml", """
                ignore:
                  - public.legacy_*
                  - reporting.*
                  - functions: touch
                  - nothing_here.*
                  - tables: schema_version
                schemas:
                  public:
                    tables:
                      orders:
                        columns:
                          id: integer primary key
                      legacy_customers:
                        columns:
                          id: integer primary key
                          name: text
                      invoices:
                        columns:
                          id: integer primary key
                          customer_id: integer references legacy_customers(id)
                  reporting:
                    comment: filled by the ETL job
                """);
        try (ThrowawayDatabase db = database(server, LIVE)) {
            CliRun check = run(server, "check", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.DRIFT, check.exitCode(), check::toString);
            assertTrue(check.out().contains("unexpected table public.stray"), check::toString);
            assertTrue(check.out().contains("missing table public.invoices"), check::toString);
            for (String ignored : List.of("table public.legacy_customers", "legacy_customers.name", "reporting", "touch")) {
                assertFalse(check.out().contains(ignored), ignored + " is ignored on both sides\n" + check);
            }
            assertTrue(check.err().contains("warning: " + expected + ":5:5: ignore rule 'nothing_here.*' matches nothing"),
                    check::toString);
            assertEquals(1, check.err().lines().count(), check::toString);

            CliRun hostile = run(server, "check", "--db", db.jdbcUrl(), "--expected", expected.toString(),
                    "--ignore", "x'; drop table orders; --", "--ignore", "tables:stray", "--ignore", "invoices", "--ignore", "indexes:public.*_by_dba");
            assertEquals(ExitCode.OK, hostile.exitCode(), hostile::toString);
            assertTrue(hostile.err().contains("ignore rule 'x'; drop table orders; --' matches nothing"), hostile::toString);
            assertTrue(tableExists(db, "public", "orders"), "a glob never reaches SQL");

            CliRun badKind = run(server, "check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--ignore", "tabels:x");
            assertEquals(ExitCode.ERROR, badKind.exitCode(), badKind::toString);
            assertTrue(badKind.err().contains("--ignore tabels:x: unknown kind 'tabels'"), badKind::toString);

            CliRun snapshot = run(server, "snapshot", "--db", db.jdbcUrl(), "--ignore", "reporting.*", "--ignore", "legacy_*");
            assertEquals(ExitCode.OK, snapshot.exitCode(), snapshot::toString);
            assertTrue(snapshot.out().contains("stray:"), snapshot::toString);
            assertFalse(snapshot.out().contains("reporting") || snapshot.out().contains("legacy_customers"), snapshot::toString);

            CliRun apply = run(server, "apply", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--allow-drops");
            assertEquals(ExitCode.OK, apply.exitCode(), apply::toString);
            assertTrue(apply.out().contains("DROP TABLE public.stray"), apply::toString);
            assertTrue(apply.out().contains("REFERENCES public.legacy_customers"), "a declared table may reference an ignored one\n" + apply);
            assertFalse(tableExists(db, "public", "stray"), apply::toString);
            assertEquals(1, count(db, "select count(*) from legacy_customers where id = 7"), "the ignored table keeps its row");
            assertTrue(tableExists(db, "reporting", "daily"), apply::toString);
            assertEquals(1, count(db, "select count(*) from pg_proc where proname = 'touch'"), apply::toString);
            assertTrue(tableExists(db, "public", "flyway_schema_history"), apply::toString);
            assertEquals(ExitCode.OK, run(server, "check", "--db", db.jdbcUrl(), "--expected", expected.toString()).exitCode());
        }
    }

    private void unexpectedObjectsPolicy(PostgresServer server) throws Exception {
        Path declared = yaml("declared-" + server.majorVersion() + ".yaml", DECLARED);
        Path ignoring = yaml("unexpected-" + server.majorVersion() + ".yaml", "unexpected: ignore\n" + DECLARED);
        try (ThrowawayDatabase db = database(server, LIVE)) {
            CliRun warn = run(server, "check", "--db", db.jdbcUrl(), "--expected", declared.toString(),
                    "--unexpected", "tables=warn", "--unexpected", "functions=ignore", "--unexpected", "indexes=warn");
            assertEquals(ExitCode.OK, warn.exitCode(), warn::toString);
            assertTrue(warn.err().contains("unexpected index orders_by_dba on public.orders is not declared"), warn::toString);
            assertTrue(warn.err().contains("unexpected table public.stray is not declared (unexpected tables: warn; left alone)"),
                    warn::toString);
            assertTrue(warn.err().contains("unexpected table reporting.daily"), warn::toString);
            assertFalse(warn.err().contains("touch"), warn::toString);

            CliRun drift = run(server, "check", "--db", db.jdbcUrl(), "--expected", declared.toString(), "--unexpected", "views=ignore");
            assertEquals(ExitCode.DRIFT, drift.exitCode(), drift::toString);
            assertTrue(drift.out().contains("unexpected function public.touch()"), drift::toString);
            assertTrue(drift.out().contains("unexpected index orders_by_dba on public.orders"), drift::toString);

            CliRun apply = run(server, "apply", "--db", db.jdbcUrl(), "--expected", ignoring.toString(), "--allow-drops");
            assertEquals(ExitCode.OK, apply.exitCode(), apply::toString);
            assertTrue(apply.out().contains("nothing to apply"), apply::toString);
            assertTrue(tableExists(db, "public", "stray") && tableExists(db, "reporting", "daily"), apply::toString);
            assertEquals(1, count(db, "select count(*) from pg_indexes where indexname = 'orders_by_dba'"), "an index a DBA added stays\n" + apply);

            CliRun functions = run(server, "check", "--db", db.jdbcUrl(), "--expected", ignoring.toString(),
                    "--unexpected", "functions=drift");
            assertEquals(ExitCode.DRIFT, functions.exitCode(), functions::toString);
            assertTrue(functions.out().contains("unexpected function public.touch()") && !functions.out().contains("stray"),
                    "the file's 'ignore' stays for every kind but functions\n" + functions);
            CliRun overridden = run(server, "check", "--db", db.jdbcUrl(), "--expected", ignoring.toString(), "--unexpected", "drift");
            assertTrue(overridden.out().contains("unexpected table public.stray"), "--unexpected drift overrides the file\n" + overridden);
        }
    }

    private Path yaml(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static CliRun run(PostgresServer server, String... args) {
        List<String> withDevDb = new ArrayList<>(List.of(args));
        withDevDb.addAll(1, List.of("--dev-db", server.adminJdbcUrl()));
        return CliRun.withEmbeddedDefault(withDevDb.toArray(String[]::new));
    }

    private static ThrowawayDatabase database(PostgresServer server, String sql) throws SQLException {
        ThrowawayDatabase database = ThrowawayDatabase.create(server);
        database.execute(sql);
        return database;
    }

    static boolean tableExists(ThrowawayDatabase db, String schema, String table) throws SQLException {
        return count(db, "select count(*) from pg_tables where schemaname = '" + schema + "' and tablename = '" + table + "'") == 1;
    }

    static long count(ThrowawayDatabase db, String query) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
