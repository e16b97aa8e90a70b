package dev.schemaguard.cli;

import picocli.CommandLine.Option;

/** {@code --lock-timeout DURATION}: how long a statement of an applied plan may wait for a table lock. */
final class LockTimeoutOption {

    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "When applying, how long a statement may wait for a table lock, e.g. 5s (default), 500ms,"
                    + " 1min; 0 waits forever.")
    String lockTimeout;

    /** The validated value, e.g. 5s. */
    String value() {
        return PlanRunner.lockTimeout(lockTimeout);
    }
}
