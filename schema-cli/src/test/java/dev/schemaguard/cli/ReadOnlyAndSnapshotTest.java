package dev.schemaguard.cli;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.testkit.ThrowawayDatabase;
import dev.schemaguard.yaml.YamlSchemaReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadOnlyAndSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void snapshotReadBackComparesEqualToTheDatabase() throws Exception {
        try (ThrowawayDatabase db = Fixtures.database(Fixtures.SHOP)) {
            Path yaml = dir.resolve("snapshot.yaml");
            CliRun run = CliRun.of("snapshot", "--db", db.jdbcUrl(), "--output", yaml.toString());
            assertEquals(ExitCode.OK, run.exitCode(), run::toString);

            Database read = YamlSchemaReader.read(yaml);
            Database live;
            try (Connection connection = db.connect()) {
                live = new PostgresIntrospector(IntrospectionOptions.ALL).introspect(connection);
            }
            assertEquals(3, read.tableCount());
            assertTrue(SchemaDiff.compare(read, live).isEmpty(), () -> SchemaDiff.compare(read, live).toString());

            CliRun stdout = CliRun.of("snapshot", "--db", db.jdbcUrl());
            assertEquals(Files.readString(yaml), stdout.out());
        }
    }

    @Test
    void snapshotWarnsAboutAnIndexAFailedConcurrentBuildLeftInvalid() throws Exception {
        try (ThrowawayDatabase db = Fixtures.database("CREATE TABLE t (k int); INSERT INTO t VALUES (1), (1);")) {
            try (Connection connection = db.connect(); java.sql.Statement statement = connection.createStatement()) {
                statement.execute("CREATE UNIQUE INDEX CONCURRENTLY t_k_key ON t (k)");
            } catch (java.sql.SQLException duplicate) {
                assertEquals("23505", duplicate.getSQLState(), duplicate::toString); // leaves t_k_key invalid
            }
            CliRun run = CliRun.of("snapshot", "--db", db.jdbcUrl());
            assertEquals(ExitCode.OK, run.exitCode(), run::toString);
            assertTrue(run.err().contains("warning: index t_k_key on public.t is invalid"), run::toString);
            assertTrue(run.out().contains("t_k_key"), run::toString);
        }
    }

    @Test
    void snapshotOnSeveralConnectionsIsTheSameSnapshot() throws Exception {
        try (ThrowawayDatabase db = Fixtures.database(Fixtures.SHOP)) {
            CliRun one = CliRun.of("snapshot", "--db", db.jdbcUrl());
            CliRun three = CliRun.of("snapshot", "--db", db.jdbcUrl(), "--connections", "3");
            assertEquals(ExitCode.OK, three.exitCode(), three::toString);
            assertTrue(one.out().contains("orders"), one::toString);
            assertEquals(one.out(), three.out());

            CliRun none = CliRun.of("snapshot", "--db", db.jdbcUrl(), "--connections", "0");
            assertEquals(ExitCode.ERROR, none.exitCode(), none::toString);
            assertTrue(none.err().contains("--connections must be at least 1"), none::toString);
        }
    }

    @Test
    void diffYamlAgainstYaml() throws Exception {
        Path full = Fixtures.expectedYaml(Fixtures.SHOP, dir.resolve("full.yaml"));
        Path partial = Fixtures.expectedYaml(Fixtures.SHOP_PARTIAL, dir.resolve("partial.yaml"));

        CliRun same = CliRun.of("diff", "--from", full.toString(), "--to", full.toString());
        assertEquals(ExitCode.OK, same.exitCode(), same::toString);

        CliRun text = CliRun.of("diff", "--from", partial.toString(), "--to", full.toString());
        assertEquals(ExitCode.DRIFT, text.exitCode(), text::toString);
        assertTrue(text.out().contains("missing table public.orders"), text::toString);

        CliRun json = CliRun.of("diff", "--from", partial.toString(), "--to", full.toString(), "--format", "json");
        assertEquals(ExitCode.DRIFT, json.exitCode(), json::toString);
        assertTrue(json.out().contains("\"status\": \"drift\""), json::toString);

        CliRun forward = CliRun.of("diff", "--from", partial.toString(), "--to", full.toString(), "--format", "sql");
        assertEquals(ExitCode.DRIFT, forward.exitCode(), forward::toString);
        assertTrue(forward.out().contains("CREATE TABLE"), forward::toString);

        CliRun backward = CliRun.of("diff", "--from", full.toString(), "--to", partial.toString(), "--format", "sql");
        assertEquals(ExitCode.DRIFT, backward.exitCode(), backward::toString);
        assertTrue(backward.out().contains("-- skipped (needs --allow-drops): "), backward::toString);
        assertFalse(backward.out().lines().anyMatch(l -> l.startsWith("DROP TABLE")), backward::toString);

        CliRun withDrops = CliRun.of("diff", "--from", full.toString(), "--to", partial.toString(), "--format", "sql",
                "--allow-drops");
        assertTrue(withDrops.out().lines().anyMatch(l -> l.startsWith("DROP TABLE")), withDrops::toString);
        assertFalse(withDrops.out().contains("-- skipped"), withDrops::toString);
    }

    @Test
    void readOnlyRoleCanCheckSnapshotAndDiff() throws Exception {
        String role = "sg_cli_ro_" + Long.toHexString(System.nanoTime());
        String password = "R3adOnly-Secret";
        Path expected = Fixtures.expectedYaml(Fixtures.SHOP, dir.resolve("shop.yaml"));
        try (ThrowawayDatabase db = Fixtures.database(Fixtures.SHOP_PARTIAL)) {
            db.execute("create role " + role + " login password '" + password + "';"
                    + "alter role " + role + " set default_transaction_read_only = on;"
                    + "grant usage on schema public to " + role);
            try {
                String url = Fixtures.libpqUrl(db, role, password);

                CliRun check = CliRun.of("check", "--db", url, "--expected", expected.toString());
                assertEquals(ExitCode.DRIFT, check.exitCode(), check::toString);
                assertTrue(check.out().contains("missing table public.orders"), check::toString);
                assertTrue(check.out().contains(role + ":***@"), "the URL is shown masked\n" + check);

                CliRun snapshot = CliRun.of("snapshot", "--db", url);
                assertEquals(ExitCode.OK, snapshot.exitCode(), snapshot::toString);
                assertTrue(snapshot.out().contains("customers"), snapshot::toString);

                CliRun diff = CliRun.of("diff", "--from", url, "--to", db.jdbcUrl());
                assertEquals(ExitCode.OK, diff.exitCode(), diff::toString);

                CliRun apply = CliRun.of("apply", "--db", url, "--expected", expected.toString());
                assertEquals(ExitCode.ERROR, apply.exitCode(), "the role really is read-only\n" + apply);
                assertTrue(apply.err().contains("read-only"), apply::toString);

                for (CliRun run : new CliRun[] {check, snapshot, diff, apply}) {
                    assertFalse(run.toString().contains(password), run::toString);
                }
            } finally {
                db.execute("revoke usage on schema public from " + role + "; drop role " + role);
            }
        }
    }
}
