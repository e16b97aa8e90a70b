package dev.schemaguard.cli;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Partitioning;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaBuilder;
import dev.schemaguard.sql.PlanStatement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static dev.schemaguard.model.DataTypes.date;
import static dev.schemaguard.model.DataTypes.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fixes for drift on partitions and inheriting tables keep the table a partition or child. */
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
        DriftReport report = DriftReport.between(expected, actual);
        List<String> statements = report.fixes().stream()
                .flatMap(fix -> fix.statements().stream()).map(PlanStatement::sql).toList();
        assertEquals(List.of("ALTER TABLE public.child ADD COLUMN b integer",
                "CREATE INDEX m_feb_day_idx ON public.m_feb USING btree (day)"), statements);
    }
}
