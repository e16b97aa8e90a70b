package dev.schemaguard.sql;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * How often a statement (or its transaction group, rolled back) that gave up waiting for a lock
 * ({@code lock_not_available}, SQLState 55P03, after {@code lock_timeout}) is tried again: at most {@code retries}
 * more times, pausing {@code firstPause} before the first retry and twice as long before each next one, so that
 * the queries it waited behind can finish and the traffic queued behind it can drain.
 */
public record LockRetry(int retries, Duration firstPause) {

    /** SQLState of lock_not_available: lock_timeout expired (or NOWAIT). */
    public static final String LOCK_NOT_AVAILABLE = "55P03";

    /** Never tried again. */
    public static final LockRetry NONE = new LockRetry(0, Duration.ZERO);

    /** Three retries, after 1 s, 2 s and 4 s. */
    public static final LockRetry DEFAULT = new LockRetry(3, Duration.ofSeconds(1));

    public LockRetry {
        Objects.requireNonNull(firstPause, "firstPause");
        if (retries < 0 || retries > 100) {
            throw new IllegalArgumentException("lock retries must be between 0 and 100, not " + retries);
        }
        if (firstPause.isNegative()) {
            throw new IllegalArgumentException("a pause cannot be negative: " + firstPause);
        }
    }

    /** These retries with {@code count} retries. */
    public LockRetry withRetries(int count) {
        return new LockRetry(count, firstPause);
    }

    /** Whether a statement that failed with {@code failure} on attempt {@code attempt} (1-based) runs again. */
    boolean retries(SQLException failure, int attempt) {
        return isLockTimeout(failure) && attempt <= retries;
    }

    /** The pause after failed attempt {@code attempt} (1-based): firstPause, doubled for each earlier retry. */
    Duration pauseAfter(int attempt) {
        return firstPause.multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    static boolean isLockTimeout(SQLException failure) {
        return LOCK_NOT_AVAILABLE.equals(failure.getSQLState());
    }

    static void sleep(Duration pause) throws SQLException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while pausing before retrying a statement", "57014", e);
        }
    }
}
