package dev.schemaguard.cli;

import dev.schemaguard.embedded.EmbeddedPostgres;
import dev.schemaguard.sql.SqlCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Shows schemaguard at work without any set-up: an embedded PostgreSQL, a shop database that has drifted from
 * the schema it should have, and the commands that find and close the gap.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded PostgreSQL, create an example database that has drifted from its expected"
                + " schema, then run check, fix and check again. Needs no database and no configuration.")
final class DemoCommand implements Callable<Integer> {

    private static final String RESOURCES = "/dev/schemaguard/cli/demo/";

    private final Terminal terminal;

    @Mixin
    VerboseOption verbose;

    DemoCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        PrintStream out = terminal.out();
        Path directory = Files.createTempDirectory("schemaguard-demo-");
        try {
            Path expected = directory.resolve("shop.yaml");
            Files.writeString(expected, resource("shop.yaml"));
            out.println("schemaguard demo: starting an embedded PostgreSQL (downloaded once, then cached) ...");
            try (EmbeddedPostgres postgres = startServer()) {
                out.printf("%s is running on 127.0.0.1:%d (started in %.1f s).%n", postgres.release(), postgres.port(),
                        postgres.timings().total().toMillis() / 1000.0);
                String shop = createShop(postgres);
                out.println("Created the database 'shop' (the live database, drifted) and " + expected
                        + " (the schema it should have).");
                return run(postgres, shop, expected, start);
            }
        } finally {
            deleteQuietly(directory);
        }
    }

    private int run(EmbeddedPostgres postgres, String shop, Path expected, long start) throws IOException {
        String devDb = postgres.jdbcUrlWithPassword("postgres");
        String schema = expected.toString();

        int drift = step("1. Check the live database against the expected schema:",
                "check", "--db", shop, "--expected", schema, "--dev-db", devDb);
        expectExit(drift, ExitCode.DRIFT, "the first check");

        Path fix = expected.resolveSibling("fix.sql");
        int fixed = step("2. Get the SQL that adds what is missing:",
                "fix", "--db", shop, "--expected", schema, "--dev-db", devDb, "--output", fix.toString());
        expectExit(fixed, ExitCode.OK, "fix");
        String sql = Files.readString(fix);
        terminal.out().print(sql);
        execute(shop, sql);
        terminal.out().println("   (applied to 'shop')");

        int applied = step("3. fix only adds; apply also makes the change fix leaves out (orders.total's type):",
                "apply", "--db", shop, "--expected", schema, "--dev-db", devDb);
        expectExit(applied, ExitCode.OK, "apply");

        int clean = step("4. Check again:", "check", "--db", shop, "--expected", schema, "--dev-db", devDb);
        expectExit(clean, ExitCode.OK, "the second check");

        PrintStream out = terminal.out();
        out.println();
        out.printf("Done in %.1f s: check found the drift (exit 1), fix and apply closed it, check passes (exit 0).%n",
                (System.nanoTime() - start) / 1e9);
        out.println("The embedded server is stopped and its files are deleted.");
        out.println();
        out.println("With your own database:");
        out.println("  ./schemaguard snapshot --db postgres://user:password@host:5432/db --output schema.yaml"
                + "   # write down what it has");
        out.println("  ./schemaguard check --db postgres://user:password@host:5432/db --expected schema.yaml"
                + "   # exit 1 on drift, e.g. in CI");
        out.println("  ./schemaguard fix --db postgres://user:password@host:5432/db --expected schema.yaml"
                + "     # the SQL that adds what is missing");
        out.println("--expected also takes a directory of YAML files or a .sql schema; see docs/cli.md.");
        return ExitCode.OK;
    }

    /** Prints the heading and the command line, runs the command, prints its exit status. */
    private int step(String heading, String... args) {
        PrintStream out = terminal.out();
        out.println();
        out.println(terminal.style().bold(heading));
        out.println("$ schemaguard " + display(args));
        List<String> arguments = new ArrayList<>(List.of(args));
        if (verbose.verbose) {
            arguments.add("--verbose");
        }
        int exitCode = Main.run(out, terminal.err(), arguments.toArray(String[]::new));
        out.println("[exit status " + exitCode + (exitCode == ExitCode.DRIFT ? ": drift" : "") + "]");
        return exitCode;
    }

    /** The command line as a user would type it: the internal --dev-db left out, URLs shortened. */
    private static String display(String... args) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dev-db")) {
                i++;
            } else {
                shown.add(PasswordMask.mask(args[i]));
            }
        }
        return String.join(" ", shown);
    }

    private static void expectExit(int actual, int expected, String what) {
        if (actual != expected) {
            throw CliFailure.error("the demo went wrong: " + what + " ended with exit status " + actual + " instead of "
                    + expected + " (run `schemaguard demo --verbose` and report the output)");
        }
    }

    private EmbeddedPostgres startServer() {
        try {
            return EmbeddedPostgres.start();
        } catch (RuntimeException e) {
            throw CliFailure.error("could not start an embedded PostgreSQL: " + Main.oneLine(e.getMessage()), e);
        }
    }

    /** Creates the drifted database; returns its URL. */
    private static String createShop(EmbeddedPostgres postgres) throws IOException {
        try (Connection admin = postgres.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE shop");
        } catch (SQLException e) {
            throw Errors.database("creating the demo database on " + postgres, e);
        }
        String url = postgres.jdbcUrlWithPassword("shop");
        execute(url, resource("drifted.sql"));
        return url;
    }

    /** Runs a script one command at a time: schemaguard never sends two commands in one call. */
    private static void execute(String url, String sql) {
        Connection connection = Connections.open(DatabaseUrl.parse(url));
        try (Statement statement = connection.createStatement()) {
            for (String command : SqlCommands.texts(sql)) {
                statement.execute(command);
            }
        } catch (SQLException e) {
            throw Errors.database("running the demo's SQL on " + PasswordMask.mask(url), e);
        } finally {
            Connections.closeQuietly(connection);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("the demo resource " + RESOURCES + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it up eventually
        }
    }
}
