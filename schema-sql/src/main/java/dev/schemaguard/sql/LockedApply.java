package dev.schemaguard.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How every schemaguard apply changes a database (the CLI's {@code apply} and {@code baseline --apply}, the
 * startup guard's REPAIR mode): in one transaction, all or nothing, holding the transaction-level advisory lock
 * {@link #ADVISORY_LOCK_KEY}, so that two applies to the same database never interleave: the second waits until
 * the first has committed or rolled back, then makes its plan from what the first left. The plan is made inside
 * the transaction, after the lock is held ({@link PlanMaker}), and run by {@link PlanExecutor}.
 *
 * <p>With a lock timeout, {@code SET LOCAL lock_timeout} follows the advisory lock, so that a statement waiting
 * for a table lock behind a long-running query gives up (and everything is rolled back) instead of blocking all
 * traffic on that table; waiting for another apply's advisory lock is not limited by it.
 */
public final class LockedApply {

    /** The advisory lock every schemaguard apply takes: "schemgrd" in ASCII. */
    public static final long ADVISORY_LOCK_KEY = 0x736368656d677264L;

    /** A PostgreSQL duration as lock_timeout takes it: milliseconds, or a number with ms, s, min or h. */
    private static final Pattern DURATION = Pattern.compile("\\d+(ms|s|min|h)?");

    /** Makes the plan inside the transaction, once the lock is held, so that it is based on what is there. */
    @FunctionalInterface
    public interface PlanMaker {
        MigrationPlan make(Connection connection) throws SQLException;
    }

    /** The lock_timeout to set for the transaction, or null to keep the session's own. */
    private final String lockTimeout;

    private LockedApply(String lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /**
     * Applies with {@code lock_timeout} set to {@code duration} for the transaction, e.g. {@code 5s},
     * {@code 500ms}, {@code 1min}, or {@code 0} (wait forever).
     *
     * @throws IllegalArgumentException when {@code duration} is not such a duration
     */
    public static LockedApply withLockTimeout(String duration) {
        if (!isDuration(duration)) {
            throw new IllegalArgumentException("not a lock timeout: " + duration + " (use e.g. 5s, 500ms, 2min or 0)");
        }
        return new LockedApply(duration.trim());
    }

    /** Applies with the lock_timeout the session has (an application may have configured its own). */
    public static LockedApply withSessionLockTimeout() {
        return new LockedApply(null);
    }

    /** Whether {@code text} (trimmed) is a duration {@link #withLockTimeout} takes. */
    public static boolean isDuration(String text) {
        return text != null && DURATION.matcher(text.trim()).matches();
    }

    /**
     * Takes the lock, makes the plan and runs it, in one transaction on {@code connection}: commits when every
     * statement ran; rolls back when the plan is empty (nothing was run then) or anything fails, also the plan
     * maker. The connection's autocommit setting is restored afterwards; the lock ends with the transaction.
     *
     * @return the plan that was applied (possibly empty)
     * @throws PlanExecutor.StatementFailedException  a statement of the plan failed (nothing was applied)
     * @throws PlanExecutor.StatementRefusedException a statement is not exactly one SQL command (nothing was run)
     */
    public MigrationPlan apply(Connection connection, PlanMaker planMaker) throws SQLException {
        return apply(connection, planMaker, PlanExecutor.BeforeCommit.NOTHING);
    }

    /**
     * Like {@link #apply(Connection, PlanMaker)}, running {@code beforeCommit} in the transaction after the plan's
     * last statement (not when the plan is empty); when it throws, nothing is applied.
     */
    public MigrationPlan apply(Connection connection, PlanMaker planMaker, PlanExecutor.BeforeCommit beforeCommit)
            throws SQLException {
        Objects.requireNonNull(planMaker, "planMaker");
        Objects.requireNonNull(beforeCommit, "beforeCommit");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        MigrationPlan plan;
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")");
                if (lockTimeout != null) {
                    statement.execute("SET LOCAL lock_timeout = '" + lockTimeout + "'");
                }
            }
            plan = planMaker.make(connection);
            if (plan.isEmpty()) {
                connection.rollback();
            } else {
                PlanExecutor.apply(connection, plan, beforeCommit);
            }
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            } catch (SQLException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
        connection.setAutoCommit(autoCommit);
        return plan;
    }

    @Override
    public String toString() {
        return "LockedApply[lock_timeout=" + (lockTimeout == null ? "the session's" : lockTimeout) + "]";
    }
}
