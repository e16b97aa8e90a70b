package dev.schemaguard.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs a {@link MigrationPlan} against a live database, all or nothing. */
public final class PlanExecutor {

    private PlanExecutor() {
    }

    /** A statement of the plan failed; the transaction was rolled back. */
    public static final class StatementFailedException extends SQLException {
        private final transient PlanStatement statement;

        StatementFailedException(PlanStatement statement, SQLException cause) {
            super("migration statement failed (" + statement.description() + "): " + cause.getMessage()
                    + "\n  statement: " + statement.sql()
                    + "\n  nothing was changed: the whole plan was rolled back; fix the data or the schema and rerun",
                    cause.getSQLState(), cause.getErrorCode(), cause);
            this.statement = statement;
        }

        public PlanStatement statement() {
            return statement;
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
     * What runs in the plan's transaction after its last statement, before the commit, e.g. reading the migrated
     * schema again to plan the way back ({@link Rollback}); when it throws, the whole plan is rolled back.
     */
    @FunctionalInterface
    public interface BeforeCommit {
        BeforeCommit NOTHING = (connection, plan) -> { };

        void ran(Connection connection, MigrationPlan plan) throws SQLException;
    }

    /**
     * Runs every statement of {@code plan} in one transaction: commits at the end, rolls back on the first error
     * and throws {@link StatementFailedException}. The connection's autocommit setting is restored afterwards.
     * Nothing runs when a statement is not exactly one SQL command ({@link StatementRefusedException}).
     */
    public static void apply(Connection connection, MigrationPlan plan) throws SQLException {
        apply(connection, plan, BeforeCommit.NOTHING);
    }

    /** Like {@link #apply(Connection, MigrationPlan)}, running {@code beforeCommit} after the last statement. */
    public static void apply(Connection connection, MigrationPlan plan, BeforeCommit beforeCommit) throws SQLException {
        requireSingleCommands(plan);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement jdbc = connection.createStatement()) {
                for (PlanStatement statement : plan.statements()) {
                    try {
                        jdbc.execute(statement.sql());
                    } catch (SQLException e) {
                        throw new StatementFailedException(statement, e);
                    }
                }
            }
            beforeCommit.ran(connection, plan);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
