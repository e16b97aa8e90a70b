package dev.schemaguard.cli;

import dev.schemaguard.model.Database;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.LockedApply;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PlanStatement;
import dev.schemaguard.sql.PlanRules;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.sql.RelationSizes;
import dev.schemaguard.sql.RuleFinding;
import dev.schemaguard.sql.RuleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Change the database to match the expected schema: the whole plan runs in one transaction"
                + " (all or nothing) under an advisory lock. Destructive statements only with --allow-drops.")
final class ApplyCommand implements Callable<Integer> {

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
        Source expectedSource = expected.source();
        DatabaseUrl url = db.required();
        LockedApply lockedApply = lockTimeout.lockedApply();
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
        MigrationPlan plan = PlanRunner.run(url, lockedApply, connection -> {
            Database read = reading == null ? Database.EMPTY : new PostgresIntrospector(reading).introspect(connection);
            SchemaLoader.Pair scoped = scoping.scoped(want, read);
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
        });
        if (plan.isEmpty()) {
            terminal.out().println("-- nothing to apply: " + url.display() + " already matches " + expectedSource.display());
        } else {
            terminal.out().print(plan.sql());
            terminal.err().println("applied " + plan.statements().size() + " statement(s) to " + url.display()
                    + " in one transaction");
        }
        for (PlanStatement skipped : plan.skipped()) {
            terminal.out().println("-- skipped (needs --allow-drops): " + skipped.description().replace('\n', ' '));
        }
        return ExitCode.OK;
    }
}
