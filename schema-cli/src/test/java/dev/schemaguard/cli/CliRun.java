package dev.schemaguard.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The outcome of one run of the real command line, with everything it printed. */
record CliRun(int exitCode, String out, String err) {

    /** Commands that make throwaway databases (for .sql sources and canonicalization). */
    private static final Set<String> THROWAWAY_DATABASE_COMMANDS = Set.of("check", "fix", "diff", "apply", "baseline", "snapshot");

    /**
     * Runs the command line with {@code --dev-db} set to the test server (unless the arguments name one), so
     * that throwaway databases are made there rather than on an embedded server started for each run; the
     * embedded default has tests of its own ({@link #withEmbeddedDefault}).
     */
    static CliRun of(String... args) {
        if (args.length == 0 || !THROWAWAY_DATABASE_COMMANDS.contains(args[0]) || List.of(args).contains("--dev-db")) {
            return withEmbeddedDefault(args);
        }
        List<String> withDevDb = new ArrayList<>(List.of(args));
        withDevDb.addAll(1, List.of("--dev-db", Fixtures.server().adminJdbcUrl()));
        return withEmbeddedDefault(withDevDb.toArray(String[]::new));
    }

    /** Runs the command line with exactly these arguments. */
    static CliRun withEmbeddedDefault(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = Main.run(outStream, errStream, args);
        }
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
