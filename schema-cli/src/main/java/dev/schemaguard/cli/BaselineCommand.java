package dev.schemaguard.cli;

import dev.schemaguard.model.Database;
import dev.schemaguard.sql.LockedApply;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Print the complete DDL that creates the expected schema from nothing; with --apply, run it"
                + " against --db in one transaction.")
final class BaselineCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Mixin
    ExpectedOption expected;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the SQL to FILE instead of stdout.")
    Path output;

    @Option(names = "--apply", description = "Run the DDL against --db (all or nothing).")
    boolean apply;

    @Mixin
    LockTimeoutOption lockTimeout;

    @Mixin
    DatabaseOption db;

    @Mixin
    SchemaOptions schemaOptions;

    @Mixin
    VerboseOption verbose;

    BaselineCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Source expectedSource = expected.source();
        DatabaseUrl url = apply ? db.required() : null;
        LockedApply lockedApply = lockTimeout.lockedApply();
        Database want;
        try (SchemaLoader loader = schemaOptions.loader(terminal)) {
            want = loader.load(expectedSource);
        }
        MigrationPlan plan = MigrationPlanner.baseline(want);
        if (!apply) {
            terminal.writeResult(plan.sql(), output);
            return ExitCode.OK;
        }
        if (output != null) {
            terminal.writeResult(plan.sql(), output);
        }
        PlanRunner.run(url, lockedApply, connection -> plan);
        terminal.out().print(plan.sql());
        terminal.err().println("applied " + plan.statements().size() + " statement(s) to " + url.display());
        return ExitCode.OK;
    }
}
