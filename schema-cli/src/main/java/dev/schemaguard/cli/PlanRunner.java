package dev.schemaguard.cli;

import dev.schemaguard.sql.Hazard;
import dev.schemaguard.sql.LockedApply;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.PlanExecutor;
import dev.schemaguard.sql.PlanStatement;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a {@link LockedApply} against a database URL for a command: opens the connection, and turns a failure into
 * the CLI's one-line message and exit code.
 */
final class PlanRunner {

    private PlanRunner() {
    }

    /** Returns the plan that was applied (possibly empty: then nothing was run). */
    static MigrationPlan run(DatabaseUrl url, LockedApply apply, LockedApply.PlanMaker planMaker) {
        return run(url, apply, planMaker, PlanExecutor.BeforeCommit.NOTHING);
    }

    /** Like {@link #run(DatabaseUrl, LockedApply, LockedApply.PlanMaker)}, with a hook before the commit. */
    static MigrationPlan run(DatabaseUrl url, LockedApply apply, LockedApply.PlanMaker planMaker,
                             PlanExecutor.BeforeCommit beforeCommit) {
        Connection connection = Connections.open(url);
        try {
            return apply.apply(connection, planMaker, beforeCommit);
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
}
