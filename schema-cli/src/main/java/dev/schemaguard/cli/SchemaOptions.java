package dev.schemaguard.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Options shared by every command that reads schemas: which schemas, and where .sql sources may run. */
final class SchemaOptions {

    @Option(names = "--schema", paramLabel = "NAME",
            description = "Only this schema (repeatable). Default: the schemas the declared side names, or every"
                    + " non-system schema when only databases are involved.")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--exclude-schema", paramLabel = "NAME", description = "Leave this schema out (repeatable).")
    List<String> excludedSchemas = new ArrayList<>();

    @Option(names = "--dev-db", paramLabel = "URL",
            description = "A PostgreSQL server where a .sql source may be run in a temporary database"
                    + " (created and dropped by schemaguard).")
    String devDb;

    SchemaSelection selection() {
        return new SchemaSelection(new java.util.HashSet<>(schemas), new java.util.HashSet<>(excludedSchemas));
    }

    SchemaLoader loader() {
        return new SchemaLoader(selection(), devDb == null ? null : DatabaseUrl.parse(devDb));
    }
}
