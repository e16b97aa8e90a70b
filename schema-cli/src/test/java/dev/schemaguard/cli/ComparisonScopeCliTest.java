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
            create table legacy_customers (id int primary key);
            insert into legacy_customers values (7);
            create table stray (id int);
            create function touch() returns int language sql as 'select 1';
            create schema reporting;
            create table reporting.daily (day date);
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
