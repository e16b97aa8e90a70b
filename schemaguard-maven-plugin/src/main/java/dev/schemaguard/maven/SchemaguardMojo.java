package dev.schemaguard.maven;

import dev.schemaguard.cli.ExitCode;
import dev.schemaguard.cli.Main;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every goal shares: the options the CLI's commands share, as parameters settable in the POM and as
 * {@code schemaguard.*} user properties, and the run itself. A goal runs the schemaguard command line in this JVM
 * ({@link Main#run(PrintStream, PrintStream, String...)}, the same code path as the launcher, no process started),
 * so the goals accept what the CLI accepts and fail where it fails, with its messages (passwords already masked).
 */
abstract class SchemaguardMojo extends AbstractMojo {

    /** The live database: {@code jdbc:postgresql://...} or {@code postgres://...}. Default: $DATABASE_URL. */
    @Parameter(property = "schemaguard.db")
    String db;

    /** Only these schemas (comma-separated as a property). Default: those the declared side names. */
    @Parameter(property = "schemaguard.schemas")
    List<String> schemas;

    /** Leave these schemas out (comma-separated as a property). */
    @Parameter(property = "schemaguard.excludeSchemas")
    List<String> excludeSchemas;

    /** A server where schemaguard may create throwaway databases (for .sql sources); default: an embedded one. */
    @Parameter(property = "schemaguard.devDb")
    String devDb;

    /** Compare a YAML schema's expressions as written instead of in PostgreSQL's spelling. */
    @Parameter(property = "schemaguard.noCanonicalize", defaultValue = "false")
    boolean noCanonicalize;

    /** Also compare privileges (GRANT and REVOKE). */
    @Parameter(property = "schemaguard.privileges", defaultValue = "false")
    boolean privileges;

    /** Read each database on this many connections at once. */
    @Parameter(property = "schemaguard.connections", defaultValue = "1")
    int connections;

    /** Skip this goal. */
    @Parameter(property = "schemaguard.skip", defaultValue = "false")
    boolean skip;

    /** Relative paths of sources and outputs are read from here, not from where Maven was started. */
    @Parameter(defaultValue = "${basedir}", readonly = true)
    File basedir;

    /** The command and its own options; the shared options are added by {@link #execute}. */
    abstract List<String> commandArguments();

    /** Whether the command takes {@code --db}; diff compares {@code from} and {@code to} instead. */
    boolean readsTheLiveDatabase() {
        return true;
    }

    /** What the goal does with a finished run of its command (the exit code is OK or DRIFT). */
    abstract void handle(Run run) throws MojoExecutionException, MojoFailureException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("schemaguard: skipped (schemaguard.skip)");
            return;
        }
        List<String> arguments = arguments();
        Run run = Run.of(arguments);
        run.errLines().forEach(line -> getLog().info(line));
        switch (run.exitCode()) {
            case ExitCode.OK, ExitCode.DRIFT -> handle(run);
            case ExitCode.CANNOT_CONNECT -> throw new MojoExecutionException(
                    "schemaguard cannot connect to the database (is it running, are the URL and the credentials right?): "
                            + run.reason());
            default -> throw new MojoExecutionException("schemaguard " + arguments.get(0) + " failed: " + run.reason());
        }
    }

    /** The command line: the command and its own options, then the shared ones. */
    List<String> arguments() {
        List<String> arguments = new ArrayList<>(commandArguments());
        if (readsTheLiveDatabase()) {
            optional(arguments, "--db", db);
        }
        list(arguments, "--schema", schemas);
        list(arguments, "--exclude-schema", excludeSchemas);
        optional(arguments, "--dev-db", devDb);
        if (noCanonicalize) {
            arguments.add("--no-canonicalize");
        }
        if (privileges) {
            arguments.add("--privileges");
        }
        if (connections != 1) {
            arguments.add("--connections");
            arguments.add(String.valueOf(connections));
        }
        return arguments;
    }

    /**
     * A source given as a parameter: a database URL as it is, a path resolved against the project's directory
     * (the CLI resolves against the working directory, which is where Maven started, not the project).
     */
    String source(String value) {
        if (value == null || value.isBlank() || looksLikeUrl(value)) {
            return value;
        }
        Path path = Path.of(value);
        return path.isAbsolute() || basedir == null ? value : basedir.toPath().resolve(path).toString();
    }

    static void optional(List<String> arguments, String option, Object value) {
        if (value != null && !value.toString().isBlank()) {
            arguments.add(option);
            arguments.add(value.toString());
        }
    }

    private static void list(List<String> arguments, String option, List<String> values) {
        if (values != null) {
            values.stream().map(String::trim).filter(v -> !v.isEmpty()).forEach(v -> {
                arguments.add(option);
                arguments.add(v);
            });
        }
    }

    private static boolean looksLikeUrl(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:") || lower.startsWith("postgres://") || lower.startsWith("postgresql://");
    }

    /** One run of the command line: exit code and what it printed. */
    record Run(int exitCode, String out, String err) {

        static Run of(List<String> arguments) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exitCode;
            try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                exitCode = Main.run(outStream, errStream, arguments.toArray(String[]::new));
            }
            return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        List<String> errLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }

        /** The CLI's one-line reason for a failure (its stderr, which masks passwords). */
        String reason() {
            List<String> lines = errLines().stream().filter(line -> line.startsWith("schemaguard: ")).toList();
            return String.join("; ", lines.isEmpty() ? errLines() : lines).replace("schemaguard: ", "");
        }
    }
}
