package dev.schemaguard.sql;

import static dev.schemaguard.model.DataTypes.bigint;
import static dev.schemaguard.model.DataTypes.integer;
import static dev.schemaguard.model.DataTypes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.model.ForeignTable;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.Partitioning;
import dev.schemaguard.model.Privilege;
import dev.schemaguard.model.Publication;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.ReplicaIdentity;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;
import dev.schemaguard.model.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every kind of change the diff can report is planned: two models that differ in every way the diff knows produce
 * every permitted subclass of {@link SchemaChange} (a new kind without a case here fails the first test), and
 * planning them, with drops allowed and without, neither fails nor leaves a change unplanned.
 */
class PlannerDispatchTest {

    private static final QualifiedName T = QualifiedName.of("app", "t");

    private static Database actual() {
        Schema app = Schema.named("app").comment("before")
                .table("gone", t -> t.column("id", integer()))
                .table("before_rename", t -> {
                    t.column("id", integer());
                    t.column("old_col", integer());
                    t.index("id").named("br_old_idx");
                    t.check("id > 0").named("br_old_chk");
                })
                .table("t", t -> {
                    t.column("id", integer()).primaryKey();
                    t.column("a", integer());
                    t.column("b", text());
                    t.column("c", integer());
                    t.check("a > 0").named("t_a_check").notValid();
                    t.check("a < 10").named("t_lt");
                    t.constraintComment("t_lt", "below ten");
                    t.unique("a").named("t_a_key");
                    t.index("a").named("t_a_idx");
                    t.index("a").named("t_old_idx");
                    t.index("a").named("t_alt_idx");
                    t.policy("p_drop").using("true");
                    t.policy("p_alt").using("true");
                    t.trigger("tr_drop", "CREATE TRIGGER tr_drop BEFORE INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.f()");
                    t.trigger("tr_alt", "CREATE TRIGGER tr_alt BEFORE INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.f()");
                    t.rule("r_drop", "CREATE RULE r_drop AS ON DELETE TO app.t DO INSTEAD NOTHING");
                    t.rule("r_alt", "CREATE RULE r_alt AS ON UPDATE TO app.t DO INSTEAD NOTHING");
                    t.comment("before");
                })
                .table("parted", t -> {
                    t.column("a", integer());
                    t.partitionBy(Partitioning.Strategy.RANGE, "a");
                })
                .table("p2", t -> {
                    t.column("a", integer());
                    t.partitionBy(Partitioning.Strategy.LIST, "a");
                })
                .table("p2a", t -> t.partitionOf("p2", "FOR VALUES IN (1)"))
                .table("base", t -> t.column("id", integer()))
                .table("child", t -> {
                    t.column("extra", integer());
                    t.inherits("base");
                })
                .table(Table.named("ft", t -> t.column("id", integer()))
                        .withForeign(new ForeignTable("s_alt", Map.of("table_name", "a"), Map.of("id", Map.of("column_name", "i")))))
                .table(Table.named("ft_moved", t -> t.column("id", integer())).withForeign(ForeignTable.on("s_alt")))
                .enumType("gone_enum", "x")
                .enumType("old_enum", "x")
                .enumType("mood", "a")
                .textSearchDictionary(TextSearchDictionary.of("gone_dict", "simple"))
                .textSearchDictionary(TextSearchDictionary.of("alt_dict", "simple", TextSearchDictionary.option("accept", "false")))
                .textSearchConfiguration(TextSearchConfiguration.onDefaultParser("gone_cfg", List.of()))
                .textSearchConfiguration(TextSearchConfiguration.onDefaultParser("alt_cfg", List.of(new TextSearchConfiguration.Mapping(
                        "word", List.of(QualifiedName.of("app", "alt_dict"))))))
                .grant(Grant.of(ObjectRef.of(ObjectRef.Kind.TABLE, "app", "t"), "reader", Privilege.SELECT))
                .grant(new Grant(ObjectRef.of(ObjectRef.Kind.TABLE, "app", "t"), "writer", Privilege.INSERT, false, false))
                .build();
        return Database.of(app, Schema.named("old_schema").build(), Schema.named("old_named").build())
                .withExtensions(List.of(new Extension("hstore", "public", null), new Extension("pg_trgm", "public", "1.5")))
                .withPublications(List.of(
                        new Publication("pub_drop", false, List.of(Publication.Table.of(T)), List.of(), null, false, null),
                        new Publication("pub_alt", false, List.of(Publication.Table.of(T)), List.of(), null, false, null)))
                .withCasts(List.of(
                        dev.schemaguard.model.Cast.withFunction(dev.schemaguard.model.DataType.parse("app.mood"),
                                dev.schemaguard.model.DataType.parse("text"), "app.mood_text", "app.mood"),
                        new dev.schemaguard.model.Cast(dev.schemaguard.model.DataType.parse("app.gone_enum"),
                                dev.schemaguard.model.DataType.parse("text"), dev.schemaguard.model.Cast.Method.INOUT,
                                null, null, null, null)))
                .withForeignDataWrappers(List.of(ForeignDataWrapper.named("w_drop"), ForeignDataWrapper.named("w_alt")))
                .withForeignServers(List.of(ForeignServer.of("s_drop", "w_drop"), ForeignServer.of("s_alt", "w_alt"),
                        ForeignServer.of("s_other", "w_alt"), ForeignServer.of("s_rewrapped", "w_alt")));
    }

