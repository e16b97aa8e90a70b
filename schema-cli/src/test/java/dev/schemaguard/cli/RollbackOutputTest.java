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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --rollback-output}: the way back written by diff and apply, run, gives the original schema back. */
class RollbackOutputTest {

    private static final String BEFORE = "create table t (id int primary key, legacy text, n int);"
            + " create sequence counter; select setval('counter', 42);";
    private static final String AFTER = "create table t (id int primary key, n bigint, added text not null default '');"
            + " create index t_n on t (n);";

    @TempDir
    Path dir;

    @Test
    void applyWritesTheWayBackOnceCommittedAndItRestoresTheSchema() throws Exception {
        Path original = Fixtures.expectedYaml(BEFORE, dir.resolve("before.yaml"));
        Path expected = Fixtures.expectedYaml(AFTER, dir.resolve("after.yaml"));
        Path down = dir.resolve("out/down.sql");
        try (ThrowawayDatabase db = Fixtures.database(BEFORE + " insert into t values (1, 'old', 7);")) {
            CliRun apply = CliRun.of("apply", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--allow-drops",
                    "--rollback-output", down.toString());
            assertEquals(ExitCode.OK, apply.exitCode(), apply::toString);
            assertTrue(apply.err().contains("wrote " + down), apply::toString);

            String script = Files.readString(down);
            assertTrue(script.startsWith("-- schemaguard rollback"), script);
            assertTrue(script.contains("-- cannot be undone: drop column public.t.legacy"), script);
            assertTrue(script.contains("-- cannot be undone: drop sequence public.counter"), script);
            assertTrue(script.contains("--   by: DROP SEQUENCE"), script);
            assertTrue(script.contains("-- deletes data written since the migration: drop column public.t.added"), script);
            assertFalse(script.contains(db.jdbcUrl()), "the header shows sources as displayed\n" + script);

            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                statement.execute(script);
            }
            CliRun check = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", original.toString());
            assertEquals(ExitCode.OK, check.exitCode(), () -> "up then down\n" + script + check);
            assertEquals(7L, scalar(db, "select n from t where id = 1"), "the rows stay; a dropped column comes back empty");
        }
    }

    @Test
    void anUnwritableFileIsAnErrorBeforeAnythingIsApplied() throws Exception {
        Path expected = Fixtures.expectedYaml(AFTER, dir.resolve("after.yaml"));
        Path aFile = Files.writeString(dir.resolve("not-a-directory"), "");
        try (ThrowawayDatabase db = Fixtures.database(BEFORE)) {
            CliRun apply = CliRun.of("apply", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--allow-drops",
                    "--rollback-output", aFile.resolve("down.sql").toString());
            assertEquals(ExitCode.ERROR, apply.exitCode(), apply::toString);
            assertTrue(apply.err().contains("nothing was applied"), apply::toString);
            assertEquals(0L, scalar(db, "select count(*) from pg_indexes where indexname = 't_n'"), "nothing ran");
        }
    }

    @Test
    void nothingToApplyWritesNoFile() throws Exception {
        Path expected = Fixtures.expectedYaml(BEFORE, dir.resolve("before.yaml"));
        Path down = dir.resolve("down.sql");
        try (ThrowawayDatabase db = Fixtures.database(BEFORE)) {
            CliRun apply = CliRun.of("apply", "--db", db.jdbcUrl(), "--expected", expected.toString(),
                    "--rollback-output", down.toString());
            assertEquals(ExitCode.OK, apply.exitCode(), apply::toString);
            assertTrue(apply.err().contains("no rollback script written"), apply::toString);
            assertFalse(Files.exists(down));
        }
    }

    @Test
    void diffWritesTheWayBackFromToToFromAndRefusesItWhenThePlanHoldsStatementsBack() throws Exception {
        Path expected = Fixtures.expectedYaml(AFTER, dir.resolve("after.yaml"));
        Path down = dir.resolve("down.sql");
        try (ThrowawayDatabase db = Fixtures.database(BEFORE)) {
            CliRun held = CliRun.of("diff", "--from", db.jdbcUrl(), "--to", expected.toString(), "--format", "sql",
                    "--rollback-output", down.toString());
            assertEquals(ExitCode.ERROR, held.exitCode(), held::toString);
            assertTrue(held.err().contains("add --allow-drops"), held::toString);
            assertFalse(Files.exists(down));

            CliRun text = CliRun.of("diff", "--from", db.jdbcUrl(), "--to", expected.toString(),
                    "--rollback-output", down.toString());
            assertEquals(ExitCode.ERROR, text.exitCode(), text::toString);
            assertTrue(text.err().contains("--rollback-output needs --format sql"), text::toString);

            CliRun diff = CliRun.of("diff", "--from", db.jdbcUrl(), "--to", expected.toString(), "--format", "sql",
                    "--allow-drops", "--rollback-output", down.toString());
            assertEquals(ExitCode.DRIFT, diff.exitCode(), diff::toString);
            String script = Files.readString(down);
            assertTrue(script.contains("-- cannot be undone: drop column public.t.legacy"), script);
            assertTrue(script.contains("ALTER TABLE public.t ADD COLUMN legacy text"), script);
            assertTrue(script.contains("DROP INDEX public.t_n"), script);
        }
    }

    private static long scalar(ThrowawayDatabase db, String query) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
