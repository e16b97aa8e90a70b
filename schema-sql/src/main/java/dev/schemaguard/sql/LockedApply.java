package dev.schemaguard.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

/**
 * How every schemaguard apply changes a database (the CLI's {@code apply} and {@code baseline --apply}, the
 * startup guard's REPAIR mode), holding the advisory lock {@link #ADVISORY_LOCK_KEY}, so that two applies to the
 * same database never interleave: the second waits until the first has finished (trying the lock again every
 * 200 ms, outside any transaction, see {@link #takeTransactionLock}), then makes its plan from what the first
 * left. The plan is made inside a transaction, after the lock is held ({@link PlanMaker}), and run by
 * {@link PlanExecutor}:
 * <ul>
 *   <li>a plan of only transactional statements runs in that same transaction, all or nothing, under the
 *   transaction-level lock ({@code pg_advisory_xact_lock});</li>
 *   <li>a plan with statements that cannot run in a transaction block ({@code CREATE INDEX CONCURRENTLY}) takes
 *   the session-level lock ({@code pg_advisory_lock}) while the transaction-level one is still held, ends the
 *   planning transaction, runs its groups one after the other and releases the lock at the end; groups that
 *   committed before a failure stay, and the next apply plans from them.</li>
 * </ul>
 *
 * <p>With a lock timeout, {@code SET LOCAL lock_timeout} follows the advisory lock, and every group runs with it,
 * so that a statement waiting for a table lock behind a long-running query gives up instead of blocking all
 * traffic on that table; waiting for another apply's advisory lock is not limited by it. A statement that gave up
 * is tried again as {@link LockRetry} says: its group is rolled back and run again; for a plan that is one
 * transaction, the whole apply (lock, plan, run) starts again.
 */
public final class LockedApply {

    /** The advisory lock every schemaguard apply takes: "schemgrd" in ASCII. */
    public static final long ADVISORY_LOCK_KEY = 0x736368656d677264L;

    /** Makes the plan inside the transaction, once the lock is held, so that it is based on what is there. */
    @FunctionalInterface
    public interface PlanMaker {
        MigrationPlan make(Connection connection) throws SQLException;
    }

    /** How often an apply that waits for another one tries the lock again. */
    private static final Duration LOCK_POLL = Duration.ofMillis(200);

    private final StatementTimeouts timeouts;
    private final LockRetry retry;
    private final ApplyListener listener;

    private LockedApply(StatementTimeouts timeouts, LockRetry retry, ApplyListener listener) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Applies with {@code lock_timeout} set to {@code duration} for every statement, e.g. {@code 5s},
     * {@code 500ms}, {@code 1min}, or {@code 0} (wait forever), and {@link LockRetry#DEFAULT} retries.
     *
     * @throws IllegalArgumentException when {@code duration} is not such a duration
     */
    public static LockedApply withLockTimeout(String duration) {
        if (!isDuration(duration)) {
            throw new IllegalArgumentException("not a lock timeout: " + duration + " (use e.g. 5s, 500ms, 2min or 0)");
        }
        return new LockedApply(StatementTimeouts.SESSION.withLockTimeout(duration), LockRetry.DEFAULT, ApplyListener.NONE);
    }

    /** Applies with the timeouts the session has (an application may have configured its own), without retries. */
    public static LockedApply withSessionLockTimeout() {
        return new LockedApply(StatementTimeouts.SESSION, LockRetry.NONE, ApplyListener.NONE);
    }

    /** Whether {@code text} (trimmed) is a duration {@link #withLockTimeout} takes. */
    public static boolean isDuration(String text) {
        return StatementTimeouts.isDuration(text);
    }

    /** This apply with {@code statement_timeout} set to {@code duration} for every statement of the plan. */
    public LockedApply withStatementTimeout(String duration) {
        return new LockedApply(timeouts.withStatementTimeout(duration), retry, listener);
    }

    /** This apply retrying statements that gave up waiting for a lock as {@code lockRetry} says. */
    public LockedApply withRetry(LockRetry lockRetry) {
        return new LockedApply(timeouts, lockRetry, listener);
    }

    /** This apply telling {@code applyListener} how each statement goes. */
    public LockedApply withListener(ApplyListener applyListener) {
        return new LockedApply(timeouts, retry, applyListener);
    }

    /**
     * Takes the lock, makes the plan and runs it on {@code connection}. Rolls back when the plan is empty (nothing
     * was run then) or the plan maker fails. The connection's autocommit setting is restored afterwards; the lock
     * is released at the end.
     *
     * @return the plan that was applied (possibly empty); after a retry of a one-transaction plan, the plan made
     *         by the last attempt
     * @throws PlanExecutor.StatementFailedException  a statement of the plan failed (nothing was applied when the
     *                                                plan was one transaction; otherwise the groups before it stay)
     * @throws PlanExecutor.StatementRefusedException a statement is not exactly one SQL command (nothing was run)
     */
    public MigrationPlan apply(Connection connection, PlanMaker planMaker) throws SQLException {
        return apply(connection, planMaker, PlanExecutor.BeforeCommit.NOTHING);
    }

    /**
     * Like {@link #apply(Connection, PlanMaker)}, running {@code beforeCommit} after the plan's last statement (not
     * when the plan is empty), as {@link PlanExecutor.BeforeCommit} says: for a plan of only transactional
     * statements in its transaction, so that when it throws nothing is applied.
     */
    public MigrationPlan apply(Connection connection, PlanMaker planMaker, PlanExecutor.BeforeCommit beforeCommit)
            throws SQLException {
        Objects.requireNonNull(planMaker, "planMaker");
        Objects.requireNonNull(beforeCommit, "beforeCommit");
        for (int attempt = 1; ; attempt++) {
            try {
                return applyOnce(connection, planMaker, attempt, beforeCommit);
            } catch (OneTransactionFailed failed) {
                PlanExecutor.StatementFailedException failure = failed.failure.afterAttempts(attempt);
                if (!retry.retries(failure, attempt)) {
                    throw failure;
                }
                Duration pause = retry.pauseAfter(attempt);
                listener.on(new ApplyEvent.Retrying(failure.step(), attempt, pause));
                LockRetry.sleep(pause);
            }
        }
    }

    private MigrationPlan applyOnce(Connection connection, PlanMaker planMaker, int attempt,
                                    PlanExecutor.BeforeCommit beforeCommit) throws SQLException, OneTransactionFailed {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            takeTransactionLock(connection);
            timeouts.withStatementTimeout(null).setLocal(connection);
            MigrationPlan plan = planMaker.make(connection);
            if (plan.isEmpty()) {
                connection.rollback();
            } else if (StatementGroup.oneTransaction(plan)) {
                runInThisTransaction(connection, plan, attempt, beforeCommit);
            } else {
                runInGroups(connection, plan, beforeCommit);
            }
            return plan;
        } catch (SQLException | RuntimeException | OneTransactionFailed e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            restoreAutoCommit(connection, autoCommit);
        }
    }

