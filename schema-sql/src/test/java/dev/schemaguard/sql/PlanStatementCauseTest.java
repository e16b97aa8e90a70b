package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Dependency;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static dev.schemaguard.model.DataTypes.bigint;
import static dev.schemaguard.model.DataTypes.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each statement names the change it plans, or the change it moves another object for and why. */
class PlanStatementCauseTest {

    private static final QualifiedName T = QualifiedName.of("public", "t");

    @Test
    void aViewReCreatedAroundAColumnTypeChangeIsADependentOfThatChange() {
        Database actual = withView(t -> t.column("a", integer()));
        Database expected = withView(t -> t.column("a", bigint()));
        SchemaDiff diff = SchemaDiff.compare(expected, actual);
        MigrationPlan plan = MigrationPlanner.plan(diff, expected, actual, PlanOptions.ALLOW_DROPS);
        SchemaChange retype = single(diff, SchemaChange.ColumnAltered.class);

        assertEquals(new PlanStatement.Cause.Planned(retype), statement(plan, "ALTER TABLE public.t ALTER COLUMN a").cause());
        for (String sql : List.of("DROP VIEW public.v", "CREATE VIEW public.v")) {
            PlanStatement.Cause.Dependent cause = assertInstanceOf(PlanStatement.Cause.Dependent.class,
                    statement(plan, sql).cause(), sql);
            assertEquals(retype, cause.change());
            assertEquals("it depends on " + ObjectRef.column(T, "a") + ", which changes", cause.reason());
        }
    }

    @Test
    void aForeignKeyMovedForADroppedKeyIsADependentOfTheDrop() {
        Database actual = parentAndChild(true, false);
        Database expected = parentAndChild(false, true);
        SchemaDiff diff = SchemaDiff.compare(expected, actual);
        MigrationPlan plan = MigrationPlanner.plan(diff, expected, actual, PlanOptions.ALLOW_DROPS);
        SchemaChange dropped = single(diff, SchemaChange.ConstraintDropped.class);

        for (String sql : List.of("ALTER TABLE public.child DROP CONSTRAINT child_pid_fkey",
                "ALTER TABLE public.child ADD CONSTRAINT child_pid_fkey")) {
            PlanStatement.Cause.Dependent cause = assertInstanceOf(PlanStatement.Cause.Dependent.class,
                    statement(plan, sql).cause(), sql);
            assertEquals(dropped, cause.change());
            assertTrue(cause.reason().contains("parent_id_key"), cause.reason());
        }
        assertEquals(new PlanStatement.Cause.Planned(single(diff, SchemaChange.ConstraintAdded.class)),
                statement(plan, "ALTER TABLE public.parent ADD CONSTRAINT parent_pkey").cause());
    }

    @Test
    void aForeignKeyTheDiffDropsItselfIsCausedByThatChangeEvenWhenAKeyItUsesGoesFirst() {
        // the referenced table comes first in the diff, so its key's drop claims the foreign key as a dependent first
        Database actual = Schema.named("public")
                .table("a_parent", t -> {
                    t.column("id", integer()).notNull();
                    t.unique("id").named("a_parent_id_key");
                })
                .table("b_child", t -> {
                    t.column("pid", integer());
                    t.foreignKey("pid").references("a_parent", "id").named("b_child_pid_fkey");
                })
                .toDatabase();
        Database expected = Schema.named("public")
                .table("a_parent", t -> t.column("id", integer()).notNull())
                .table("b_child", t -> t.column("pid", integer()))
                .toDatabase();
        SchemaDiff diff = SchemaDiff.compare(expected, actual);
        MigrationPlan plan = MigrationPlanner.plan(diff, expected, actual, PlanOptions.ALLOW_DROPS);
        List<SchemaChange> drops = diff.changes().stream().filter(c -> c instanceof SchemaChange.ConstraintDropped).toList();
        assertEquals("a_parent", ((SchemaChange.ConstraintDropped) drops.get(0)).table().name(), drops::toString);

        assertEquals(new PlanStatement.Cause.Planned(drops.get(1)),
                statement(plan, "ALTER TABLE public.b_child DROP CONSTRAINT b_child_pid_fkey").cause());
    }

    private static Database withView(Consumer<dev.schemaguard.model.TableBuilder> columns) {
        return Schema.named("public")
                .table("t", columns)
                .view("v", "SELECT a FROM public.t")
                .toDatabase()
                .withDependencies(List.of(new Dependency(ObjectRef.of(ObjectRef.Kind.VIEW, "public", "v"),
                        ObjectRef.column(T, "a"))));
    }

    /** A parent keyed by a unique constraint or a primary key on id, and a child referencing it. */
    private static Database parentAndChild(boolean unique, boolean primaryKey) {
        SchemaBuilder schema = Schema.named("public").table("parent", t -> {
            t.column("id", integer()).notNull();
            if (unique) {
                t.unique("id").named("parent_id_key");
            }
            if (primaryKey) {
                t.primaryKey("id").named("parent_pkey");
            }
        });
        return schema.table("child", t -> {
            t.column("pid", integer());
            t.foreignKey("pid").references("parent", "id").named("child_pid_fkey");
        }).toDatabase();
    }

    private static <C extends SchemaChange> C single(SchemaDiff diff, Class<C> kind) {
        List<C> changes = diff.changes().stream().filter(kind::isInstance).map(kind::cast).toList();
        assertEquals(1, changes.size(), () -> "one " + kind.getSimpleName() + " in " + diff.changes());
        return changes.get(0);
    }

    private static PlanStatement statement(MigrationPlan plan, String sqlStart) {
        return plan.statements().stream().filter(s -> s.sql().startsWith(sqlStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sqlStart + " in\n" + plan.sql()));
    }
}
