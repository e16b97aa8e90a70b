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

    @Test
    void theErrorIsPlacedAtTheRenamedFromKeyOfTheTableOrColumn() throws Exception {
        PostgresServer server = TestPostgres.primary();
        Path expected = dir.resolve("schema.yaml");
        Files.writeString(expected, DECLARED);
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute("create table clients (id integer primary key, name text); create table customers (id integer)");
            CliRun tables = run(server, "check", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.ERROR, tables.exitCode(), tables::toString);
            assertTrue(tables.err().startsWith("schemaguard: " + expected + ":3:19: table public.customers is declared"),
                    tables::toString);
            assertEquals(1, tables.err().lines().count(), tables::toString);
            db.execute("drop table customers; alter table clients rename to customers; alter table customers add full_name text");
            CliRun columns = run(server, "apply", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.ERROR, columns.exitCode(), columns::toString);
            assertTrue(columns.err().startsWith("schemaguard: " + expected + ":8:23: column public.customers.full_name"),
                    columns::toString);
        }
    }

    @Test
    void anIndexConstraintOrTypeDeclaredFromANameTheDatabaseLacksIsPlacedAtItsKey() throws Exception {
        PostgresServer server = TestPostgres.primary();
        Path expected = dir.resolve("schema.yaml");
        Files.writeString(expected, """
                enums:
                  feeling: {values: [sad, happy], renamed_from: mood}
                tables:
                  t:
                    columns:
                      id: integer
                      m: feeling
                    checks:
                      - {expression: id > 0, renamed_from: t_old_check}
                    indexes:
                      - {name: t_m_idx, columns: [m], renamed_from: t_old_idx}
                """);
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute("create table t (id integer, constraint t_id_check check (id > 0))");
            CliRun check = run(server, "check", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.ERROR, check.exitCode(), check::toString);
            // the first declaration that does not fit: the enum's (types before tables)
            assertTrue(check.err().startsWith("schemaguard: " + expected + ":2:49: enum public.feeling is declared renamed"
                    + " from enum public.mood, but schema public has neither"), check::toString);
            db.execute("create type feeling as enum ('sad', 'happy'); alter table t add m feeling");
            Files.writeString(expected, Files.readString(expected).replace("feeling: {values: [sad, happy], renamed_from: mood}",
                    "feeling: [sad, happy]"));
            CliRun index = run(server, "check", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.ERROR, index.exitCode(), index::toString);
            assertTrue(index.err().startsWith("schemaguard: " + expected + ":11:53: index t_m_idx is declared renamed"
                    + " from index t_old_idx, but table public.t has neither"), index::toString);
        }
    }

    @Test
    void grantsOnARenamedTableFollowItWithPrivileges() throws Exception {
        PostgresServer server = TestPostgres.primary();
        Path expected = dir.resolve("schema.yaml");
        Files.writeString(expected, DECLARED.replace("id: integer primary key", "id: integer") + """
                    primary_key: {columns: [id], renamed_from: clients_pkey}
                grants:
                  - grant: select
                    object: table customers
                    to: sg_renames_reader
                  - grant: update
                    object: column customers.full_name
                    to: sg_renames_reader
                """);
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute("DO $$ BEGIN CREATE ROLE sg_renames_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR"
                    + " unique_violation THEN NULL; END $$");
            db.execute("create table clients (id integer primary key, name text); insert into clients values (1, 'Ada');"
                    + " grant select on clients to sg_renames_reader; grant update (name) on clients to sg_renames_reader");
            CliRun diff = run(server, "diff", "--from", db.jdbcUrl(), "--to", expected.toString(), "--privileges",
                    "--format", "sql");
            assertEquals(List.of("ALTER TABLE public.clients RENAME TO customers;",
                    "ALTER TABLE public.customers RENAME COLUMN name TO full_name;",
                    "ALTER TABLE public.customers RENAME CONSTRAINT clients_pkey TO customers_pkey;"),
                    diff.out().lines().filter(line -> !line.isBlank() && !line.startsWith("--")).toList(), diff::toString);
            CliRun apply = run(server, "apply", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--privileges");
            assertEquals(ExitCode.OK, apply.exitCode(), apply::toString);
            CliRun check = run(server, "check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--privileges");
            assertEquals(ExitCode.OK, check.exitCode(), check::toString);
            assertEquals(1, ComparisonScopeCliTest.count(db, "select count(*) from customers where full_name = 'Ada'"
                    + " and has_column_privilege('sg_renames_reader', 'customers', 'full_name', 'UPDATE')"));
        }
    }

    private static CliRun run(PostgresServer server, String... args) {
        List<String> withDevDb = new ArrayList<>(List.of(args));
        withDevDb.addAll(1, List.of("--dev-db", server.adminJdbcUrl()));
        return CliRun.withEmbeddedDefault(withDevDb.toArray(String[]::new));
    }
}
