package dev.schemaguard.cli;

import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the packaged jar ({@code target/schemaguard.jar}) as a separate process, the way users run it. Runs in
 * the {@code package} phase, after the shade plugin built the jar (see the pom).
 */
class CliJarTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltJarRunsEveryExitCode() throws Exception {
        Path jar = Path.of(System.getProperty("schemaguard.jar", "target/schemaguard.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run `./mvnw -pl schema-cli -am package`");
        Path expected = Fixtures.expectedYaml(Fixtures.SHOP, dir.resolve("shop.yaml"));
        try (ThrowawayDatabase db = Fixtures.database(Fixtures.SHOP_PARTIAL)) {
            Map<String, String> env = Map.of("DATABASE_URL", db.jdbcUrl());

            CliRun drift = run(jar, env, "check", "--expected", expected.toString());
            assertEquals(ExitCode.DRIFT, drift.exitCode(), drift::toString);
            assertTrue(drift.out().contains("missing table public.orders"), drift::toString);
            assertFalse(drift.out().contains("\u001b["), "no colour in a pipe\n" + drift);

            CliRun fix = run(jar, env, "fix", "--expected", expected.toString());
            assertEquals(ExitCode.OK, fix.exitCode(), fix::toString);
            db.execute(fix.out());
            CliRun ok = run(jar, env, "check", "--expected", expected.toString());
            assertEquals(ExitCode.OK, ok.exitCode(), ok::toString);

            CliRun unreachable = run(jar, Map.of(), "snapshot", "--db", "postgres://u:Pw123secret@127.0.0.1:1/x");
            assertEquals(ExitCode.CANNOT_CONNECT, unreachable.exitCode(), unreachable::toString);
            assertEquals(1, unreachable.err().lines().count(), unreachable::toString);
            assertFalse(unreachable.toString().contains("Pw123secret"), unreachable::toString);

            CliRun badArguments = run(jar, Map.of(), "check", "--what");
            assertEquals(ExitCode.ERROR, badArguments.exitCode(), badArguments::toString);
        }
    }

    private static CliRun run(Path jar, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DATABASE_URL");
        builder.environment().putAll(env);
        Path out = Files.createTempFile("schemaguard-out", ".txt");
        Path err = Files.createTempFile("schemaguard-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("schemaguard " + String.join(" ", args) + " did not finish in 2 minutes");
            }
            return new CliRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
