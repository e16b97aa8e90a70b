package dev.schemaguard.cli;

import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PlanStatement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "fix", mixinStandardHelpOptions = true,
        description = "Print the SQL that adds what the database is missing (tables, columns, constraints,"
                + " indexes, policies, ...). Additive only: it never alters or drops anything.")
final class FixCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Mixin
    DatabaseOption db;

    @Mixin
    ExpectedOption expected;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the SQL to FILE instead of stdout.")
    Path output;

    @Mixin
    SchemaOptions schemaOptions;

    @Mixin
    VerboseOption verbose;

    FixCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Source expectedSource = expected.source();
        DatabaseUrl url = db.required();
        SchemaLoader.Pair pair;
        try (SchemaLoader loader = schemaOptions.loader(terminal)) {
            pair = loader.loadPair(expectedSource, new Source.DatabaseSource(url));
        }
        MigrationPlan plan = MigrationPlanner.plan(pair.first(), pair.second(), PlanOptions.SAFE).additiveOnly();
        StringBuilder sql = new StringBuilder();
        sql.append("-- schemaguard fix: adds what ").append(url.display()).append(" is missing compared with ")
                .append(expectedSource.display()).append('\n');
        if (plan.isEmpty()) {
            sql.append("-- nothing to add\n");
        }
        sql.append(plan.sql());
        for (PlanStatement left : plan.skipped()) {
            sql.append("-- not included (fix only adds; see `schemaguard check` or `apply`): ")
                    .append(left.description().replace('\n', ' ')).append('\n');
        }
        terminal.writeResult(sql.toString(), output);
        return ExitCode.OK;
    }
}
