package dev.schemaguard.cli;

import dev.schemaguard.sql.ApplyListener;
import dev.schemaguard.sql.BlockingWatcher;
import dev.schemaguard.sql.Hazard;
import dev.schemaguard.sql.LockedApply;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.PlanExecutor;
import dev.schemaguard.sql.PlanStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs a {@link LockedApply} against a database URL for a command: opens the connection (and, for progress, a
 * second one for the {@link BlockingWatcher}), and turns a failure into the CLI's one-line message and exit code.
 */
final class PlanRunner {

    /** How often the watcher looks at the running statement. */
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private PlanRunner() {
    }

    /** Returns the plan that was applied (possibly empty: then nothing was run). */
    static MigrationPlan run(DatabaseUrl url, LockedApply apply, LockedApply.PlanMaker planMaker) {
        return run(url, apply, ApplyListener.NONE, planMaker, PlanExecutor.BeforeCommit.NOTHING);
    }

    /**
     * Returns the plan that was applied (possibly empty: then nothing was run); {@code progress} hears each
     * statement, and who it waits for, seen from a second connection; {@code beforeCommit} runs after the plan's
     * last statement ({@link PlanExecutor.BeforeCommit}).
     */
    static MigrationPlan run(DatabaseUrl url, LockedApply apply, ApplyListener progress, LockedApply.PlanMaker planMaker,
                             PlanExecutor.BeforeCommit beforeCommit) {
        Connection connection = Connections.open(url);
        BlockingWatcher watcher = progress == ApplyListener.NONE ? null
                : BlockingWatcher.start(() -> Connections.open(url), progress, WATCH_INTERVAL);
        try {
            return (watcher == null ? apply : apply.withListener(watcher)).apply(connection, planMaker, beforeCommit);
        } catch (PlanExecutor.StatementRefusedException e) {
            throw CliFailure.error("cannot apply the plan to " + url.display() + ": " + oneLine(e.getMessage())
                    + " (the statement comes from the expected schema: check the text of that object)", e);
        } catch (PlanExecutor.StatementFailedException e) {
            throw new CliFailure(Connections.isConnectionFailure(e) ? ExitCode.CANNOT_CONNECT : ExitCode.ERROR,
                    failureMessage(url, e), e);
        } catch (SQLException e) {
            throw Errors.database("applying the plan to " + url.display() + " (nothing was applied)", e);
        } finally {
            if (watcher != null) {
                watcher.close();
            }
            Connections.closeQuietly(connection);
        }
    }

    /** What failed, where, what stays, and what to run next. */
    static String failureMessage(DatabaseUrl url, PlanExecutor.StatementFailedException e) {
        String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        StringBuilder message = new StringBuilder("statement ").append(e.step().label()).append(" failed on ")
                .append(url.display()).append(": ").append(oneLine(e.statement().sql())).append(": ")
                .append(oneLine(PasswordMask.mask(reason)));
        if (e.lockTimedOut()) {
            message.append(" -- it waited longer than --lock-timeout")
                    .append(e.lockTimeout() == null ? "" : " " + e.lockTimeout()).append(" for a lock");
            if (!e.lockedRelations().isEmpty()) {
                message.append(" on one of ").append(e.lockedRelations());
            }
            message.append(", on ").append(e.attempts()).append(e.attempts() == 1 ? " attempt" : " attempts");
        }
        if (e.wholePlanRolledBack()) {
            message.append(" -- nothing was applied (the transaction was rolled back)");
        } else {
            message.append(" -- ").append(e.committed()).append(" of ").append(e.step().total())
                    .append(" statement(s) were committed before it and stay");
        }
        if (e.note() != null) {
            message.append(" -- ").append(e.note());
        } else if (e.lockTimedOut()) {
            message.append("; run `schemaguard apply` again when the table is less busy, or raise --lock-timeout"
                    + " or --lock-retries");
        } else if (!e.wholePlanRolledBack()) {
            message.append("; fix the cause and run `schemaguard apply` again: it plans again from what is in the"
                    + " database and continues from there");
        }
        return message.toString();
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
