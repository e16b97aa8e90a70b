package dev.schemaguard.cli;

import picocli.CommandLine.Option;

/** {@code --db URL}, defaulting to the DATABASE_URL environment variable. */
final class DatabaseOption {

    @Option(names = "--db", paramLabel = "URL",
            description = "The live database: jdbc:postgresql://host:port/db?user=... or"
                    + " postgres://user:password@host:port/db. Default: $DATABASE_URL.")
    String url;

    DatabaseUrl required() {
        String value = url != null ? url : System.getenv("DATABASE_URL");
        if (value == null || value.isBlank()) {
            throw CliFailure.error("no database given: pass --db URL or set DATABASE_URL");
        }
        return DatabaseUrl.parse(value.trim());
    }
}
