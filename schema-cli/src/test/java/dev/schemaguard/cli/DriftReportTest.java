package dev.schemaguard.cli;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Partitioning;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaBuilder;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PlanStatement;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.schemaguard.model.DataTypes.date;
import static dev.schemaguard.model.DataTypes.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The report lists the plan's own statements, each under the difference that caused it; fixes for drift on
 * partitions and inheriting tables keep the table a partition or child.
 */
class DriftReportTest {

    private static Database schema(UnaryOperator<SchemaBuilder> children) {
        SchemaBuilder schema = Schema.named("public")
                .table("m", t -> {
                    t.column("day", date()).notNull();
                    t.column("temp", integer());
                    t.partitionBy(Partitioning.Strategy.RANGE, "day");
                })
                .table("base", t -> t.column("a", integer()));
        return children.apply(schema).toDatabase();
    }

    @Test
    void aChildsOwnChangesAreFixedWithoutDetachingIt() {
        Database actual = schema(s -> s
                .table("m_feb", t -> t.partitionOf("m", "DEFAULT"))
                .table("child", t -> t.inherits("base")));
        Database expected = schema(s -> s
                .table("m_feb", t -> {
                    t.partitionOf("m", "DEFAULT");
                    t.index("day");
                })
                .table("child", t -> {
                    t.column("b", integer());
                    t.inherits("base");
                }));
        DriftReport report = DriftReport.between(expected, actual, PlanOptions.ALLOW_DROPS);
        List<String> statements = report.fixes().stream()
                .flatMap(fix -> fix.statements().stream()).map(PlanStatement::sql).toList();
        assertEquals(List.of("ALTER TABLE public.child ADD COLUMN b integer",
                "CREATE INDEX m_feb_day_idx ON public.m_feb USING btree (day)"), statements);
    }

    /**
     * Two column type changes under one view: apply drops the view once, changes both columns and creates the view
     * again. Planning each difference on its own, as the report did before statements knew their cause, showed the
     * view dropped and re-created under both differences, which is not what apply runs.
     */
    @Test
    void aViewReCreatedAroundTwoTypeChangesIsShownOnceJustAsApplyRunsIt() throws SQLException {
        Database actual = introspect("create table t (a int, b int); create view v as select a, b from t");
        Database expected = introspect("create table t (a bigint, b bigint); create view v as select a, b from t");
        DriftReport report = DriftReport.between(expected, actual, PlanOptions.ALLOW_DROPS);
        MigrationPlan plan = MigrationPlanner.plan(expected, actual, PlanOptions.ALLOW_DROPS);

        List<String> shown = report.fixes().stream().flatMap(fix -> fix.statements().stream())
                .map(PlanStatement::sql).sorted().toList();
        assertEquals(plan.statements().stream().map(PlanStatement::sql).sorted().toList(), shown,
                "the report shows exactly the statements apply runs, each once");
        assertEquals(1, shown.stream().filter(sql -> sql.startsWith("DROP VIEW")).count(), shown::toString);

        DriftReport.Fix first = report.fixes().get(0);
        assertInstanceOf(SchemaChange.ColumnAltered.class, first.change());
        PlanStatement dropView = first.statements().stream().filter(s -> s.sql().startsWith("DROP VIEW")).findFirst()
                .orElseThrow(() -> new AssertionError("the view moves for the first type change: " + first));
        PlanStatement.Cause.Dependent cause = assertInstanceOf(PlanStatement.Cause.Dependent.class, dropView.cause());
        assertEquals(first.change(), cause.change());
        assertEquals(List.of("ALTER TABLE public.t ALTER COLUMN b TYPE bigint USING b::bigint"),
                report.fixes().get(1).statements().stream().map(PlanStatement::sql).toList());
    }

    private static Database introspect(String sql) throws SQLException {
        try (ThrowawayDatabase database = Fixtures.database(sql); Connection connection = database.connect()) {
            return new PostgresIntrospector(IntrospectionOptions.ALL).introspect(connection);
        }
    }
}
