package dev.schemaguard.cli;

import dev.schemaguard.sql.PlanOptions;
import picocli.CommandLine.Option;

/** {@code --online}: plan with the recipes that keep a busy database serving (weaker, shorter locks). */
final class OnlineOption {

    @Option(names = "--online",
            description = "Plan for a database that serves traffic: indexes built and dropped concurrently, foreign"
                    + " keys and checks added NOT VALID and validated in a step of their own, NOT NULL through a"
                    + " validated check, keys through a concurrently built unique index (docs/cli.md).")
    boolean online;

    PlanOptions applyTo(PlanOptions options) {
        return options.withOnline(online);
    }
}
