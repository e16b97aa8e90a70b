package dev.schemaguard.cli;

import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PlanStatement;
import dev.schemaguard.sql.RelationSizes;
import dev.schemaguard.sql.Rollback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two schemas (databases, YAML or .sql in any combination). Exit 0: equal,"
                + " 1: different, 4: the plan breaks a rule named by --fail-on(-severity). --format sql prints the"
                + " statements that turn FROM into TO.")
final class DiffCommand implements Callable<Integer> {

    enum Format { text, json, sql }

    private final Terminal terminal;

    @Option(names = "--from", required = true, paramLabel = "SOURCE",
            description = "The schema as it is: a database URL, a YAML file or directory, or a .sql file.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "SOURCE",
            description = "The schema as it should be: a database URL, a YAML file or directory, or a .sql file.")
    String to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, or sql.")
    Format format;

    @Mixin
    AllowDropsOption allowDrops;

    @Mixin
    OnlineOption online;

    @Mixin
    RollbackOutputOption rollbackOutput;

    @Mixin
    RulesOption rules;

    @Mixin
    SchemaOptions schemaOptions;

    @Mixin
    VerboseOption verbose;

    DiffCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Source fromSource = Source.parse(from, "--from");
        Source toSource = Source.parse(to, "--to");
        if (rollbackOutput.wanted() && format != Format.sql) {
            throw CliFailure.error("--rollback-output needs --format sql (the way back is a SQL script)");
        }
        rollbackOutput.requireWritable();
        SchemaLoader.Pair pair;
        int serverVersion;
        try (SchemaLoader loader = schemaOptions.loader(terminal)) {
            pair = loader.loadPair(toSource, fromSource);
            serverVersion = loader.serverVersion(fromSource); // the plan runs on FROM
        }
        // sizes come from FROM when it is a database; a declared FROM has none, and the report says so
        Function<MigrationPlan, RelationSizes> sizes = fromSource instanceof Source.DatabaseSource database
                ? plan -> PlanReview.sizesOn(database.url(), plan) : plan -> RelationSizes.UNKNOWN;
        DriftReport report = DriftReport.between(pair.first(), pair.second(),
                online.applyTo(PlanOptions.ALLOW_DROPS).forServer(serverVersion), sizes, rules.ruleOptions(false));
        PlanOptions sqlOptions = online.applyTo(allowDrops.planOptions()).forServer(serverVersion);
        MigrationPlan plan = format == Format.sql ? MigrationPlanner.plan(pair.first(), pair.second(), sqlOptions) : null;
        String output = switch (format) {
            case json -> report.json();
            case text -> report.text(terminal.style(), toSource.display(), fromSource.display());
            case sql -> sql(plan);
        };
        terminal.writeResult(output, null);
        if (rollbackOutput.wanted()) {
            writeRollback(plan, pair, sqlOptions, fromSource, toSource);
        }
        return CheckCommand.exitCode(report, rules, terminal);
    }

    /**
     * The way back from TO to FROM; refused when the plan holds statements back, since the way back would then
     * start from a TO the plan does not reach.
     */
    private void writeRollback(MigrationPlan plan, SchemaLoader.Pair pair, PlanOptions options, Source fromSource,
                               Source toSource) {
        if (!plan.skipped().isEmpty()) {
            throw CliFailure.error("no rollback script written: the plan holds back " + plan.skipped().size()
                    + " statement(s) that need --allow-drops, so it does not reach " + toSource.display()
                    + " and a way back from there would be wrong; add --allow-drops");
        }
        Rollback rollback = Rollback.of(plan, pair.second(), pair.first(), options);
        rollbackOutput.write(terminal, rollback, toSource.display(), fromSource.display(),
                "of the plan from --from to --to (planned from the declared --to, not from a migrated database)");
    }

    private static String sql(MigrationPlan plan) {
        StringBuilder sql = new StringBuilder();
        for (PlanStatement statement : plan.statements()) {
            StatementNotes.of(statement).forEach(note -> sql.append("-- ").append(note).append('\n'));
            sql.append(statement.sql()).append(";\n");
        }
        for (PlanStatement skipped : plan.skipped()) {
            sql.append("-- skipped (needs --allow-drops): ").append(skipped.description().replace('\n', ' '))
                    .append(": ").append(skipped.sql().replace('\n', ' ')).append(";\n");
        }
        return sql.toString();
    }
}
