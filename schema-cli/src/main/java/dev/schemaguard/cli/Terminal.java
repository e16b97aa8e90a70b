package dev.schemaguard.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Where a command writes: stdout for results, stderr for messages, with colour only on a real terminal. */
final class Terminal {

    private final PrintStream out;
    private final PrintStream err;
    private final Style style;

    Terminal(PrintStream out, PrintStream err, Style style) {
        this.out = out;
        this.err = err;
        this.style = style;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Style style() {
        return style;
    }

    /**
     * Whether stderr, where progress goes, is a terminal a line can be rewritten on: the standard streams of a
     * process that has a console (not a pipe, a file or a CI log).
     */
    boolean interactive() {
        return err == System.err && isTerminal(System.console());
    }

    /**
     * Whether {@code console} is a terminal: from Java 22 {@code System.console()} returns a console for redirected
     * streams too, and only {@code Console.isTerminal()} (not in Java 17, hence reflection) tells them apart.
     */
    private static boolean isTerminal(java.io.Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // Java 17-21: a console exists only for a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** A command's result, written as it is made. */
    @FunctionalInterface
    interface Result {
        void writeTo(Writer writer) throws IOException;
    }

    /** Writes a command's result to {@code output} when given, to stdout otherwise. */
    void writeResult(String text, Path output) {
        writeResult(writer -> writer.write(text), output);
    }

    /** Writes a command's result to {@code output} when given, to stdout otherwise, as it is made. */
    void writeResult(Result result, Path output) {
        if (output == null) {
            try {
                result.writeTo(printingTo(out));
            } catch (IOException e) {
                throw new UncheckedIOException(e); // printing throws none: requireWritten finds what was lost
            }
            requireWritten();
            return;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writeFile(result, output);
        } catch (IOException e) {
            throw CliFailure.error("cannot write " + output + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw CliFailure.error("cannot write " + output + ": " + e.getCause().getMessage(), e);
        }
        err.println("wrote " + output);
    }

    /** Text for {@code stream}, in the stream's own encoding. */
    private static Writer printingTo(PrintStream stream) {
        return new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                stream.print(String.valueOf(chars, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
    }

    /**
     * Writes a file next to {@code output} and moves it into place once complete, so that a result that fails half
     * way (a full disk, a model part the YAML cannot spell) leaves the file as it was. What is not a plain file (a
     * device such as /dev/stdout, a pipe) is written directly. A file replaced keeps its permissions.
     */
    private static void writeFile(Result result, Path output) throws IOException {
        if (Files.exists(output) && !Files.isRegularFile(output)) {
            try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                result.writeTo(writer);
            }
            return;
        }
        Path target = Files.exists(output) ? output.toRealPath() : output; // a symbolic link keeps pointing at it
        Path partial = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        try {
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                result.writeTo(writer);
            }
            keepPermissions(target, partial);
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** {@code replacement} with the permissions of {@code existing}, when it exists and the file system has them. */
    private static void keepPermissions(Path existing, Path replacement) throws IOException {
        if (!Files.exists(existing)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(existing));
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no POSIX permissions: the new file gets the default ones
        }
    }

    /**
     * Fails when anything written to stdout so far was lost (a full disk, a closed pipe): a PrintStream swallows
     * write errors, and a result nobody got must not end with exit code 0.
     */
    void requireWritten() {
        if (out.checkError()) {
            throw CliFailure.error("cannot write the result to standard output (disk full, or the reading end"
                    + " closed?); use --output FILE or free the space and run again");
        }
    }

    /** ANSI colours, or plain text when {@code enabled} is false. */
    record Style(boolean enabled) {

        static final Style PLAIN = new Style(false);

        /** Colour only when stdout is a terminal and NO_COLOR is not set (https://no-color.org). */
        static Style detect(PrintStream out) {
            String noColor = System.getenv("NO_COLOR");
            return new Style(out == System.out && System.console() != null && (noColor == null || noColor.isEmpty()));
        }

        String bold(String text) {
            return wrap("1", text);
        }

        String red(String text) {
            return wrap("31", text);
        }

        String green(String text) {
            return wrap("32", text);
        }

        String yellow(String text) {
            return wrap("33", text);
        }

        String dim(String text) {
            return wrap("2", text);
        }

        private String wrap(String code, String text) {
            return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
        }
    }
}
