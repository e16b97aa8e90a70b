package dev.schemaguard.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external programs to completion and keeps their combined output for error messages. */
final class Commands {

    /** Outcome of a finished command. */
    record Result(List<String> command, int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private Commands() {
    }

    /** Runs {@code command}; fails if it cannot be started or does not finish within {@code timeout}. */
    static Result run(List<String> command, Duration timeout) {
        return run(command, null, timeout);
    }

    /**
     * Runs {@code command} with {@code input} (may be null: no input) on its standard input, the way to hand a
     * program a secret without putting it on its command line, where every local user could read it.
     */
    static Result run(List<String> command, String input, Duration timeout) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (input == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            process = builder.start();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not run `" + String.join(" ", command) + "`: " + e.getMessage(), e);
        }
        if (input != null) {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the program ended before reading everything; its exit code and output tell what happened
            }
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "embedded-postgres-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedPostgresException("`" + String.join(" ", command) + "` did not finish within "
                        + timeout.toSeconds() + " s; output so far:" + System.lineSeparator() + text(output));
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("interrupted while running `" + String.join(" ", command) + "`", e);
        }
        return new Result(List.copyOf(command), process.exitValue(), text(output));
    }

    /** Like {@link #run} but fails, with the output in the message, unless the command exits with 0. */
    static Result runChecked(String what, List<String> command, Duration timeout) {
        Result result = run(command, timeout);
        if (!result.succeeded()) {
            throw new EmbeddedPostgresException(what + " failed (exit code " + result.exitCode() + "): `"
                    + String.join(" ", command) + "`" + System.lineSeparator() + result.output().strip());
        }
        return result;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the stream closes when a timed-out process is destroyed; what was read is kept
        }
    }

    private static String text(ByteArrayOutputStream output) {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }
}
