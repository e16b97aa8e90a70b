package dev.schemaguard.cli;

import dev.schemaguard.model.Database;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.yaml.DeclaredSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compare a live database with the expected schema and report every difference, each with"
                + " the SQL that fixes it. Exit 0: matches, 1: drift, 2: cannot connect, 3: other error.")
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json, github }

    private final Terminal terminal;

    @Mixin
    DatabaseOption db;

    @Mixin
    ExpectedOption expected;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, or github (GitHub Actions annotations).")
    Format format;

    @Mixin
    OnlineOption online;

    @Mixin
    SchemaOptions schemaOptions;

    @Mixin
    VerboseOption verbose;

    CheckCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Source expectedSource = expected.source();
        DatabaseUrl url = db.required();
        SchemaLoader.Pair pair;
        DeclaredSchema places;
        try (SchemaLoader loader = schemaOptions.loader(terminal)) {
            pair = loader.loadPair(expectedSource, new Source.DatabaseSource(url));
            places = loader.placesOf(expectedSource).orElse(null);
        }
        Database want = pair.first();
        Database have = pair.second();
        DriftReport report = DriftReport.between(want, have, online.applyTo(PlanOptions.ALLOW_DROPS));
        String output = switch (format) {
            case json -> report.json();
            case github -> GithubAnnotations.write(report, expectedSource.display(), url.display(), places);
            case text -> report.text(terminal.style(), expectedSource.display(), url.display());
        };
        terminal.writeResult(output, null);
        return report.isEmpty() ? ExitCode.OK : ExitCode.DRIFT;
    }
}
