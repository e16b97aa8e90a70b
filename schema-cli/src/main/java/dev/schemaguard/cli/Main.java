package dev.schemaguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.util.List;

/**
 * The schemaguard command line. Exit codes: 0 ok, 1 drift, 2 cannot connect or authenticate, 3 anything else
 * (bad arguments included). Every failure prints one line on stderr; {@code --verbose} adds the stack trace.
 */
@Command(name = "schemaguard", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Check a live PostgreSQL database against its declared schema and get the SQL that fixes"
                + " every gap.",
        subcommands = {CheckCommand.class, FixCommand.class, BaselineCommand.class, SnapshotCommand.class,
                DiffCommand.class, ApplyCommand.class, DemoCommand.class, DocsCommand.class})
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: use one of check, fix, baseline, snapshot, diff, apply, demo"
                        + " (new here? run `schemaguard demo`)");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line with System.out and System.err; returns the exit code. */
    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    /** Runs the command line writing to the given streams; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        Terminal terminal = new Terminal(out, err, Terminal.Style.detect(out));
        boolean verbose = List.of(args).contains("--verbose") || List.of(args).contains("-v");
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug"); // read when the first logger is made
        }
        CommandLine commandLine = new CommandLine(new Main(), new Factory(terminal));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("schemaguard: " + PasswordMask.mask(e.getMessage()));
            CommandLine command = e.getCommandLine();
            err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
            if (verbose) {
                printStackTrace(e, err);
            }
            return ExitCode.ERROR;
        });
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
            int exitCode;
            if (e instanceof CliFailure failure) {
                err.println("schemaguard: " + PasswordMask.mask(oneLine(failure.getMessage())));
                exitCode = failure.exitCode();
            } else if (e instanceof dev.schemaguard.diff.DeclaredRenameException rename) {
                // a renamed_from the database does not fit is the user's to fix, not an internal error
                err.println("schemaguard: " + renameSite(command, rename).map(at -> at + ": ").orElse("")
                        + PasswordMask.mask(oneLine(rename.getMessage())));
                exitCode = ExitCode.ERROR;
            } else {
                err.println("schemaguard: internal error: " + PasswordMask.mask(String.valueOf(e))
                        + (verbose ? "" : " (run with --verbose for the stack trace)"));
                exitCode = ExitCode.ERROR;
            }
            if (verbose) {
                printStackTrace(e, err);
            }
            err.flush();
            return exitCode;
        });
        int exitCode = commandLine.execute(args);
        if (out.checkError() && exitCode != ExitCode.ERROR && exitCode != ExitCode.CANNOT_CONNECT) {
            // checkError flushes: anything a command printed and nobody got makes the run a failure
            err.println("schemaguard: cannot write to standard output (disk full, or the reading end closed?)"
                    + "; the output is incomplete");
            exitCode = ExitCode.ERROR;
        }
        err.flush();
        return exitCode;
    }

    /** Where the YAML read by {@code command} declares the rename that failed: file:line:col of its renamed_from. */
    private static java.util.Optional<dev.schemaguard.yaml.Position> renameSite(CommandLine command,
                                                                               dev.schemaguard.diff.DeclaredRenameException e) {
        return command.getCommandSpec().mixins().values().stream()
                .filter(mixin -> mixin.userObject() instanceof SchemaOptions)
                .map(mixin -> ((SchemaOptions) mixin.userObject()).locate(e))
                .flatMap(java.util.Optional::stream).findFirst();
    }

    /** The full stack trace (every message in full), passwords masked. */
    private static void printStackTrace(Throwable e, PrintStream err) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.print(PasswordMask.mask(trace.toString()));
    }

    /**
     * Error messages of the libraries below may span lines (YAML parser context with a caret, server DETAIL and
     * WHERE lines); the reason goes on one line: the unindented lines, joined. --verbose shows everything.
     */
    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        List<String> lines = message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("in '"))
                .toList();
        return lines.isEmpty() ? message.strip() : String.join("; ", lines);
    }

    /** Creates commands with the terminal they write to; everything else the default way. */
    private record Factory(Terminal terminal) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(Terminal.class);
                constructor.setAccessible(true);
                return constructor.newInstance(terminal);
            } catch (NoSuchMethodException notACommand) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"schemaguard " + (version == null ? "(development build)" : version)};
        }
    }
}
