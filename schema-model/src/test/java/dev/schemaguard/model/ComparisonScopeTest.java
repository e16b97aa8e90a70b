package dev.schemaguard.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.schemaguard.model.DataTypes.integer;
import static dev.schemaguard.model.DataTypes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonScopeTest {

    private static final Routine AUDIT = new Routine("audit", "integer", Routine.Kind.FUNCTION,
            "CREATE FUNCTION app.audit(integer) RETURNS integer LANGUAGE sql AS 'SELECT 1'", null);

    private final Database declared = Database.of(
            Schema.named("public").table("orders", t -> t.column("id", integer()).primaryKey()).build(),
            Schema.named("app").table("users", t -> t.column("id", integer())).build());

    private final Database live = Database.of(
            Schema.named("public")
                    .table("orders", t -> t.column("id", integer()).primaryKey())
                    .table("flyway_schema_history", t -> t.column("version", text()))
                    .table("databasechangelog", t -> t.column("id", text()))
                    .table("legacy_customers", t -> t.column("id", integer()))
                    .table("stray", t -> t.column("id", integer()))
                    .build(),
            Schema.named("app").table("users", t -> t.column("id", integer())).routine(AUDIT).build(),
            Schema.named("reporting").table("daily", t -> t.column("day", text())).build());

    private static List<String> tables(Database database) {
        return database.schemas().stream()
                .flatMap(s -> s.tables().stream().map(t -> s.name() + "." + t.name())).toList();
    }

    @Test
    void historyTablesAreLeftOutOfBothSidesAndSaidOnce() {
        ComparisonScope.Scoped scoped = ComparisonScope.DEFAULT.apply(declared, live);
        assertEquals(List.of("public.orders", "public.legacy_customers", "public.stray", "app.users", "reporting.daily"),
                tables(scoped.actual()).stream().sorted(java.util.Comparator.comparing(n -> List.of("public", "app", "reporting")
                        .indexOf(n.substring(0, n.indexOf('.'))))).toList());
        assertEquals(1, scoped.notes().size());
        assertTrue(scoped.notes().get(0).contains("public.flyway_schema_history, public.databasechangelog"), scoped.notes().get(0));
        assertEquals(List.of(), scoped.warnings());
    }

    @Test
    void historyTablesAreComparedWhenAsked() {
        ComparisonScope compared = ComparisonScope.DEFAULT.withHistoryTables(new HistoryTables(true, Set.of()));
        assertTrue(tables(compared.apply(declared, live).actual()).contains("public.flyway_schema_history"));
        ComparisonScope configured = ComparisonScope.DEFAULT.withHistoryTables(new HistoryTables(false, Set.of("public.stray")));
        assertTrue(!tables(configured.apply(declared, live).actual()).contains("public.stray"));
    }

    @Test
    void ignoreRulesLeaveObjectsOutOfBothSidesAndNameRulesThatMatchNothing() {
        ComparisonScope scope = ComparisonScope.DEFAULT.withIgnore(List.of(
                new IgnoreRule(null, "public.legacy_*", "schema.yaml:2:5"),
                new IgnoreRule(null, "reporting.*", "--ignore"),
                new IgnoreRule(ObjectKind.FUNCTION, "app.*", "--ignore"),
                new IgnoreRule(ObjectKind.TABLE, "app.audit", "schema.yaml:4:5"),
                new IgnoreRule(null, "nowhere.*", "schema.yaml:5:5")));
        ComparisonScope.Scoped scoped = scope.apply(declared, live);
        assertEquals(List.of("public.orders", "public.stray", "app.users"), tables(scoped.actual()));
        assertEquals(List.of("public", "app"), scoped.actual().schemas().stream().map(Schema::name).toList(),
                "reporting.* leaves the schema out too");
        assertEquals(List.of(), scoped.actual().schemas().get(1).routines());
        assertEquals(List.of("schema.yaml:4:5: ignore rule 'tables: app.audit' matches nothing on either side of the comparison",
                "schema.yaml:5:5: ignore rule 'nowhere.*' matches nothing on either side of the comparison"), scoped.warnings());
    }

    @Test
    void aPatternWithoutASchemaMatchesInEverySchemaAndStarsStopAtDots() {
        IgnoreRule anywhere = new IgnoreRule(null, "legacy_*", null);
        assertTrue(anywhere.matches(ObjectKind.TABLE, "public", "legacy_x"));
        assertTrue(anywhere.matches(ObjectKind.VIEW, "other", "legacy_"));
        assertTrue(!new IgnoreRule(null, "*", null).matches(ObjectKind.TABLE, "public", "a.b"));
        assertTrue(new IgnoreRule(null, "public.a\\.b", null).matches(ObjectKind.TABLE, "public", "a.b"));
        assertTrue(!new IgnoreRule(null, "public.tmp?", null).matches(ObjectKind.TABLE, "public", "tmp12"));
        assertThrows(IllegalArgumentException.class, () -> new IgnoreRule(null, "a.b.c", null));
        assertThrows(IllegalArgumentException.class, () -> new IgnoreRule(ObjectKind.SCHEMA, "a.b", null));
        assertThrows(IllegalArgumentException.class, () -> new IgnoreRule(null, ".b", null));
    }

    @Test
    void unexpectedIndexesOfADeclaredTableAreLeftAloneAndThoseOfAnUndeclaredOneGoWithIt() {
        Database withIndexes = Database.of(Schema.named("public")
                .table("orders", t -> {
                    t.column("id", integer()).primaryKey();
                    t.index("id").named("orders_by_dba");
                })
                .table("stray", t -> {
                    t.column("id", integer());
                    t.index("id").named("stray_idx");
                }).build());
        ComparisonScope scope = ComparisonScope.DEFAULT.withUnexpected(new UnexpectedObjects(null,
                Map.of(ObjectKind.INDEX, UnexpectedObjects.Policy.WARN)));
        ComparisonScope.Scoped scoped = scope.apply(declared, withIndexes);
        assertEquals(List.of("unexpected index orders_by_dba on public.orders is not declared (unexpected indexes: warn; left alone)"),
                scoped.warnings());
        assertEquals(List.of(), scoped.actual().schemas().get(0).table("orders").orElseThrow().indexes());
        assertEquals(1, scoped.actual().schemas().get(0).table("stray").orElseThrow().indexes().size());
        ComparisonScope ignoring = ComparisonScope.DEFAULT.withIgnore(List.of(new IgnoreRule(ObjectKind.INDEX, "public.*_by_dba", null)));
        assertEquals(List.of(), ignoring.apply(declared, withIndexes).actual().schemas().get(0).table("orders").orElseThrow().indexes());
    }

    @Test
    void unexpectedObjectsArePerKindDriftWarningsOrNothing() {
        ComparisonScope scope = ComparisonScope.DEFAULT.withUnexpected(new UnexpectedObjects(null,
                Map.of(ObjectKind.TABLE, UnexpectedObjects.Policy.WARN, ObjectKind.FUNCTION, UnexpectedObjects.Policy.IGNORE,
                        ObjectKind.SCHEMA, UnexpectedObjects.Policy.IGNORE)));
        ComparisonScope.Scoped scoped = scope.apply(declared, live);
        assertEquals(List.of("public.orders", "app.users"), tables(scoped.actual()));
        assertEquals(List.of(), scoped.actual().schemas().get(1).routines());
        assertEquals(List.of("unexpected table public.legacy_customers is not declared (unexpected tables: warn; left alone)",
                "unexpected table public.stray is not declared (unexpected tables: warn; left alone)"), scoped.warnings());
        assertEquals(declared.schemas(), scoped.expected().schemas(), "the declared side keeps what it declares");
    }
}
