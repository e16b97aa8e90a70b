package dev.schemaguard.cli;

import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * User mappings usually hold passwords: snapshot, check (text and JSON) and diff of a database with foreign
 * data and two user mappings print, write and log no option value of a mapping, and name each mapping as not
 * modelled.
 */
class UserMappingSecretTest {

    private static final String PASSWORD = "Fdw-S3cret-9731";
    private static final String REMOTE_USER = "remote_login_4821";

    private static final String DATABASE = """
            create foreign data wrapper plain_fdw;
            create server warehouse foreign data wrapper plain_fdw options (host 'warehouse.internal', dbname 'sales');
            create user mapping for current_user server warehouse options (user '%1$s', password '%2$s');
            create user mapping for public server warehouse options (password '%2$s');
            create foreign table orders_remote (id bigint not null, total numeric(12,2) options (column_name 'amount'))
                server warehouse options (table_name 'orders');
            """.formatted(REMOTE_USER, PASSWORD);

    @TempDir
    Path dir;

    @Test
    void noOptionValueOfAUserMappingReachesOutputFilesOrLogs() throws Exception {
        try (ThrowawayDatabase db = Fixtures.database(DATABASE)) {
            Path yaml = dir.resolve("snapshot.yaml");
            StringBuilder log = new StringBuilder();
            CliRun snapshot = logged(log, () -> CliRun.of("snapshot", "--db", db.jdbcUrl(), "--output", yaml.toString(),
                    "--verbose"));
            assertEquals(ExitCode.OK, snapshot.exitCode(), snapshot::toString);
            String written = Files.readString(yaml);
            assertTrue(written.contains("warehouse.internal") && written.contains("column_name: amount"),
                    "the server's and the columns' options are in the snapshot\n" + written);
            assertNoSecret(written);
            assertTrue(log.toString().contains("user mapping for role PUBLIC on server warehouse: not modelled (its options"
                    + " may hold passwords)"), "the mappings are named in the log\n" + log);

            CliRun check = logged(log, () -> CliRun.of("check", "--db", db.jdbcUrl(), "--expected", yaml.toString(), "--verbose"));
            assertEquals(ExitCode.OK, check.exitCode(), "the snapshot of foreign data compares equal\n" + check);
            CliRun json = logged(log, () -> CliRun.of("check", "--db", db.jdbcUrl(), "--expected", yaml.toString(),
                    "--format", "json"));
            assertEquals(ExitCode.OK, json.exitCode(), json::toString);

            Files.writeString(yaml, written.replace("warehouse.internal", "elsewhere.internal"));
            CliRun drift = logged(log, () -> CliRun.of("check", "--db", db.jdbcUrl(), "--expected", yaml.toString(), "--verbose"));
            assertEquals(ExitCode.DRIFT, drift.exitCode(), drift::toString);
            assertTrue(drift.out().contains("OPTIONS (SET host 'elsewhere.internal')"), drift::toString);
            logged(log, () -> CliRun.of("diff", "--from", db.jdbcUrl(), "--to", yaml.toString(), "--format", "sql"));
        }
    }

    /** Runs the command line with System.out and System.err (where the logger writes) captured too; checks all of it. */
    private static CliRun logged(StringBuilder logs, Supplier<CliRun> command) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CliRun run;
        try (PrintStream capture = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            run = command.get();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertNoSecret(run.toString());
        assertNoSecret(log.toString(StandardCharsets.UTF_8));
        logs.append(log.toString(StandardCharsets.UTF_8));
        return run;
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(PASSWORD) || text.contains("S3cret"), "a user mapping's password shows:\n" + text);
        assertFalse(text.contains(REMOTE_USER), "a user mapping's option value shows:\n" + text);
    }
}
