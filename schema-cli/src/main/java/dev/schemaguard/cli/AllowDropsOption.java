package dev.schemaguard.cli;

import dev.schemaguard.sql.PlanOptions;
import picocli.CommandLine.Option;

/** {@code --allow-drops}: whether a plan may hold statements that delete data. */
final class AllowDropsOption {

    @Option(names = "--allow-drops",
            description = "Include statements that delete data (drop table, drop column, ...); without it they are"
                    + " left out and listed as skipped.")
    boolean allowDrops;

    boolean allowed() {
        return allowDrops;
    }

    PlanOptions planOptions() {
        return allowDrops ? PlanOptions.ALLOW_DROPS : PlanOptions.SAFE;
    }
}
