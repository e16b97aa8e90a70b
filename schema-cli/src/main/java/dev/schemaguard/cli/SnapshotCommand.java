package dev.schemaguard.cli;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.yaml.YamlSchemaWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Write the live schema as YAML (the format --expected reads), in a read-only transaction.")
final class SnapshotCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Mixin
    DatabaseOption db;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the YAML to FILE instead of stdout.")
    Path output;

    @Mixin
    SchemaOptions schemaOptions;

    @Mixin
    VerboseOption verbose;

    SnapshotCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        DatabaseUrl url = db.required();
        Database live;
        try (SchemaLoader loader = schemaOptions.loader(terminal)) {
            live = loader.load(new Source.DatabaseSource(url));
        }
        warnAboutInvalidIndexes(live);
        terminal.writeResult(writer -> YamlSchemaWriter.write(live, writer), output);
        return ExitCode.OK;
    }

    /** The YAML format has no invalid index: one a failed concurrent build left is written as a plain index. */
    private void warnAboutInvalidIndexes(Database live) {
        for (Schema schema : live.schemas()) {
            for (Table table : schema.tables()) {
                for (Index index : table.indexes()) {
                    if (!index.valid()) {
                        terminal.err().println("schemaguard: warning: index " + index.name() + " on " + schema.name()
                                + "." + table.name() + " is invalid (a failed CREATE INDEX CONCURRENTLY left it): the"
                                + " snapshot declares it as a working index; `check` against this snapshot reports it,"
                                + " `apply --online` rebuilds it");
                    }
                }
            }
        }
    }
}
