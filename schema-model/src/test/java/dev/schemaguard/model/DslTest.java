package dev.schemaguard.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.schemaguard.model.DataTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DslTest {

    private final Schema schema = Schema.named("public")
            .table("organisations", t -> {
                t.column("id", uuid()).primaryKey().defaultValue("gen_random_uuid()");
                t.column("name", text()).notNull().unique();
            })
            .table("organisation_modules", t -> {
                t.column("organisation_id", uuid()).notNull().references("organisations", "id");
                t.column("module", varchar(64)).notNull();
                t.column("seats", integer()).notNull().defaultValue("1");
                t.primaryKey("organisation_id", "module");
                t.check("seats > 0");
                t.index(IndexKey.expression("lower((module)::text)"));
                t.index("seats").where("seats > 100").named("big_ones");
                t.rowLevelSecurity();
                t.policy("tenant").using("organisation_id = current_setting('app.org')::uuid");
            })
            .build();

    @Test
    void aViewQueryCopiedFromAMigrationLosesItsClosingSemicolon() {
        View written = Schema.named("app").view("active", "SELECT id FROM app.t WHERE active;\n").build().views().get(0);
        assertEquals("SELECT id FROM app.t WHERE active", written.definition());
        assertEquals(written, new View("active", false, "SELECT id FROM app.t WHERE active", List.of(), null, List.of(), List.of(), List.of()),
                "the same view as PostgreSQL prints it back");
    }

    @Test
    void fillsInTheNamesPostgresWouldChoose() {
        Table modules = schema.table("organisation_modules").orElseThrow();
        assertEquals("organisation_modules_pkey", modules.primaryKey().name());
        assertEquals("organisation_modules_organisation_id_fkey", modules.foreignKeys().get(0).name());
        assertEquals("organisation_modules_seats_check", modules.checkConstraints().get(0).name());
        assertEquals("organisation_modules_lower_idx", modules.indexes().get(0).name());
        assertEquals("big_ones", modules.indexes().get(1).name());
        assertEquals("organisations_name_key", schema.table("organisations").orElseThrow().uniqueConstraints().get(0).name());
    }

    @Test
    void keepsColumnsInDeclaredOrderWithTheirOptions() {
        Table modules = schema.table("organisation_modules").orElseThrow();
        assertEquals(List.of("organisation_id", "module", "seats"), modules.columns().stream().map(Column::name).toList());
        Column seats = modules.column("seats").orElseThrow();
        assertFalse(seats.nullable());
        assertEquals("1", seats.defaultExpression());
        assertNull(seats.identity());
        assertTrue(modules.rowSecurity().enabled());
        assertEquals(QualifiedName.of("public", "organisations"), modules.foreignKeys().get(0).referencedTable());
    }

    @Test
    void tablesAreLoggedUnlessDeclaredUnlogged() {
        Table logged = schema.table("organisations").orElseThrow();
        assertFalse(logged.unlogged());
        Table unlogged = Table.named("hits", t -> t.column("n", integer()).notNull()).withUnlogged(true);
        assertTrue(unlogged.unlogged());
        assertEquals(unlogged, Table.named("hits", t -> {
            t.column("n", integer()).notNull();
            t.unlogged();
        }));
        assertTrue(unlogged.withComment("kept").unlogged(), "the with... methods keep the persistence");
        assertTrue(unlogged.withTriggers(List.of()).withPartitionOf(null).unlogged());
    }

    @Test
    void sameDefinitionTwiceGetsPostgresNumberSuffix() {
        Table table = Table.named("t", t -> {
            t.column("a", integer());
            t.index("a");
            t.index("a").unique();
        });
        assertEquals(List.of("t_a_idx", "t_a_idx1"), table.indexes().stream().map(Index::name).toList());
    }

    @Test
    void rejectsReferencesToMissingColumns() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Table.named("t", t -> {
            t.column("a", integer());
            t.index("b");
        }));
        assertTrue(error.getMessage().contains("refers to column b"), error.getMessage());
    }

    @Test
    void rejectsDuplicateColumns() {
        assertThrows(IllegalArgumentException.class, () -> Table.named("t", t -> {
            t.column("a", integer());
            t.column("a", text());
        }));
    }

    @Test
    void identityAndSerialColumnsAreNeverNullable() {
        Table table = Table.named("t", t -> {
            t.column("id", bigint()).identityAlways();
            t.column("n", serial());
        });
        assertFalse(table.column("id").orElseThrow().nullable());
        assertFalse(table.column("n").orElseThrow().nullable());
    }

    @Test
    void primaryKeyColumnsAreNotNullAsInPostgres() {
        Table table = Table.named("t", t -> {
            t.column("a", integer());
            t.column("b", integer());
            t.primaryKey("a");
        });
        assertFalse(table.column("a").orElseThrow().nullable());
        assertTrue(table.column("b").orElseThrow().nullable());
    }

    @Test
    void clashingDefaultNamesStayWithin63Bytes() {
        String longName = "c".repeat(63);
        Table table = Table.named("t", t -> {
            t.column(longName, integer());
            t.index(longName);
            t.index(longName).unique();
        });
        String first = table.indexes().get(0).name();
        String second = table.indexes().get(1).name();
        assertTrue(first.endsWith("_idx") && Identifiers.byteLength(first) <= 63, first);
        assertTrue(second.endsWith("_idx1") && Identifiers.byteLength(second) <= 63, second);
    }

    @Test
    void collationsNeedALocaleAndOnlyIcuIsNondeterministic() {
        Collation mixed = new Collation("mixed", Collation.Provider.LIBC, null, "C", "POSIX", true, null);
        assertEquals(List.of("C", "POSIX"), List.of(mixed.lcCollate(), mixed.lcCtype()));
        assertEquals(Collation.libc("c", "C"), new Collation("c", Collation.Provider.LIBC, null, "C", "C", true, null),
                "equal lc_collate and lc_ctype are one locale");
        assertThrows(IllegalArgumentException.class, () -> new Collation("x", Collation.Provider.ICU, null, null, null, true, null));
        assertThrows(IllegalArgumentException.class, () -> new Collation("x", Collation.Provider.ICU, null, "C", "POSIX", true, null));
        assertThrows(IllegalArgumentException.class, () -> new Collation("x", Collation.Provider.LIBC, "C", "POSIX", null, true, null));
        IllegalArgumentException nondeterministic = assertThrows(IllegalArgumentException.class,
                () -> Collation.libc("x", "C").nondeterministic());
        assertTrue(nondeterministic.getMessage().contains("only with provider icu"), nondeterministic.getMessage());
        Schema schema = Schema.named("app").collation(Collation.icu("numeric", "en-u-kn-true")).build();
        assertEquals(List.of(Collation.icu("numeric", "en-u-kn-true")), schema.objects(), "collations are objects of the schema");
        assertThrows(IllegalArgumentException.class, () -> Schema.named("app").collation(Collation.icu("n", "en"))
                .collation(Collation.libc("n", "C")).build());
    }

    @Test
    void viewTriggersCannotBeDisabledNorSitOnMaterializedViews() {
        String instead = "CREATE TRIGGER t INSTEAD OF INSERT ON public.v FOR EACH ROW EXECUTE FUNCTION f()";
        View view = new View("v", false, "SELECT 1", List.of(), null, List.of(), List.of(), List.of()).withTrigger("t", instead);
        assertEquals(instead, view.trigger("t").orElseThrow().definition());
        IllegalArgumentException disabled = assertThrows(IllegalArgumentException.class,
                () -> view.withTriggers(List.of(new Trigger("t", instead, Trigger.Firing.DISABLED, null))));
        assertTrue(disabled.getMessage().contains("cannot change when triggers on views fire"), disabled.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> view.withTriggers(List.of(new Trigger("t", instead, Trigger.Firing.ALWAYS, null))));
        assertThrows(IllegalArgumentException.class,
                () -> new View("m", true, "SELECT 1", List.of(), null, List.of(), List.of(), List.of()).withTrigger("t", instead));
        assertThrows(IllegalArgumentException.class, () -> view.withTrigger("t", instead), "a trigger name twice");
    }
}
