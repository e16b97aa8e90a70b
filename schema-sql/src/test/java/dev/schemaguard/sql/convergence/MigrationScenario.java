package dev.schemaguard.sql.convergence;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanExecutor;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PlanCauses;
import dev.schemaguard.sql.PlanStatement;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.sql.Rollback;
import dev.schemaguard.testkit.PostgresServer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Two databases on one server: "current", built from the old DDL and migrated step by step, and "target",
 * built from the new DDL and only read. Each {@link #migrate} plans the target model from the
 * current database's model, applies the plan to the current database and introspects it again.
 */
final class MigrationScenario {

    private final PostgresServer server;
    private final IntrospectionOptions introspection;
    private final ReusableThrowawayDatabase current;
    private Database targetModel;
    private Database currentModel;

    private MigrationScenario(IntrospectionOptions introspection, ReusableThrowawayDatabase current, ReusableThrowawayDatabase target)
            throws SQLException {
        this.server = current.server();
        this.introspection = introspection;
        this.current = current;
        this.targetModel = introspect(target);
        this.currentModel = introspect(current);
    }

    /** Runs each script in its database of a freshly reset throwaway pair and introspects both. */
    static MigrationScenario load(ReusableThrowawayDatabases.Pair databases, String oldDdl, String newDdl,
                                  IntrospectionOptions introspection) throws SQLException {
        run(databases.current(), oldDdl, "old");
        run(databases.target(), newDdl, "new");
        return new MigrationScenario(introspection, databases.current(), databases.target());
    }

    Database targetModel() {
        return targetModel;
    }

    /** The target model with what the case declares beyond the new database (declared renames). */
    void declare(java.util.function.UnaryOperator<Database> declarations) {
        targetModel = declarations.apply(targetModel);
    }

    /** The rows of {@code query} on the current (migrated) database, each row's columns joined by a space. */
    List<String> rows(String query) throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (java.sql.Statement statement = current.connection().createStatement();
             java.sql.ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Runs {@code sql} on the current database (fixing its rows between two steps, say) and reads it again. */
    void execute(String sql) throws SQLException {
        current.execute(sql);
        currentModel = introspect(current);
    }

    /** The current database's model as of the last introspection (after loading, or after the last step). */
    Database currentModel() {
        return currentModel;
    }

    /** Plans with {@code options}, applies, re-introspects; a plan that fails to apply fails the test with its SQL. */
    Step migrate(PlanOptions options) throws SQLException {
        Database before = currentModel;
        MigrationPlan plan = plan(before, options);
        try {
            PlanExecutor.apply(current.connection(), plan);
        } catch (SQLException | RuntimeException e) {
            throw new AssertionError("the plan failed to apply on " + server.label() + ": " + e.getMessage()
                    + System.lineSeparator() + describePlan(plan), e);
        }
        return stepAfter(before, plan, List.of());
    }

    /**
     * Like {@link #migrate}, but plans for this server's version, runs each statement in a transaction of its own
     * and compares the locks it takes ({@code pg_locks}) and the tables it scans or rewrites with those the plan
     * declares for it ({@code LockRules});
     * the mismatches come back in the step. A {@code SET LOCAL} of the plan is set for the session instead (and
     * reset afterwards), so that it still holds for the statements after it.
     */
    Step migrateMeasuringLocks(PlanOptions options) throws SQLException {
        Database before = currentModel;
        MigrationPlan plan = plan(before, options.forServer(server.majorVersion()));
        List<String> wrongLocks = new ArrayList<>();
        java.sql.Connection holder = null;
        try {
            PlanExecutor.requireSingleCommands(plan);
            for (PlanStatement statement : plan.statements()) {
                if (!statement.transactional() && holder == null) {
                    holder = current.connectAnother();
                }
                LockProbe.Effect effect = statement.transactional() ? LockProbe.run(current.connection(),
                        statement.sql().replaceFirst("^(?i)SET LOCAL ", "SET "))
                        : LockProbe.runOutsideTransaction(current.connection(), holder, statement.sql());
                effect.mismatch(statement).ifPresent(mismatch -> wrongLocks.add(statement.sql()
                        + System.lineSeparator() + "      " + mismatch));
            }
        } catch (SQLException | RuntimeException e) {
            throw new AssertionError("the plan failed to apply statement by statement on " + server.label() + ": "
                    + e.getMessage() + System.lineSeparator() + describePlan(plan), e);
        } finally {
            current.execute("RESET ALL");
            if (holder != null) {
                holder.close();
            }
        }
        return stepAfter(before, plan, wrongLocks);
    }

    /**
     * Plans the way back ({@link Rollback}) from the current database to {@code original}, applies its down plan
     * in one transaction and re-introspects; the step's target is {@code original}. A down plan that fails to
     * apply fails the test with its SQL.
     */
    Step rollBack(Database original, MigrationPlan up, PlanOptions options) throws SQLException {
        Database before = currentModel;
        MigrationPlan down = Rollback.of(up, original, before, options.forServer(server.majorVersion())).down();
        try {
            PlanExecutor.apply(current.connection(), down);
        } catch (SQLException | RuntimeException e) {
            throw new AssertionError("the down plan failed to apply on " + server.label() + ": " + e.getMessage()
                    + System.lineSeparator() + describePlan(down), e);
        }
        currentModel = introspect(current);
        return new Step(before, original, down, currentModel, SchemaDiff.compare(original, currentModel), List.of());
    }

    /** The plan from {@code before} to the target, every statement of it caused by a change of the diff. */
    private MigrationPlan plan(Database before, PlanOptions options) {
        SchemaDiff diff = SchemaDiff.compare(targetModel, before);
        MigrationPlan plan = MigrationPlanner.plan(diff, targetModel, before, options);
        PlanCauses.assertEveryStatementCausedByTheDiff(diff, plan);
        return plan;
    }

    /** The step once {@code plan} has run: the current database read again and compared with the target. */
    private Step stepAfter(Database before, MigrationPlan plan, List<String> wrongLocks) throws SQLException {
        currentModel = introspect(current);
        return new Step(before, targetModel, plan, currentModel, SchemaDiff.compare(targetModel, currentModel),
                wrongLocks);
    }

    private Database introspect(ReusableThrowawayDatabase database) throws SQLException {
        return new PostgresIntrospector(introspection).introspect(database.connection());
    }

    /**
     * One plan-and-apply step: the models before and wanted, the plan, the model after, what still differs, and
     * the statements whose measured locks differ from the declared ones (only when measured).
     */
    record Step(Database before, Database target, MigrationPlan plan, Database after, SchemaDiff remaining,
                List<String> wrongLocks) {

        /** The plan and the remaining differences, for failure messages. */
        String report() {
            return describePlan(plan) + System.lineSeparator() + describeChanges("remaining differences", remaining.changes());
        }
    }

    static String describePlan(MigrationPlan plan) {
        StringBuilder text = new StringBuilder("plan (" + plan.statements().size() + " statements):")
                .append(System.lineSeparator()).append(plan.sql().isEmpty() ? "  (empty)" + System.lineSeparator() : plan.sql());
        if (!plan.skipped().isEmpty()) {
            text.append("skipped (").append(plan.skipped().size()).append("):").append(System.lineSeparator());
            for (PlanStatement statement : plan.skipped()) {
                text.append("  ").append(statement.sql()).append("  -- ").append(statement.description())
                        .append(System.lineSeparator());
            }
        }
        return text.toString();
    }

    static String describeChanges(String title, List<SchemaChange> changes) {
        StringBuilder text = new StringBuilder(title + " (" + changes.size() + "):" + System.lineSeparator());
        for (SchemaChange change : changes) {
            text.append("  - ").append(change.describe()).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static void run(ReusableThrowawayDatabase database, String script, String which) throws SQLException {
        if (script.isBlank()) {
            return;
        }
        try {
            database.execute(script);
        } catch (SQLException e) {
            throw new SQLException("the " + which + " DDL of the case failed on " + database + ": " + e.getMessage()
                    + " (fix the case's script)", e.getSQLState(), e);
        }
    }
}
