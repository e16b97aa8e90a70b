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
     * Runs every statement of {@code plan} in one transaction: commits at the end, rolls back on the first error
     * and throws {@link StatementFailedException}. The connection's autocommit setting is restored afterwards.
     */
    public static void apply(Connection connection, MigrationPlan plan) throws SQLException {
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