    private static Database expected() {
        Schema app = Schema.named("app").comment("after")
                .table("t", t -> {
                    t.column("id", integer()).primaryKey();
                    t.column("a", integer());
                    t.column("c", bigint());
                    t.column("d", integer());
                    t.check("a > 0").named("t_a_check");
                    t.check("a < 20").named("t_lt");
                    t.constraintComment("t_a_check", "positive");
                    t.check("c > 0").named("t_new");
                    t.index("a").named("t_a_idx").storageParameter("fillfactor", "70").comment("indexed");
                    t.index("c").named("t_alt_idx");
                    t.index("d").named("t_new_idx");
                    t.policy("p_alt").using("false");
                    t.policy("p_new").using("true");
                    t.trigger("tr_alt", "CREATE TRIGGER tr_alt AFTER INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.f()");
                    t.trigger("tr_new", "CREATE TRIGGER tr_new BEFORE UPDATE ON app.t FOR EACH ROW EXECUTE FUNCTION app.f()");
                    t.rule("r_alt", "CREATE RULE r_alt AS ON UPDATE TO app.t DO ALSO NOTHING");
                    t.rule("r_new", "CREATE RULE r_new AS ON INSERT TO app.t DO INSTEAD NOTHING");
                    t.rowLevelSecurity();
                    t.unlogged();
                    t.storageParameter("fillfactor", "70");
                    t.replicaIdentity(ReplicaIdentity.FULL);
                    t.comment("after");
                })
                .table("t2", t -> t.column("id", integer()))
                .table("after_rename", t -> {
                    t.renamedFrom("before_rename").column("id", integer());
                    t.column("new_col", integer()).renamedFrom("old_col");
                    t.index("id").named("br_new_idx").renamedFrom("br_old_idx");
                    t.check("id > 0").named("br_new_chk").renamedFrom("br_old_chk");
                })
                .table("parted", t -> {
                    t.column("a", integer());
                    t.partitionBy(Partitioning.Strategy.LIST, "a");
                })
                .table("p2", t -> {
                    t.column("a", integer());
                    t.partitionBy(Partitioning.Strategy.LIST, "a");
                })
                .table("p2a", t -> t.partitionOf("p2", "FOR VALUES IN (2)"))
                .table("base", t -> t.column("id", integer()))
                .table("child", t -> {
                    t.column("id", integer());
                    t.column("extra", integer());
                })
                .table(Table.named("ft", t -> t.column("id", integer()))
                        .withForeign(new ForeignTable("s_alt", Map.of("table_name", "b"), Map.of("id", Map.of("column_name", "j")))))
                .table(Table.named("ft_moved", t -> t.column("id", integer())).withForeign(ForeignTable.on("s_other")))
                .enumType("mood", "a", "b")
                .enumType(new dev.schemaguard.model.EnumType("new_enum", List.of("x"), null, "old_enum"))
                .sequence(Sequence.of("new_seq"))
                .textSearchDictionary(TextSearchDictionary.of("new_dict", "snowball", TextSearchDictionary.option("language", "english")))
                .textSearchDictionary(TextSearchDictionary.of("alt_dict", "simple", TextSearchDictionary.option("accept", "true")))
                .textSearchConfiguration(TextSearchConfiguration.onDefaultParser("new_cfg", List.of()))
                .textSearchConfiguration(TextSearchConfiguration.onDefaultParser("alt_cfg", List.of(new TextSearchConfiguration.Mapping(
                        "word", List.of(QualifiedName.of("app", "new_dict"), QualifiedName.of("app", "alt_dict"))))))
                .grant(new Grant(ObjectRef.of(ObjectRef.Kind.TABLE, "app", "t"), "writer", Privilege.INSERT, true, false))
                .grant(Grant.of(ObjectRef.of(ObjectRef.Kind.TABLE, "app", "t"), "auditor", Privilege.SELECT))
                .build();
        return Database.of(app, Schema.named("fresh").build(), Schema.named("new_named").renamedFrom("old_named").build())
                .withExtensions(List.of(new Extension("citext", "public", null), new Extension("pg_trgm", "public", "1.6")))
                .withPublications(List.of(
                        new Publication("pub_alt", false, List.of(Publication.Table.of(T),
                                Publication.Table.of(QualifiedName.of("app", "t2"))), List.of(), null, false, null),
                        new Publication("pub_new", true, List.of(), List.of(), null, false, null)))
                .withCasts(List.of(
                        dev.schemaguard.model.Cast.withFunction(dev.schemaguard.model.DataType.parse("app.mood"),
                                dev.schemaguard.model.DataType.parse("text"), "app.mood_text", "app.mood")
                                .withContext(dev.schemaguard.model.Cast.Context.IMPLICIT),
                        new dev.schemaguard.model.Cast(dev.schemaguard.model.DataType.parse("text"),
                                dev.schemaguard.model.DataType.parse("app.mood"), dev.schemaguard.model.Cast.Method.INOUT,
                                null, null, dev.schemaguard.model.Cast.Context.ASSIGNMENT, null)))
                .withForeignDataWrappers(List.of(ForeignDataWrapper.named("w_alt").withOptions(Map.of("debug", "1")),
                        ForeignDataWrapper.named("w_new")))
                .withForeignServers(List.of(ForeignServer.of("s_alt", "w_alt").withOptions(Map.of("host", "h")),
                        ForeignServer.of("s_other", "w_alt"), ForeignServer.of("s_rewrapped", "w_new"),
                        ForeignServer.of("s_new", "w_new").withComment("new")));
    }

