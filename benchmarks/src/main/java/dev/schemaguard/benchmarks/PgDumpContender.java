package dev.schemaguard.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code pg_dump --schema-only --schema=bench} as a subprocess writing to a temporary file. */
public final class PgDumpContender implements Contender {

    private final Path pgDump;

    public PgDumpContender(Path pgDump) {
        this.pgDump = pgDump;
    }

    @Override
    public String name() {
        return "pg_dump";
    }

    @Override
    public String read(ServerAddress server, String database) throws Exception {
        Path output = Files.createTempFile("sg-bench-pg_dump", ".sql");
        Path errors = Files.createTempFile("sg-bench-pg_dump", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(pgDump.toString(), "--schema-only",
                    "--schema=" + SyntheticSchema.SCHEMA, "--no-password", "--host=" + server.host(),
                    "--port=" + server.port(), "--username=" + server.user(), "--dbname=" + database,
                    "--file=" + output))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile());
            builder.environment().put("PGPASSWORD", server.password());
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_dump of " + database + " took more than 30 minutes; stopped it");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("pg_dump of " + database + " exited with " + process.exitValue()
                        + ": " + Files.readString(errors).strip() + " (command: " + String.join(" ", builder.command()) + ")");
            }
            long tables;
            try (var lines = Files.lines(output)) {
                tables = lines.filter(l -> l.startsWith("CREATE TABLE ")).count();
            }
            return String.format("%,d tables, %,d bytes of SQL", tables, Files.size(output));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