    /**
     * Takes the transaction-level lock, trying again every {@link #LOCK_POLL} while another apply holds it, each
     * try a short transaction of its own. Waiting in {@code pg_advisory_xact_lock} instead would keep a snapshot
     * open, and a {@code CREATE INDEX CONCURRENTLY} of the apply holding the lock waits for every older snapshot:
     * the two would deadlock.
     */
    private static void takeTransactionLock(Connection connection) throws SQLException {
        while (true) {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT pg_try_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")")) {
                row.next();
                if (row.getBoolean(1)) {
                    return;
                }
            }
            connection.rollback();
            LockRetry.sleep(LOCK_POLL);
        }
    }

    /** Runs a plan of only transactional statements in the transaction that holds the lock, all or nothing. */
    private void runInThisTransaction(Connection connection, MigrationPlan plan, int attempt,
                                      PlanExecutor.BeforeCommit beforeCommit) throws SQLException, OneTransactionFailed {
        try {
            new PlanExecutor(timeouts, LockRetry.NONE, listener).run(connection, plan, attempt, beforeCommit);
        } catch (PlanExecutor.StatementFailedException e) {
            throw new OneTransactionFailed(e);
        }
    }

    /**
     * Runs a plan with non-transactional statements, or an online plan, group by group under the session-level
     * lock, taken while the transaction-level one is held so that no other apply gets in between.
     */
    private void runInGroups(Connection connection, MigrationPlan plan, PlanExecutor.BeforeCommit beforeCommit)
            throws SQLException {
        PlanExecutor.requireSingleCommands(plan);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + ADVISORY_LOCK_KEY + ")");
        }
        try {
            connection.rollback(); // ends the planning transaction; the session-level lock outlives it
            new PlanExecutor(timeouts, retry, listener).run(connection, plan, 1, beforeCommit);
        } catch (SQLException | RuntimeException e) {
            try {
                unlockSession(connection);
            } catch (SQLException unlockFailure) {
                e.addSuppressed(unlockFailure); // a broken connection: its session, and the lock, are gone
            }
            throw e;
        }
        unlockSession(connection);
    }

    private static void unlockSession(Connection connection) throws SQLException {
        connection.setAutoCommit(true); // an unlock inside an aborted transaction would fail
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + ADVISORY_LOCK_KEY + ")");
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException cleanupFailure) {
            failure.addSuppressed(cleanupFailure);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) throws SQLException {
        if (connection.getAutoCommit() != autoCommit) {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A one-transaction plan failed: everything was rolled back and the lock released, so it may start again. */
    private static final class OneTransactionFailed extends Exception {
        private final transient PlanExecutor.StatementFailedException failure;

        OneTransactionFailed(PlanExecutor.StatementFailedException failure) {
            super(failure);
            this.failure = failure;
        }
    }

    @Override
    public String toString() {
        return "LockedApply[" + timeouts + ", " + retry + "]";
    }
}
