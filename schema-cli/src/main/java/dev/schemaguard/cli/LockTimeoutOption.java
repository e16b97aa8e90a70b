package dev.schemaguard.cli;

import dev.schemaguard.sql.LockRetry;
import dev.schemaguard.sql.LockedApply;
import picocli.CommandLine.Option;

/**
 * {@code --lock-timeout DURATION}, {@code --lock-retries N} and {@code --statement-timeout DURATION}: how long a
 * statement of an applied plan may wait for a table lock, how often it is tried again after giving up, and how
 * long it may run.
 */
final class LockTimeoutOption {

    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "When applying, how long a statement may wait for a table lock, e.g. 5s (default), 500ms,"
                    + " 1min; 0 waits forever.")
    String lockTimeout;

    @Option(names = "--lock-retries", paramLabel = "N", defaultValue = "3",
            description = "When applying, how often a statement that gave up waiting for a lock is tried again"
                    + " (with its transaction), pausing 1s, 2s, 4s, ... in between; default 3, 0 never.")
    int lockRetries;

    @Option(names = "--statement-timeout", paramLabel = "DURATION",
            description = "When applying, how long a statement may run (statement_timeout), e.g. 30min; default:"
                    + " the server's setting.")
    String statementTimeout;

    /** How to apply, with the options validated. */
    LockedApply lockedApply() {
        if (!LockedApply.isDuration(lockTimeout)) {
            throw CliFailure.error("--lock-timeout " + lockTimeout
                    + " is not a duration: use e.g. 5s, 500ms, 2min or 0 (wait forever)");
        }
        if (statementTimeout != null && !LockedApply.isDuration(statementTimeout)) {
            throw CliFailure.error("--statement-timeout " + statementTimeout
                    + " is not a duration: use e.g. 30s, 10min, 1h or 0 (no limit)");
        }
        if (lockRetries < 0 || lockRetries > 100) {
            throw CliFailure.error("--lock-retries " + lockRetries + " must be between 0 and 100");
        }
        LockedApply apply = LockedApply.withLockTimeout(lockTimeout).withRetry(LockRetry.DEFAULT.withRetries(lockRetries));
        return statementTimeout == null ? apply : apply.withStatementTimeout(statementTimeout);
    }
}
