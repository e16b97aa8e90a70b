package dev.schemaguard.cli;

import dev.schemaguard.testkit.ThrowawayDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads an entry of the real-world corpus ({@code ../shared/corpus/realworld}) into a database with psql. */
final class CorpusLoader {

    private CorpusLoader() {
    }

    /** setup.sql, then schema.sql, into {@code database} with psql and ON_ERROR_STOP, as the corpus's load.sh does. */
    static void load(Path psql, ThrowawayDatabase database, Path entry, String where) throws Exception {
        URI jdbc = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        Map<String, String> parameters = new TreeMap<>();
        for (String pair : Optional.ofNullable(jdbc.getRawQuery()).orElse("").split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals), java.net.URLDecoder.decode(pair.substring(equals + 1),
                        StandardCharsets.UTF_8));
            }
        }
        ProcessBuilder builder = new ProcessBuilder(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", jdbc.getHost(), "-p", String.valueOf(jdbc.getPort()), "-U", parameters.getOrDefault("user", "postgres"),
                "-d", database.name());
        builder.environment().put("PGPASSWORD", parameters.getOrDefault("password", ""));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        try (InputStream script = new SequenceInputStream(Files.newInputStream(entry.resolve("setup.sql")),
                Files.newInputStream(entry.resolve("schema.sql")))) {
            script.transferTo(process.getOutputStream());
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), where + ": psql did not finish");
        assertEquals(0, process.exitValue(), where + ": loading with psql failed\n" + output);
    }

    static Optional<Path> psql() throws IOException {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(directory, "psql");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin/psql")).filter(Files::isExecutable)
                    .sorted(java.util.Comparator.reverseOrder()).findFirst();
        }
    }
}
