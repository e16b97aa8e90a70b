package dev.schemaguard.cli;

import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message path of the command line, run with a real login whose password holds spaces, {@code @},
 * {@code :} and (in its URL spellings) {@code %}-escapes: no piece of the password may reach stdout or stderr.
 */
class PasswordLeakTest {

    /** The password as the server knows it. */
    private static final String PASSWORD = "s3Cr@t:p4ss w0rd!";
    /** Pieces of every spelling of it; none may show. */
    private static final String[] PIECES = {"s3Cr", "p4ss", "w0rd"};
    private static final Pattern HOST_AND_PORT = Pattern.compile("jdbc:postgresql://([^/?]+)");

    private static final String ROLE = "sg_mask_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);

    @TempDir
    Path dir;

    @BeforeAll
    static void createLogin() throws SQLException {
        try (Connection admin = Fixtures.server().connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
        }
    }

    @AfterAll
    static void dropLogin() throws SQLException {
        try (Connection admin = Fixtures.server().connect(); Statement statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + ROLE);
        }
    }

    /** The ways to write this login's URL for {@code database} on {@code hostAndPort}. */
    private static List<String> spellings(String hostAndPort, String database) {
        return List.of(
                "postgres://" + ROLE + ":s3Cr@t:p4ss w0rd%21@" + hostAndPort + "/" + database,
                "postgresql://" + ROLE + ":s3Cr%40t%3Ap4ss%20w0rd%21@" + hostAndPort + "/" + database + "?sslmode=disable",
                "jdbc:postgresql://" + hostAndPort + "/" + database + "?user=" + ROLE + "&password=s3Cr@t:p4ss w0rd%21",
                "jdbc:postgresql://" + hostAndPort + "/" + database + "?password=s3Cr%40t%3Ap4ss%20w0rd%21&user=" + ROLE);
    }

    private static List<String> foreignUrls() {
        return List.of(
                "mysql://" + ROLE + ":s3Cr@t:p4ss w0rd%21@db.example.com/shop",
                "http://" + ROLE + ":s3Cr%40t:p4ss w0rd@example.com/",
                "jdbc:mysql://db.example.com/shop?user=" + ROLE + "&password=s3Cr@t:p4ss w0rd%21");
    }

    @Test
    void parseErrorsOfEveryOption() throws Exception {
        Path yaml = Fixtures.expectedYaml(Fixtures.SHOP_PARTIAL, dir.resolve("shop.yaml"));
        try (ThrowawayDatabase db = Fixtures.database("")) {
            String good = db.jdbcUrl();
            for (String bad : foreignUrls()) {
                assertRefused(ExitCode.ERROR, "check", "--db", bad, "--expected", yaml.toString());
                assertRefused(ExitCode.ERROR, "check", "--db", good, "--expected", bad);
                assertRefused(ExitCode.ERROR, "check", "--db", good, "--expected", yaml.toString(), "--dev-db", bad);
                assertRefused(ExitCode.ERROR, "diff", "--from", bad, "--to", yaml.toString());
                assertRefused(ExitCode.ERROR, "diff", "--from", yaml.toString(), "--to", bad);
                assertRefused(ExitCode.ERROR, "snapshot", "--db", bad, "--verbose");
            }
        }
    }

    @Test
    void connectionFailures() throws Exception {
        Path yaml = Fixtures.expectedYaml(Fixtures.SHOP_PARTIAL, dir.resolve("shop.yaml"));
        try (ThrowawayDatabase db = Fixtures.database("")) {
            for (String closedPort : spellings("127.0.0.1:1", db.name())) {
                assertRefused(ExitCode.CANNOT_CONNECT, "check", "--db", closedPort, "--expected", yaml.toString());
                assertRefused(ExitCode.CANNOT_CONNECT, "diff", "--from", closedPort, "--to", yaml.toString(), "--verbose");
                assertRefused(ExitCode.CANNOT_CONNECT, "check", "--db", db.jdbcUrl(), "--expected", yaml.toString(),
                        "--dev-db", closedPort);
            }
            for (String wrongDatabase : spellings(hostAndPort(db), db.name() + "_missing")) {
                assertRefused(ExitCode.CANNOT_CONNECT, "snapshot", "--db", wrongDatabase);
            }
        }
    }

    @Test
    void driftHeadersJsonAndFixOutput() throws Exception {
        Path yaml = Fixtures.expectedYaml(Fixtures.SHOP, dir.resolve("shop.yaml"));
        try (ThrowawayDatabase db = Fixtures.database(Fixtures.SHOP_PARTIAL)) {
            for (String url : spellings(hostAndPort(db), db.name())) {
                CliRun text = assertRefused(ExitCode.DRIFT, "check", "--db", url, "--expected", yaml.toString());
                assertTrue(text.out().contains("missing table public.orders"), text::toString);
                assertTrue(text.out().contains(ROLE), "the URL is shown, only its password is hidden\n" + text);
                CliRun json = assertRefused(ExitCode.DRIFT, "check", "--db", url, "--expected", yaml.toString(),
                        "--format", "json");
                assertTrue(json.out().contains("public.orders"), json::toString);
                assertRefused(ExitCode.OK, "fix", "--db", url, "--expected", yaml.toString());
                CliRun diff = assertRefused(ExitCode.DRIFT, "diff", "--from", url, "--to", yaml.toString());
                assertTrue(diff.out().contains("public.orders"), diff::toString);
                Path rollback = dir.resolve("rollback.sql");
                assertRefused(ExitCode.DRIFT, "diff", "--from", url, "--to", yaml.toString(), "--format", "sql",
                        "--rollback-output", rollback.toString());
                String script = java.nio.file.Files.readString(rollback);
                assertTrue(script.contains(ROLE), "the URL is shown in the rollback header\n" + script);
                for (String piece : PIECES) {
                    assertFalse(script.toLowerCase(Locale.ROOT).contains(piece.toLowerCase(Locale.ROOT)),
                            () -> "a piece of the password is in the rollback script written for " + url.replace(piece, "<piece>"));
                }
            }
        }
    }

    /** Runs the command line, checks its exit code and that nothing of the password shows; returns the run. */
    private static CliRun assertRefused(int exitCode, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(exitCode, run.exitCode(), () -> String.join(" ", args) + "\n" + masked(run));
        String printed = run.out() + run.err();
        for (String piece : PIECES) {
            assertFalse(printed.toLowerCase(Locale.ROOT).contains(piece.toLowerCase(Locale.ROOT)),
                    () -> "'" + piece + "' printed by " + String.join(" ", args).replace(piece, "<piece>")
                            + "\n" + masked(run));
        }
        return run;
    }

    /** The run for a failure message, with the pieces replaced so that the message itself does not leak. */
    private static String masked(CliRun run) {
        String text = run.toString();
        for (String piece : PIECES) {
            text = text.replace(piece, "<piece>");
        }
        return text;
    }

    private static String hostAndPort(ThrowawayDatabase db) {
        Matcher matcher = HOST_AND_PORT.matcher(db.jdbcUrl());
        assertTrue(matcher.find(), db.jdbcUrl());
        return matcher.group(1);
    }
}
