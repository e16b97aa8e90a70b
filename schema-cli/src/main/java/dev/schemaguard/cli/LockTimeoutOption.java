package dev.schemaguard.cli;

import dev.schemaguard.sql.LockedApply;
import picocli.CommandLine.Option;

/** {@code --lock-timeout DURATION}: how long a statement of an applied plan may wait for a table lock. */
final class LockTimeoutOption {

    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "When applying, how long a statement may wait for a table lock, e.g. 5s (default), 500ms,"
                    + " 1min; 0 waits forever.")
    String lockTimeout;

    /** How to apply, with the timeout validated. */
    LockedApply lockedApply() {
        if (!LockedApply.isDuration(lockTimeout)) {
            throw CliFailure.error("--lock-timeout " + lockTimeout
                    + " is not a duration: use e.g. 5s, 500ms, 2min or 0 (wait forever)");
        }
        return LockedApply.withLockTimeout(lockTimeout);
    }
}
