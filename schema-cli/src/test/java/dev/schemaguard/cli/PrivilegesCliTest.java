package dev.schemaguard.cli;

import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --privileges}: grants count on check, fix, baseline and snapshot only when it is given. */
class PrivilegesCliTest {

    private static final String ROLE = "sg_cli_reader";

    private static final String YAML = """
            tables:
              things:
                columns:
                  id: integer primary key
            grants:
              - grant: [select, insert]
                object: table things
                to: %s
            """.formatted(ROLE);

    private static final String TABLE = "create table public.things (id integer primary key);";

    @TempDir
    Path dir;

    @Test
    void withoutTheFlagGrantsAreIgnoredQuietly() throws Exception {
        Path expected = Files.writeString(dir.resolve("things.yaml"), YAML);
        try (ThrowawayDatabase db = Fixtures.database(TABLE)) {
            createRole(db);
            db.execute("grant update on public.things to public; alter default privileges grant select on tables to " + ROLE);
            CliRun check = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString());
            assertEquals(ExitCode.OK, check.exitCode(), check::toString);
            assertTrue(check.err().isEmpty(), "no warning about privileges: " + check);

            CliRun baseline = CliRun.of("baseline", "--expected", expected.toString());
            assertFalse(baseline.out().contains("GRANT"), baseline::toString);
            CliRun snapshot = CliRun.of("snapshot", "--db", db.jdbcUrl());
            assertFalse(snapshot.out().contains("grants"), snapshot::toString);
        }
    }

    @Test
    void withTheFlagCheckReportsFixGrantsAndTheNextCheckPasses() throws Exception {
        Path expected = Files.writeString(dir.resolve("things.yaml"), YAML);
        try (ThrowawayDatabase db = Fixtures.database(TABLE)) {
            createRole(db);
            db.execute("grant update on public.things to public");
            CliRun check = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--privileges");
            assertEquals(ExitCode.DRIFT, check.exitCode(), check::toString);
            assertTrue(check.out().contains("missing grant SELECT on table public.things to " + ROLE), check::toString);
            assertTrue(check.out().contains("GRANT INSERT ON TABLE public.things TO " + ROLE), check::toString);
            assertTrue(check.out().contains("unexpected grant UPDATE on table public.things to public"), check::toString);
            assertTrue(check.out().contains("REVOKE UPDATE ON TABLE public.things FROM PUBLIC"), check::toString);

            Path fix = dir.resolve("fix.sql");
            CliRun fixRun = CliRun.of("fix", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--privileges",
                    "--output", fix.toString());
            assertEquals(ExitCode.OK, fixRun.exitCode(), fixRun::toString);
            String sql = Files.readString(fix);
            assertTrue(sql.contains("GRANT SELECT ON TABLE public.things TO " + ROLE), sql);
            db.execute(sql + "; revoke update on public.things from public");

            CliRun again = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", expected.toString(), "--privileges");
            assertEquals(ExitCode.OK, again.exitCode(), again::toString);

            CliRun baseline = CliRun.of("baseline", "--expected", expected.toString(), "--privileges");
            assertTrue(baseline.out().contains("GRANT SELECT ON TABLE public.things TO " + ROLE), baseline::toString);
            CliRun snapshot = CliRun.of("snapshot", "--db", db.jdbcUrl(), "--privileges");
            assertTrue(snapshot.out().contains("object: table things"), snapshot::toString);
        }
    }

    private static void createRole(ThrowawayDatabase db) throws SQLException {
        db.execute("DO $$ BEGIN CREATE ROLE " + ROLE + " NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation"
                + " THEN NULL; END $$");
    }
}
