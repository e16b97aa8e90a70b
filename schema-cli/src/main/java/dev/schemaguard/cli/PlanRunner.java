package dev.schemaguard.cli;

import dev.schemaguard.sql.Hazard;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.PlanExecutor;
import dev.schemaguard.sql.PlanStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Runs a plan against a database in one transaction, all or nothing, holding a transaction-level advisory
 * lock so that two schemaguard runs against the same database never interleave, and with {@code lock_timeout}
 * set so that a statement waiting behind a long-running query gives up instead of blocking all traffic.
 */
final class PlanRunner {

    /** The advisory lock every schemaguard apply takes: "schemgrd" in ASCII. */
    static final long ADVISORY_LOCK_KEY = 0x736368656d677264L;

    private static final Pattern DURATION = Pattern.compile("\\d+(ms|s|min|h)?");

    /** Makes the plan inside the transaction, after the lock is held, so that it is based on what is there. */
    interface PlanMaker {
        MigrationPlan make(Connection connection) throws SQLException;
    }

    private PlanRunner() {
    }

    /** Validates a --lock-timeout value such as 5s, 500ms or 1min. */
    static String lockTimeout(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!DURATION.matcher(trimmed).matches()) {
            throw CliFailure.error("--lock-timeout " + text + " is not a duration: use e.g. 5s, 500ms, 2min or 0 (wait forever)");
        }
        return trimmed;
    }

    /** Returns the plan that was applied (possibly empty: then nothing was run). */
    static MigrationPlan run(DatabaseUrl url, String lockTimeout, PlanMaker planMaker) {
        Connection connection = Connections.open(url);
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")");
                statement.execute("SET LOCAL lock_timeout = '" + lockTimeout + "'");
            }
            MigrationPlan plan = planMaker.make(connection);
            if (plan.isEmpty()) {
                connection.rollback();
                return plan;
            }
            PlanExecutor.apply(connection, plan);
            return plan;
        } catch (PlanExecutor.StatementRefusedException e) {
            throw CliFailure.error("cannot apply the plan to " + url.display() + ": " + oneLine(e.getMessage())
                    + " (the statement comes from the expected schema: check the text of that object)", e);
        } catch (PlanExecutor.StatementFailedException e) {
            String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            throw new CliFailure(Connections.isConnectionFailure(e) ? ExitCode.CANNOT_CONNECT : ExitCode.ERROR,
                    "statement failed on " + url.display() + ": " + oneLine(e.statement().sql()) + ": "
                            + oneLine(PasswordMask.mask(reason))
                            + " -- nothing was applied (the transaction was rolled back)", e);
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw Errors.database("applying the plan to " + url.display() + " (nothing was applied)", e);
        } finally {
            Connections.closeQuietly(connection);
        }
    }

    /**
     * Refuses a plan made without --allow-drops that would delete data anyway: the planner leaves such statements
     * out, and apply must never run one it was not allowed to.
     */
    static void requireNoDataLoss(MigrationPlan plan) {
        for (PlanStatement statement : plan.statements()) {
            if (statement.has(Hazard.DELETES_DATA)) {
                throw CliFailure.error("internal error: the plan made without --allow-drops would delete data ("
                        + oneLine(statement.description()) + "); nothing was applied. Please report this");
            }
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next anyway, which ends the transaction
        }
    }
}
