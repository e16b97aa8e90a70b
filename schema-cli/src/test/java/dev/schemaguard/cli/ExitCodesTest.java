package dev.schemaguard.cli;

import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExitCodesTest {

    @TempDir
    Path dir;

    @Test
    void unreachableHostExitsTwoWithoutLeakingThePassword() throws Exception {
        Path expected = Fixtures.expectedYaml("create table t (id int);", dir.resolve("t.yaml"));
        CliRun run = CliRun.of("check", "--db", "postgres://someone:Sup3rSecret@127.0.0.1:1/app", "--expected", expected.toString());

        assertEquals(ExitCode.CANNOT_CONNECT, run.exitCode(), run::toString);
        assertOneLineReason(run);
        assertTrue(run.err().contains("postgres://someone:***@127.0.0.1:1/app"), run::toString);
        assertFalse(run.toString().contains("Sup3rSecret"), run::toString);

        CliRun jdbc = CliRun.of("snapshot", "--db", "jdbc:postgresql://127.0.0.1:1/app?user=u&password=Sup3rSecret");
        assertEquals(ExitCode.CANNOT_CONNECT, jdbc.exitCode(), jdbc::toString);
        assertFalse(jdbc.toString().contains("Sup3rSecret"), jdbc::toString);
    }

    @Test
    void unknownHostExitsTwo() {
        CliRun run = CliRun.of("snapshot", "--db", "postgres://u:p@no-such-host.invalid:5432/app");
        assertEquals(ExitCode.CANNOT_CONNECT, run.exitCode(), run::toString);
        assertOneLineReason(run);
    }

    @Test
    void wrongPasswordExitsTwo() throws Exception {
        String role = "sg_cli_pw_" + Long.toHexString(System.nanoTime());
        try (ThrowawayDatabase db = Fixtures.database("create role " + role + " login password 'right-password'")) {
            try {
                CliRun run = CliRun.of("snapshot", "--db", Fixtures.libpqUrl(db, role, "Wr0ngPassw0rd"));
                assertEquals(ExitCode.CANNOT_CONNECT, run.exitCode(),
                        () -> "the test server must use password authentication for 127.0.0.1\n" + run);
                assertTrue(run.err().contains("password"), run::toString);
                assertFalse(run.toString().contains("Wr0ngPassw0rd"), run::toString);
                assertOneLineReason(run);
            } finally {
                db.execute("drop role " + role);
            }
        }
    }

    @Test
    void malformedYamlExitsThreeNamingFileLineAndColumn() throws Exception {
        Path yaml = dir.resolve("broken.yaml");
        Files.writeString(yaml, "tables:\n  t:\n    columns:\n      id: [int\n");
        try (ThrowawayDatabase db = Fixtures.database("")) {
            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", yaml.toString());

            assertEquals(ExitCode.ERROR, run.exitCode(), run::toString);
            assertTrue(Pattern.compile("broken\\.yaml:\\d+:\\d+").matcher(run.err()).find(), run::toString);
            assertOneLineReason(run);
        }
    }

    @Test
    void missingExpectedFileExitsThree() {
        CliRun run = CliRun.of("check", "--db", "jdbc:postgresql://127.0.0.1:1/x", "--expected", dir.resolve("nope.yaml").toString());
        assertEquals(ExitCode.ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains("nope.yaml does not exist"), run::toString);
    }

    @Test
    void badArgumentsExitThree() {
        for (String[] args : new String[][] {
                {},
                {"frobnicate"},
                {"check", "--db", "jdbc:postgresql://127.0.0.1:1/x"},
                {"check", "--expected", "x.yaml", "--no-such-option"},
                {"check", "--db", "jdbc:postgresql://127.0.0.1:1/x", "--expected", "x.yaml", "--format", "xml"},
                {"apply", "--db", "jdbc:postgresql://127.0.0.1:1/x", "--expected", ".", "--lock-timeout", "soon"},
                {"snapshot", "--db", "mysql://127.0.0.1/x"},
        }) {
            CliRun run = CliRun.of(args);
            assertEquals(ExitCode.ERROR, run.exitCode(), () -> String.join(" ", args) + "\n" + run);
            assertFalse(run.err().isBlank(), run::toString);
            assertFalse(run.err().contains("\tat "), "no stack trace without --verbose\n" + run);
        }
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun help = CliRun.of("--help");
        assertEquals(ExitCode.OK, help.exitCode(), help::toString);
        assertTrue(help.out().contains("check") && help.out().contains("snapshot"), help::toString);
        assertEquals(ExitCode.OK, CliRun.of("check", "--help").exitCode());
        assertEquals(ExitCode.OK, CliRun.of("--version").exitCode());
    }

    @Test
    void verbosePrintsTheStackTrace() {
        CliRun run = CliRun.of("snapshot", "--verbose", "--db", "jdbc:postgresql://127.0.0.1:1/x");
        assertEquals(ExitCode.CANNOT_CONNECT, run.exitCode(), run::toString);
        assertTrue(run.err().contains("\tat "), run::toString);
    }

    private static void assertOneLineReason(CliRun run) {
        assertEquals(1, run.err().lines().count(), () -> "one line on stderr\n" + run);
        assertTrue(run.err().startsWith("schemaguard: "), run::toString);
    }
}
