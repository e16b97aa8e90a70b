package dev.schemaguard.cli;

import dev.schemaguard.docs.SchemaDocs;
import dev.schemaguard.model.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write Markdown documentation of a schema into a directory: README.md listing the schemas, and"
                + " per schema its Mermaid ER diagram, tables (columns, constraints, indexes, policies, comments),"
                + " views and functions. Reads a live database (--db, in a read-only transaction) or a declared schema"
                + " (--expected).")
final class DocsCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Mixin
    DatabaseOption db;

    @Option(names = "--expected", paramLabel = "SOURCE",
            description = "Document a declared schema instead of a database: a YAML file or directory, a .sql file,"
                    + " or a database URL.")
    String expected;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "The directory to write the pages to.")
    Path output;

    @Mixin
    SchemaOptions schemaOptions;

    @Mixin
    VerboseOption verbose;

    DocsCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (expected != null && db.url != null) {
            throw CliFailure.error("give either --db or --expected, not both: docs describes one schema");
        }
        Source source = expected != null ? Source.parse(expected, "--expected") : new Source.DatabaseSource(db.required());
        Database database;
        try (SchemaLoader loader = schemaOptions.loader(terminal)) {
            database = loader.load(source);
        }
        List<Path> written;
        try {
            written = SchemaDocs.defaults().write(database, output);
        } catch (IOException e) {
            throw CliFailure.error("cannot write the docs to " + output + ": " + e.getMessage(), e);
        }
        terminal.err().println("wrote " + written.size() + " pages to " + output + " (" + database.schemas().size()
                + " schemas, " + database.tableCount() + " tables) from " + source.display());
        return ExitCode.OK;
    }
}