    @Test
    void theseModelsDifferInEveryWayTheDiffKnows() {
        Set<String> produced = new TreeSet<>();
        SchemaDiff.compare(expected(), actual()).changes().forEach(c -> produced.add(c.getClass().getSimpleName()));
        SchemaDiff.compare(actual(), expected()).changes().forEach(c -> produced.add(c.getClass().getSimpleName()));
        assertEquals(everyKind(), produced, "a change kind without a case in this test: add one to both models");
    }

    @Test
    void everyChangeIsPlannedWithAndWithoutDrops() {
        for (PlanOptions options : List.of(PlanOptions.SAFE, PlanOptions.ALLOW_DROPS)) {
            assertFalse(MigrationPlanner.plan(expected(), actual(), options).statements().isEmpty());
            assertFalse(MigrationPlanner.plan(actual(), expected(), options).statements().isEmpty());
        }
        assertFalse(MigrationPlanner.baseline(expected()).statements().isEmpty());
    }

    @Test
    void everyStatementKnowsTheChangeThatCausedIt() {
        for (PlanOptions options : List.of(PlanOptions.SAFE, PlanOptions.ALLOW_DROPS)) {
            for (boolean forward : List.of(true, false)) {
                Database want = forward ? expected() : actual();
                Database have = forward ? actual() : expected();
                SchemaDiff diff = SchemaDiff.compare(want, have);
                PlanCauses.assertEveryStatementCausedByTheDiff(diff, MigrationPlanner.plan(diff, want, have, options));
            }
        }
        PlanCauses.assertEveryStatementCausedByTheDiff(SchemaDiff.compare(expected(), Database.EMPTY),
                MigrationPlanner.baseline(expected()));
    }

