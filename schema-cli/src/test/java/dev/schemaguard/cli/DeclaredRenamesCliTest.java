package dev.schemaguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code renamed_from} through the CLI (docs/yaml-format.md, "Declared renames"). */
class DeclaredRenamesCliTest {

    private static final String DECLARED = """
            tables:
              customers:
                renamed_from: clients
                columns:
                  id: integer primary key
                  full_name:
                    type: text
                    renamed_from: name
            """;

    @TempDir
    Path dir;

    @Test
    void applyRenamesAndKeepsTheRowThenTheKeyIsHarmless() throws Exception {
        PostgresServer server = TestPostgres.primary();
        Path expected = dir.resolve("schema.yaml");
        Files.writeString(expected, DECLARED);
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute("create table clients (id integer primary key, name text); insert into clients values (1, 'Ada')");
            CliRun apply = run(server, "apply", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.OK, apply.exitCode(), apply::toString);
            assertTrue(apply.out().contains("RENAME TO customers") || apply.err().contains("RENAME TO customers"), apply::toString);
            assertEquals(1, ComparisonScopeCliTest.count(db, "select count(*) from customers where full_name = 'Ada'"));
            CliRun again = run(server, "check", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.OK, again.exitCode(), again::toString);
        }
    }

    @Test
    void fixKeepsTheRenamesItsAdditionsNeed() throws Exception {
        PostgresServer server = TestPostgres.primary();
        Path expected = dir.resolve("schema.yaml");
        // the key keeps its old name: fix leaves out renaming constraints, and adds rather than renames a key
        Files.writeString(expected, DECLARED.replace("""
                    renamed_from: name
            """, """
                    renamed_from: name
                  email: text
                primary_key: {name: clients_pkey, columns: [id]}
            """).replace("id: integer primary key", "id: integer"));
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute("create table clients (id integer primary key, name text); insert into clients values (1, 'Ada')");
            CliRun fix = run(server, "fix", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.OK, fix.exitCode(), fix::toString);
            assertTrue(fix.out().contains("RENAME TO customers") && fix.out().contains("RENAME COLUMN name TO full_name"),
                    fix::toString);
            db.execute(fix.out());
            assertEquals(1, ComparisonScopeCliTest.count(db,
                    "select count(*) from customers where full_name = 'Ada' and email is null"), fix::toString);
        }
    }

    @Test
    void bothNamesPresentIsAnErrorNamingBoth() throws Exception {
        PostgresServer server = TestPostgres.primary();
        Path expected = dir.resolve("schema.yaml");
        Files.writeString(expected, DECLARED);
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute("create table clients (id integer primary key, name text); create table customers (id integer)");
            CliRun check = run(server, "check", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.ERROR, check.exitCode(), check::toString);
            assertTrue(check.err().contains("public.customers") && check.err().contains("public.clients")
                    && !check.err().contains("internal error"), check::toString);
        }
    }

    private static CliRun run(PostgresServer server, String... args) {
        List<String> withDevDb = new ArrayList<>(List.of(args));
        withDevDb.addAll(1, List.of("--dev-db", server.adminJdbcUrl()));
        return CliRun.withEmbeddedDefault(withDevDb.toArray(String[]::new));
    }
}
