package dev.schemaguard.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Runs a {@link MigrationPlan} against a live database, in {@link StatementGroup}s: consecutive transactional
 * statements in one transaction, a statement that cannot run in a transaction block alone in autocommit. A plan
 * of only transactional statements is therefore one transaction, all or nothing. Each group runs with the
 * {@link StatementTimeouts}; a group that gave up waiting for a lock is rolled back and tried again as
 * {@link LockRetry} says. When a later group fails, the groups before it stay committed: rerunning the apply plans
 * again from what is there and continues. Progress goes to an {@link ApplyListener}.
 */
public final class PlanExecutor {

    /** Runs with the session's timeouts, no retry, no listener. */
    public static final PlanExecutor PLAIN = new PlanExecutor(StatementTimeouts.SESSION, LockRetry.NONE, ApplyListener.NONE);

    /** duplicate_table: what a retried CREATE INDEX CONCURRENTLY meets when its first attempt left the index. */
    private static final String DUPLICATE = "42P07";

    private static final String LEFT_BEHIND = "an earlier attempt of this statement, which runs outside a transaction,"
            + " gave up waiting for a lock after it had created what it creates (a CREATE INDEX CONCURRENTLY leaves the"
            + " index behind, invalid): run the apply again, whose plan must drop and rebuild it, or drop it by hand";

    private final StatementTimeouts timeouts;
    private final LockRetry retry;
    private final ApplyListener listener;

    public PlanExecutor(StatementTimeouts timeouts, LockRetry retry, ApplyListener listener) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A statement of the plan failed; its group was rolled back, groups before it stay committed. */
    public static final class StatementFailedException extends SQLException {
        private final transient ApplyEvent.Step step;
        private final int attempts;
        private final int committed;
        private final boolean wholePlanRolledBack;
        private final String lockTimeout;
        private final String note;

        StatementFailedException(ApplyEvent.Step step, int attempts, int committed, boolean wholePlanRolledBack,
                                 String lockTimeout, SQLException cause) {
            this(step, attempts, committed, wholePlanRolledBack, lockTimeout, null, cause);
        }

        private StatementFailedException(ApplyEvent.Step step, int attempts, int committed, boolean wholePlanRolledBack,
                                         String lockTimeout, String note, SQLException cause) {
            super(message(step, attempts, committed, wholePlanRolledBack, lockTimeout, cause)
                            + (note == null ? "" : "\n  " + note),
                    cause.getSQLState(), cause.getErrorCode(), cause);
            this.step = step;
            this.attempts = attempts;
            this.committed = committed;
            this.wholePlanRolledBack = wholePlanRolledBack;
            this.lockTimeout = lockTimeout;
            this.note = note;
        }

        /** What else the user must know about this failure, or null. */
        public String note() {
            return note;
        }

        StatementFailedException withNote(String text) {
            return new StatementFailedException(step, attempts, committed, wholePlanRolledBack, lockTimeout, text,
                    (SQLException) getCause());
        }

        public PlanStatement statement() {
            return step.statement();
        }

        /** Which statement of how many failed. */
        public ApplyEvent.Step step() {
            return step;
        }

        /** How many times the statement was tried (more than one after lock timeouts). */
        public int attempts() {
            return attempts;
        }

        /** How many statements of the plan were committed before it, and stay. */
        public int committed() {
            return committed;
        }

        /** Whether the plan ran as one transaction, so that nothing of it stays. */
        public boolean wholePlanRolledBack() {
            return wholePlanRolledBack;
        }

        /** Whether the statement gave up waiting for a lock (after its retries). */
        public boolean lockTimedOut() {
            return LockRetry.LOCK_NOT_AVAILABLE.equals(getSQLState());
        }

        /** The lock_timeout the statement ran with, e.g. "5s"; null when it was the session's. */
        public String lockTimeout() {
            return lockTimeout;
        }

        /** The relations the statement locks (by {@link LockRules}), one of which it waited for; may be empty. */
        public String lockedRelations() {
            return statement().locks().entrySet().stream()
                    .map(lock -> lock.getKey() + " (" + lock.getValue().sqlName() + ")")
                    .collect(Collectors.joining(", "));
        }

        StatementFailedException afterAttempts(int count) {
            return new StatementFailedException(step, count, committed, wholePlanRolledBack, lockTimeout, note,
                    (SQLException) getCause());
        }