    /**
     * {@link PlanExecutor} runs a plan in one transaction, so every statement the planner emits must be able to run
     * inside one; and every statement that alters, drops or indexes a table says which locks it takes (whether they
     * are the right ones, ConvergenceTest measures).
     */
    @Test
    void everyStatementRunsInATransactionAndATableStatementNamesItsLocks() {
        for (PlanOptions options : List.of(PlanOptions.SAFE, PlanOptions.ALLOW_DROPS)) {
            for (MigrationPlan plan : List.of(MigrationPlanner.plan(expected(), actual(), options),
                    MigrationPlanner.plan(actual(), expected(), options))) {
                for (PlanStatement statement : plan.statements()) {
                    assertTrue(statement.transactional(), () -> "not transactional: " + statement.sql());
                    if (statement.sql().matches("(?s)(ALTER|DROP) TABLE .*|CREATE (UNIQUE )?INDEX .*")) {
                        assertTrue(statement.strongestLock().isPresent(), () -> "no lock named: " + statement.sql());
                    }
                }
            }
        }
    }

    /**
     * Online ({@link PlanOptions#online()}), every change kind is planned too, every statement caused by the diff;
     * only the CONCURRENTLY statements run outside a transaction, and they, too, name their locks.
     */
    @Test
    void everyChangeIsPlannedOnlineWithOnlyConcurrentStatementsOutsideATransaction() {
        Set<String> recipes = new TreeSet<>();
        for (PlanOptions options : List.of(PlanOptions.SAFE.withOnline(true), PlanOptions.ALLOW_DROPS.withOnline(true))) {
            for (boolean forward : List.of(true, false)) {
                Database want = forward ? expected() : actual();
                Database have = forward ? actual() : expected();
                SchemaDiff diff = SchemaDiff.compare(want, have);
                MigrationPlan plan = MigrationPlanner.plan(diff, want, have, options);
                PlanCauses.assertEveryStatementCausedByTheDiff(diff, plan);
                for (PlanStatement statement : plan.statements()) {
                    assertEquals(statement.sql().contains(" CONCURRENTLY "), !statement.transactional(), statement::sql);
                    for (String recipe : List.of("CREATE INDEX CONCURRENTLY", "DROP INDEX CONCURRENTLY", " NOT VALID",
                            "VALIDATE CONSTRAINT", "USING INDEX")) {
                        if (statement.sql().contains(recipe)) {
                            recipes.add(recipe);
                        }
                    }
                    if (statement.sql().matches("(?s)(ALTER|DROP) TABLE .*|CREATE (UNIQUE )?INDEX .*|DROP INDEX .*")) {
                        assertTrue(statement.strongestLock().isPresent(), () -> "no lock named: " + statement.sql());
                    }
                }
            }
        }
        // (these models change no column's NOT NULL on a kept table: OnlineConvergenceTest covers that recipe)
        assertEquals(Set.of("CREATE INDEX CONCURRENTLY", "DROP INDEX CONCURRENTLY", " NOT VALID", "VALIDATE CONSTRAINT",
                "USING INDEX"), recipes, "the models should make the planner use these online recipes");
    }

    /** The simple names of every record that implements SchemaChange, through its sealed sub-interfaces. */
    private static Set<String> everyKind() {
        Set<String> kinds = new TreeSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>(List.of(SchemaChange.class));
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (type.isRecord()) {
                kinds.add(type.getSimpleName());
            } else {
                pending.addAll(List.of(type.getPermittedSubclasses()));
            }
        }
        return kinds;
    }
}
