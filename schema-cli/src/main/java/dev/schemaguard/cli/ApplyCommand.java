package dev.schemaguard.cli;

import dev.schemaguard.model.Database;
import dev.schemaguard.sql.ApplyListener;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.LockedApply;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanExecutor;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PlanStatement;
import dev.schemaguard.sql.PlanRules;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.sql.RelationSizes;
import dev.schemaguard.sql.Rollback;
import dev.schemaguard.sql.RuleFinding;
import dev.schemaguard.sql.RuleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Change the database to match the expected schema, under an advisory lock: a plan of"
                + " transactional statements runs in one transaction (all or nothing); statements that cannot run in a"
                + " transaction (--online: CREATE INDEX CONCURRENTLY) run alone, the others in transactions between"
                + " them. Destructive statements only with --allow-drops.")
final class ApplyCommand implements Callable<Integer> {

    enum Format { text, json }

    private final Terminal terminal;

    @Mixin
    DatabaseOption db;

    @Mixin
    ExpectedOption expected;

    @Mixin
    AllowDropsOption allowDrops;

    @Mixin
    LockTimeoutOption lockTimeout;

    @Mixin
    OnlineOption online;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default: the statements run on stdout, progress on stderr) or json (one JSON"
                    + " event per line on stdout, docs/cli.md).")
    Format format;

    @Mixin
    RollbackOutputOption rollbackOutput;

    @Mixin
    RulesOption rules;

    @Mixin
    SchemaOptions schemaOptions;

    @Mixin
    VerboseOption verbose;

    ApplyCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        LockedApply lockedApply = lockTimeout.lockedApply();
        Source expectedSource = expected.source();
        DatabaseUrl url = db.required();
        rollbackOutput.requireWritable();
        Database want;
        SchemaLoader scoping;
        try (SchemaLoader loader = schemaOptions.loader(terminal)) {
            want = loader.expected(expectedSource, url);
            scoping = loader; // its scope (command line and YAML) is used below; scoped() needs no open resource
        }
        List<Database> declaredSides = expectedSource instanceof Source.DatabaseSource ? List.of() : List.of(want);
        IntrospectionOptions reading = schemaOptions.selection().forComparisonWith(declaredSides).orElse(null);
        PlanOptions options = online.applyTo(allowDrops.planOptions());
        RuleOptions ruleOptions = rules.ruleOptions(!lockTimeout.lockTimeout.trim().matches("0+\\s*[a-z]*"));
        AtomicReference<Database> original = new AtomicReference<>();
        AtomicReference<Rollback> rollback = new AtomicReference<>();
        // the way back is planned in the apply's transaction, from the schema as the plan really left it
        PlanExecutor.BeforeCommit planWayBack = !rollbackOutput.wanted() ? PlanExecutor.BeforeCommit.NOTHING
                : (connection, applied) -> {
                    Database migrated = reading == null ? Database.EMPTY
                            : new PostgresIntrospector(reading).introspect(connection);
                    Database scopedMigrated = scoping.scope().apply(want, migrated).actual();
                    rollback.set(Rollback.of(applied, original.get(), scopedMigrated,
                            options.forServer(connection.getMetaData().getDatabaseMajorVersion())));
                };
        MigrationPlan plan = PlanRunner.run(url, lockedApply, progress(), connection -> {
            Database read = reading == null ? Database.EMPTY : new PostgresIntrospector(reading).introspect(connection);
            SchemaLoader.Pair scoped = scoping.scoped(want, read);
            original.set(scoped.second());
            MigrationPlan made = MigrationPlanner.plan(scoped.first(), scoped.second(),
                    options.forServer(connection.getMetaData().getDatabaseMajorVersion()));
            if (!allowDrops.allowed()) {
                PlanRunner.requireNoDataLoss(made);
            }
            if (rules.asked()) {
                // judged inside the lock, on the sizes of this moment; a failure rolls back before anything runs
                List<RuleFinding> failing = rules.failing(PlanRules.evaluate(made, RelationSizes.read(connection, made),
                        ruleOptions));
                if (!failing.isEmpty()) {
                    throw new CliFailure(ExitCode.RULES_BROKEN, RulesOption.failure(failing, "; nothing was applied: "
                            + failing.stream().map(RuleFinding::describe).collect(java.util.stream.Collectors.joining(" | "))), null);
                }
            }
            return made;
        }, planWayBack);
        if (format == Format.json) {
            reportJson(plan);
        } else {
            reportText(plan, url, expectedSource);
        }
        if (rollbackOutput.wanted() && plan.isEmpty()) {
            terminal.err().println("no rollback script written to " + rollbackOutput.file + ": nothing was applied");
        } else if (rollbackOutput.wanted()) {
            writeRollback(rollback.get(), url, expectedSource);
        }
        return ExitCode.OK;
    }

    /** Where the progress goes: JSON lines on stdout, a live line on a terminal, plain lines on stderr otherwise. */
    private ApplyListener progress() {
        if (format == Format.json) {
            return new JsonProgress(terminal.out());
        }
        return terminal.interactive() ? new LiveProgressLine(terminal.err(), LiveProgressLine.terminalWidth()) : new ProgressLines(terminal.err());
    }

    private void reportText(MigrationPlan plan, DatabaseUrl url, Source expectedSource) {
        if (plan.isEmpty()) {
            terminal.out().println("-- nothing to apply: " + url.display() + " already matches " + expectedSource.display());
        } else {
            terminal.out().print(plan.sql());
            long alone = plan.statements().stream().filter(statement -> !statement.transactional()).count();
            terminal.err().println("applied " + plan.statements().size() + " statement(s) to " + url.display()
                    + (plan.online() ? " each in a transaction of its own" + (alone == 0 ? "" : " (" + alone
                    + " of them outside a transaction)") : alone == 0 ? " in one transaction" : " (" + alone
                    + " of them outside a transaction, the others in transactions between them)"));
        }
        for (PlanStatement skipped : plan.skipped()) {
            terminal.out().println("-- skipped (needs --allow-drops): " + skipped.description().replace('\n', ' '));
        }
    }

    private void reportJson(MigrationPlan plan) {
        for (PlanStatement skipped : plan.skipped()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("event", "skipped");
            line.put("sql", skipped.sql());
            line.put("description", skipped.description());
            terminal.out().print(Json.line(line));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", plan.isEmpty() ? "nothingToApply" : "applied");
        line.put("statements", plan.statements().size());
        line.put("skipped", plan.skipped().size());
        terminal.out().print(Json.line(line));
        terminal.requireWritten();
    }

    /** After the commit: a rollback script that cannot be written is an error, with the script on stderr. */
    private void writeRollback(Rollback rollback, DatabaseUrl url, Source expectedSource) {
        String when = "made by apply after its last statement, before that commit, from " + url.display() + " as migrated to "
                + expectedSource.display();
        try {
            rollbackOutput.write(terminal, rollback, url.display() + " as migrated", url.display() + " as it was",
                    when);
        } catch (CliFailure e) {
            terminal.err().print(rollback.script(List.of("rollback script (could not be written to a file)", when)));
            throw CliFailure.error("the plan was applied and committed, but " + e.getMessage()
                    + "; the rollback script is printed above on stderr", e);
        }
    }
}