        private static String message(ApplyEvent.Step step, int attempts, int committed, boolean wholePlanRolledBack,
                                      String lockTimeout, SQLException cause) {
            PlanStatement statement = step.statement();
            StringBuilder message = new StringBuilder("migration statement ").append(step.label())
                    .append(" failed (").append(statement.description()).append("): ").append(cause.getMessage());
            if (LockRetry.isLockTimeout(cause)) {
                message.append("\n  it waited longer than lock_timeout")
                        .append(lockTimeout == null ? "" : " (" + lockTimeout + ")").append(" for a lock");
                if (!statement.locks().isEmpty()) {
                    message.append(" on one of ").append(statement.locks().keySet().stream()
                            .map(Object::toString).collect(Collectors.joining(", ")));
                }
                message.append(", on ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
            }
            message.append("\n  statement: ").append(statement.sql());
            if (wholePlanRolledBack) {
                message.append("\n  nothing was changed: the whole plan was rolled back; fix the data or the schema and rerun");
            } else {
                message.append("\n  ").append(committed).append(" of ").append(step.total())
                        .append(" statement(s) were committed before it and stay; its own ")
                        .append(statement.transactional() ? "transaction was rolled back" : "statement ran outside a transaction")
                        .append(". Fix the cause and run the apply again: it plans again from what is in the database"
                                + " and continues from there");
            }
            return message.toString();
        }
    }

    /**
     * A statement of the plan is not exactly one SQL command (see {@link SqlCommands}); nothing was sent to the
     * server.
     */
    public static final class StatementRefusedException extends SQLException {
        private final transient PlanStatement statement;

        StatementRefusedException(PlanStatement statement, SqlTextException cause) {
            super("refused to run a statement that is not exactly one SQL command (" + statement.description() + "): "
                    + cause.located() + "; nothing was run", "42601", cause);
            this.statement = statement;
        }

        public PlanStatement statement() {
            return statement;
        }
    }

    /**
     * Checks that every statement of {@code plan} is exactly one SQL command, before any of them runs.
     *
     * @throws StatementRefusedException for the first statement that is not
     */
    public static void requireSingleCommands(MigrationPlan plan) throws StatementRefusedException {
        for (PlanStatement statement : plan.statements()) {
            try {
                SqlCommands.requireOne(statement.sql());
            } catch (SqlTextException e) {
                throw new StatementRefusedException(statement, e);
            }
        }
    }

    /**
     * What runs after the plan's last statement, e.g. reading the migrated schema again to plan the way back
     * ({@link Rollback}): inside the last group's transaction, before its commit, so that when it throws that group
     * is rolled back too (for a plan of only transactional statements: nothing is applied). After a last statement
     * that runs outside a transaction it runs after that statement, in autocommit.
     */
    @FunctionalInterface
    public interface BeforeCommit {
        BeforeCommit NOTHING = (connection, plan) -> { };

        void ran(Connection connection, MigrationPlan plan) throws SQLException;
    }

    /**
     * Runs {@code plan} with the session's timeouts, without retries ({@link #PLAIN}): a plan of only
     * transactional statements in one transaction, all or nothing.
     */
    public static void apply(Connection connection, MigrationPlan plan) throws SQLException {
        PLAIN.run(connection, plan);
    }

    /** Like {@link #apply(Connection, MigrationPlan)}, running {@code beforeCommit} after the last statement. */
    public static void apply(Connection connection, MigrationPlan plan, BeforeCommit beforeCommit) throws SQLException {
        PLAIN.run(connection, plan, 1, beforeCommit);
    }

    /**
     * Runs every group of {@code plan} in order: a transactional group commits at its end and rolls back on the
     * first error; when a group fails (after its retries) this throws {@link StatementFailedException} and the
     * groups before it stay committed. A transactional group joins a transaction already open on the connection.
     * The connection's autocommit setting is restored afterwards. Nothing runs when a statement is not exactly one
     * SQL command ({@link StatementRefusedException}).
     */
    public void run(Connection connection, MigrationPlan plan) throws SQLException {
        run(connection, plan, 1, BeforeCommit.NOTHING);
    }

