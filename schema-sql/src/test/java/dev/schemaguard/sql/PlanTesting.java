package dev.schemaguard.sql;

import dev.schemaguard.testkit.ThrowawayDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the planner tests do with a plan and a throwaway database: read its SQL, apply it, query the result. */
final class PlanTesting {

    private PlanTesting() {
    }

    /** The plan's statements, without the skipped ones. */
    static List<String> sqls(MigrationPlan plan) {
        return plan.statements().stream().map(PlanStatement::sql).toList();
    }

    /** Applies the plan in one transaction; a failure fails the test with the plan's SQL. */
    static void apply(ThrowawayDatabase db, MigrationPlan plan) throws SQLException {
        try (Connection connection = db.connect()) {
            PlanExecutor.apply(connection, plan);
        } catch (SQLException e) {
            throw new AssertionError("plan failed on " + db + ":\n" + plan.sql() + "\n" + e.getMessage(), e);
        }
    }

    /** The first column of every row {@code query} returns. */
    static List<String> strings(ThrowawayDatabase db, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
