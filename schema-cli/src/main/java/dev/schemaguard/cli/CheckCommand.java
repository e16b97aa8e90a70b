package dev.schemaguard.cli;

import dev.schemaguard.model.Database;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.yaml.DeclaredSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.schemaguard.sql.RuleFinding;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compare a live database with the expected schema and report every difference, each with"
                + " the SQL that fixes it, what each statement costs and the rules it breaks. Exit 0: matches, 1: drift,"
                + " 2: cannot connect, 3: other error, 4: the plan breaks a rule named by --fail-on(-severity).")
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
    RulesOption rules;

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
        int serverVersion;
        try (SchemaLoader loader = schemaOptions.loader(terminal)) {
            Source.DatabaseSource database = new Source.DatabaseSource(url);
            pair = loader.loadPair(expectedSource, database);
            places = loader.placesOf(expectedSource).orElse(null);
            serverVersion = loader.serverVersion(database);
        }
        Database want = pair.first();
        Database have = pair.second();
        // the plan is the one apply runs, for this server, under apply's lock_timeout (5s unless told otherwise)
        DriftReport report = DriftReport.between(want, have,
                online.applyTo(PlanOptions.ALLOW_DROPS).forServer(serverVersion),
                plan -> PlanReview.sizesOn(url, plan), rules.ruleOptions(true));
        String output = switch (format) {
            case json -> report.json();
            case github -> GithubAnnotations.write(report, expectedSource.display(), url.display(), places);
            case text -> report.text(terminal.style(), expectedSource.display(), url.display());
        };
        terminal.writeResult(output, null);
        return exitCode(report, rules, terminal);
    }

    /** DRIFT, or RULES_BROKEN when a rule --fail-on names is broken (said on stderr), or OK. */
    static int exitCode(DriftReport report, RulesOption rules, Terminal terminal) {
        List<RuleFinding> failing = rules.failing(report.review().findings());
        if (!failing.isEmpty()) {
            terminal.err().println("schemaguard: " + RulesOption.failure(failing, "; each finding is listed in the report (docs/rules.md says what to do instead)"));
            return ExitCode.RULES_BROKEN;
        }
        return report.isEmpty() ? ExitCode.OK : ExitCode.DRIFT;
    }
}