    /**
     * {@link #run(Connection, MigrationPlan)}, counting attempts from {@code firstAttempt} (a plan run again), and
     * running {@code beforeCommit} after the last statement.
     */
    void run(Connection connection, MigrationPlan plan, int firstAttempt, BeforeCommit beforeCommit) throws SQLException {
        Objects.requireNonNull(beforeCommit, "beforeCommit");
        requireSingleCommands(plan);
        List<StatementGroup> groups = StatementGroup.of(plan);
        boolean oneTransaction = groups.size() == 1 && groups.get(0).transactional();
        boolean autoCommit = connection.getAutoCommit();
        int backendPid = listener == ApplyListener.NONE ? 0 : backendPid(connection);
        int committed = 0;
        try {
            for (int g = 0; g < groups.size(); g++) {
                StatementGroup group = groups.get(g);
                BeforeCommit last = g == groups.size() - 1 ? beforeCommit : BeforeCommit.NOTHING;
                runWithRetry(connection, plan, group, committed, oneTransaction, backendPid, firstAttempt, last);
                committed += group.size();
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void runWithRetry(Connection connection, MigrationPlan plan, StatementGroup group, int committed,
                              boolean oneTransaction, int backendPid, int firstAttempt, BeforeCommit beforeCommit)
            throws SQLException {
        int total = plan.statements().size();
        for (int attempt = firstAttempt; ; attempt++) {
            try {
                if (group.transactional()) {
                    runInTransaction(connection, group, total, attempt, backendPid, () -> beforeCommit.ran(connection, plan));
                } else {
                    runAlone(connection, group, total, attempt, backendPid);
                    beforeCommit.ran(connection, plan);
                }
                return;
            } catch (FailedStep failed) {
                SQLException cause = failed.cause();
                if (!retry.retries(cause, attempt)) {
                    StatementFailedException failure = new StatementFailedException(failed.step, attempt, committed,
                            oneTransaction, timeouts.lockTimeout(), cause);
                    throw attempt > firstAttempt && !group.transactional() && DUPLICATE.equals(cause.getSQLState())
                            ? failure.withNote(LEFT_BEHIND) : failure;
                }
                Duration pause = retry.pauseAfter(attempt);
                listener.on(new ApplyEvent.Retrying(failed.step, attempt, pause));
                LockRetry.sleep(pause);
            }
        }
    }

    /** What runs in a group's transaction after its last statement. */
    @FunctionalInterface
    private interface GroupEnd {
        void ran() throws SQLException;
    }

    private void runInTransaction(Connection connection, StatementGroup group, int total, int attempt, int backendPid,
                                  GroupEnd beforeCommit) throws SQLException, FailedStep {
        connection.setAutoCommit(false);
        try {
            timeouts.setLocal(connection);
            for (int i = 0; i < group.size(); i++) {
                execute(connection, new ApplyEvent.Step(group.first() + i + 1, total, group.statements().get(i)),
                        attempt, backendPid);
            }
            beforeCommit.ran();
            connection.commit();
        } catch (SQLException | FailedStep | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    private void runAlone(Connection connection, StatementGroup group, int total, int attempt, int backendPid)
            throws SQLException, FailedStep {
        connection.setAutoCommit(true);
        StatementTimeouts.SessionValues before = timeouts.setSession(connection);
        try {
            execute(connection, new ApplyEvent.Step(group.first() + 1, total, group.statements().get(0)), attempt,
                    backendPid);
        } finally {
            timeouts.restore(connection, before);
        }
    }

    private void execute(Connection connection, ApplyEvent.Step step, int attempt, int backendPid) throws FailedStep {
        listener.on(new ApplyEvent.Started(step, attempt, backendPid));
        long start = System.nanoTime();
        try (Statement jdbc = connection.createStatement()) {
            jdbc.execute(step.statement().sql());
        } catch (SQLException e) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            listener.on(new ApplyEvent.Failed(step, elapsed, e.getSQLState(), e.getMessage()));
            throw new FailedStep(step, e);
        }
        listener.on(new ApplyEvent.Finished(step, Duration.ofNanos(System.nanoTime() - start)));
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** A plan statement failed: kept apart from failures of the executor's own statements (SET, COMMIT). */
    private static final class FailedStep extends Exception {
        private final transient ApplyEvent.Step step;

        FailedStep(ApplyEvent.Step step, SQLException cause) {
            super(cause);
            this.step = step;
        }

        SQLException cause() {
            return (SQLException) getCause();
        }
    }

    @Override
    public String toString() {
        return "PlanExecutor[" + timeouts + ", " + retry + "]";
    }
}
