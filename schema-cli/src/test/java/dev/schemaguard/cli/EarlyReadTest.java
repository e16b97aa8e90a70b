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

/**
 * check reads the database while it parses the YAML, for the schemas the YAML's lines name; what the parsed YAML
 * declares decides, as before: a broken YAML is reported before an unreachable database, and a schema the lines
 * did not name (one renamed from) is read all the same.
 */
class EarlyReadTest {

    @TempDir
    Path dir;

    @Test
    void aBrokenYamlIsReportedBeforeAnUnreachableDatabase() throws Exception {
        Path yaml = dir.resolve("broken.yaml");
        Files.writeString(yaml, "schema: app\ntables:\n  t:\n    columns:\n      id: [int\n");

        CliRun run = CliRun.of("check", "--db", "postgres://u:p@127.0.0.1:1/app", "--expected", yaml.toString());

        assertEquals(ExitCode.ERROR, run.exitCode(), run::toString);
        assertTrue(Pattern.compile("broken\\.yaml:\\d+:\\d+").matcher(run.err()).find(), run::toString);
    }

    @Test
    void aSchemaTheLinesDoNotNameIsReadAfterTheYamlIsParsed() throws Exception {
        try (ThrowawayDatabase db = Fixtures.database("create schema old_app; create table old_app.t (id integer);")) {
            Path yaml = dir.resolve("renamed.yaml");
            Files.writeString(yaml, """
                    schemas:
                      app:
                        renamed_from: old_app
                        tables:
                          t:
                            columns:
                              id: integer
                    """);

            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", yaml.toString(), "--verbose");

            assertEquals(ExitCode.DRIFT, run.exitCode(), run::toString);
            assertTrue(run.err().contains("reading it again"), run::toString);
            assertTrue(run.out().contains("ALTER SCHEMA old_app RENAME TO app"), run::toString);
            assertFalse(run.out().contains("CREATE TABLE"), run::toString);
        }
    }

    @Test
    void theSchemasTheLinesNameAreReadOnce() throws Exception {
        try (ThrowawayDatabase db = Fixtures.database("create schema app; create table app.t (id integer);")) {
            Path yaml = dir.resolve("app.yaml");
            Files.writeString(yaml, "schema: app\ntables:\n  t:\n    columns:\n      id: integer\n");

            CliRun run = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", yaml.toString(), "--verbose");

            assertEquals(ExitCode.OK, run.exitCode(), run::toString);
            assertFalse(run.err().contains("reading it again"), run::toString);
        }
    }
}
