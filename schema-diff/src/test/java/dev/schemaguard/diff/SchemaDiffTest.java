package dev.schemaguard.diff;

import dev.schemaguard.diff.SchemaChange.ColumnAspect;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.TableBuilder;
import dev.schemaguard.model.View;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static dev.schemaguard.model.DataTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaDiffTest {

    private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");

    private static Schema orders(Consumer<TableBuilder> body) {
        return Schema.named("public").table("orders", body).build();
    }

    private static final Consumer<TableBuilder> BASE = t -> {
        t.column("id", bigint()).primaryKey();
        t.column("total", numeric(10, 2)).notNull().defaultValue("0");
        t.column("note", text());
    };

    @Test
    void equalModelsGiveAnEmptyDiff() {
        assertTrue(SchemaDiff.compare(orders(BASE), orders(BASE)).isEmpty());
    }

    @Test
    void aliasesOfOneTypeAreNotDrift() {
        Schema written = orders(t -> t.column("n", DataType.parse("int4")));
        Schema found = orders(t -> t.column("n", DataType.parse("integer")));
        assertTrue(SchemaDiff.compare(written, found).isEmpty());
    }

    @Test
    void redundantParenthesesAndSpacesAreNotDrift() {
        Schema written = orders(t -> {
            t.column("n", integer());
            t.check("n   > 0").named("positive");
        });
        Schema found = orders(t -> {
            t.column("n", integer());
            t.check("(n > 0)").named("positive");
        });
        assertTrue(SchemaDiff.compare(written, found).isEmpty());
    }

    @Test
    void missingTableIsOneChangeCarryingTheWholeDefinition() {
        Database expected = Database.of(orders(BASE));
        SchemaDiff diff = SchemaDiff.compare(expected, Database.of(new Schema("public", List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null)));
        SchemaChange.TableAdded added = assertInstanceOf(SchemaChange.TableAdded.class, diff.changes().get(0));
        assertEquals(ORDERS, added.table());
        assertEquals(3, added.definition().columns().size());
        assertEquals(1, diff.changes().size());
    }

    @Test
    void reportsEveryColumnAspectThatDiffers() {
        Schema expected = orders(t -> t.column("total", numeric(12, 2)).notNull().defaultValue("0").comment("sum"));
        Schema actual = orders(t -> t.column("total", numeric(10, 2)));
        SchemaChange.ColumnAltered altered = assertInstanceOf(SchemaChange.ColumnAltered.class,
                SchemaDiff.compare(expected, actual).changes().get(0));
        assertEquals(Set.of(ColumnAspect.TYPE, ColumnAspect.NULLABILITY, ColumnAspect.DEFAULT, ColumnAspect.COMMENT),
                altered.aspects());
        assertTrue(altered.describe().contains("public.orders.total"), altered.describe());
    }

    @Test
    void columnsOnOneSideOnlyAreAddedOrDropped() {
        Schema expected = orders(t -> {
            t.column("a", integer());
            t.column("b", integer());
        });
        Schema actual = orders(t -> {
            t.column("a", integer());
            t.column("c", integer());
        });
        List<SchemaChange> changes = SchemaDiff.compare(expected, actual).changes();
        assertEquals(2, changes.size());
        assertEquals("b", assertInstanceOf(SchemaChange.ColumnAdded.class, changes.get(0)).column().name());
        assertEquals("c", assertInstanceOf(SchemaChange.ColumnDropped.class, changes.get(1)).column().name());
    }

    @Test
    void identityWithExplicitDefaultOptionsEqualsPlainIdentity() {
        Schema expected = orders(t -> t.column("id", bigint()).identityAlways());
        Schema actual = orders(t -> t.column("id", bigint()).identity(new Identity(Identity.Generation.ALWAYS,
                new SequenceOptions(1L, 1L, 1L, Long.MAX_VALUE, 1L, false))));
        assertTrue(SchemaDiff.compare(expected, actual).isEmpty());
        Schema otherStart = orders(t -> t.column("id", bigint()).identity(new Identity(Identity.Generation.ALWAYS,
                new SequenceOptions(100L, null, null, null, null, false))));
        assertEquals(Set.of(ColumnAspect.IDENTITY),
                ((SchemaChange.ColumnAltered) SchemaDiff.compare(expected, otherStart).changes().get(0)).aspects());
    }

    @Test
    void constraintsAreMatchedByNameAndComparedByDefinition() {
        Schema expected = orders(t -> {
            t.column("a", integer());
            t.column("b", integer());
            t.unique("a").named("u");
            t.check("a > 0");
        });
        Schema actual = orders(t -> {
            t.column("a", integer());
            t.column("b", integer());
            t.unique("a", "b").named("u");
            t.check("a > 1");
        });
        List<SchemaChange> changes = SchemaDiff.compare(expected, actual).changes();
        assertEquals(2, changes.size());
        assertTrue(changes.stream().allMatch(SchemaChange.ConstraintAltered.class::isInstance));
    }

    @Test
    void anAlteredConstraintSaysWhichPartDiffers() {
        Schema expected = Schema.named("public").table("seat", t -> {
            t.column("a", integer());
            t.column("b", bigint());
            t.primaryKey("b", "a");
        }).build();
        Schema actual = Schema.named("public").table("seat", t -> {
            t.column("a", integer());
            t.column("b", bigint());
            t.primaryKey("a", "b");
        }).build();
        assertEquals(List.of("primary key seat_pkey on public.seat differs from the expected definition:"
                        + " columns are (a, b), expected (b, a)"),
                SchemaDiff.compare(expected, actual).changes().stream().map(SchemaChange::describe).toList());
    }

    @Test
    void indexesAndPoliciesAreCompared() {
        Schema expected = orders(t -> {
            t.column("a", integer());
            t.index("a").named("i");
            t.rowLevelSecurity();
            t.policy("p").to("app").using("a > 0");
        });
        Schema actual = orders(t -> {
            t.column("a", integer());
            t.index("a").named("i").where("a > 0");
            t.policy("p").forCommand(Policy.Command.SELECT).to("app").using("(a > 0)");
        });
        List<SchemaChange> changes = SchemaDiff.compare(expected, actual).changes();
        assertEquals(3, changes.size(), changes.toString());
        assertInstanceOf(SchemaChange.RowSecurityChanged.class, changes.get(0));
        assertInstanceOf(SchemaChange.IndexAltered.class, changes.get(1));
        assertInstanceOf(SchemaChange.PolicyAltered.class, changes.get(2));
    }

    @Test
    void schemasOnOneSideOnly() {
        Database expected = Database.of(Schema.named("audit").build());
        SchemaDiff diff = SchemaDiff.compare(expected, Database.of(orders(BASE)));
        assertInstanceOf(SchemaChange.SchemaAdded.class, diff.changes().get(0));
        assertInstanceOf(SchemaChange.SchemaDropped.class, diff.changes().get(1));
    }

    @Test
    void orderIsDeterministicWhateverTheInputOrder() {
        Schema ab = Schema.named("public").table("a", t -> t.column("x", integer())).table("b", t -> t.column("x", integer())).build();
        Schema ba = Schema.named("public").table("b", t -> t.column("x", integer())).table("a", t -> t.column("x", integer())).build();
        Schema empty = new Schema("public", List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
        assertEquals(SchemaDiff.compare(ab, empty), SchemaDiff.compare(ba, empty));
    }

    @Test
    void serialEqualsIntegerWithItsOwnSequenceDefault() {
        Schema written = orders(t -> t.column("id", serial()));
        Schema longHand = orders(t -> t.column("id", integer()).notNull().defaultValue("nextval('orders_id_seq'::regclass)"));
        assertTrue(SchemaDiff.compare(written, longHand).isEmpty());
        Schema otherSequence = orders(t -> t.column("id", integer()).notNull().defaultValue("nextval('shared_seq'::regclass)"));
        assertEquals(1, SchemaDiff.compare(written, otherSequence).changes().size());
    }

    @Test
    void aSerialsSequenceAndAListedSequenceOfTheSameNameAreOneSequence() {
        Schema serial = orders(t -> t.column("id", serial()));
        Schema standalone = Schema.named("public").sequence(Sequence.of("orders_id_seq"))
                .table("orders", t -> t.column("id", integer()).notNull().defaultValue("nextval('orders_id_seq'::regclass)"))
                .build();
        Sequence implied = new Sequence("orders_id_seq", integer(), SequenceOptions.DEFAULTS, "orders", "id", null);

        List<SchemaChange> toStandalone = SchemaDiff.compare(standalone, serial).changes();
        assertEquals(List.of(new SchemaChange.ObjectAltered("public", standalone.sequences().get(0), implied)), toStandalone,
                "the sequence changes owner and type; the column keeps drawing from it");
        List<SchemaChange> toSerial = SchemaDiff.compare(serial, standalone).changes();
        assertEquals(List.of(new SchemaChange.ObjectAltered("public", implied, standalone.sequences().get(0))), toSerial);
    }

    @Test
    void aSerialsSequenceWithOptionsOfItsOwnIsComparedAsASequence() {
        Schema serial = orders(t -> t.column("id", serial()));
        Sequence stepped = new Sequence("orders_id_seq", integer(), new SequenceOptions(null, 5L, null, null, null, false),
                "orders", "id", null);
        Schema spelledOut = Schema.named("public").sequence(stepped)
                .table("orders", t -> t.column("id", integer()).notNull().defaultValue("nextval('public.orders_id_seq'::regclass)"))
                .build();
        List<SchemaChange> changes = SchemaDiff.compare(serial, spelledOut).changes();
        assertEquals(1, changes.size(), changes.toString());
        SchemaChange.ObjectAltered altered = assertInstanceOf(SchemaChange.ObjectAltered.class, changes.get(0));
        assertEquals(SequenceOptions.DEFAULTS, ((Sequence) altered.expected()).options());
        assertEquals(stepped, altered.actual());
    }

    @Test
    void aColumnDrawingFromAListedSequenceIsNotASerial() {
        Schema plain = orders(t -> t.column("id", integer()).notNull());
        Schema drawing = Schema.named("public").sequence(Sequence.of("orders_id_seq"))
                .table("orders", t -> t.column("id", integer()).notNull().defaultValue("nextval('orders_id_seq'::regclass)"))
                .build();
        List<SchemaChange> changes = SchemaDiff.compare(plain, drawing).changes();
        assertEquals(2, changes.size(), changes.toString());
        assertEquals(Set.of(ColumnAspect.DEFAULT), assertInstanceOf(SchemaChange.ColumnAltered.class, changes.get(1)).aspects());
        assertInstanceOf(SchemaChange.ObjectDropped.class, changes.get(0));
    }

    @Test
    void persistenceIsCompared() {
        Schema logged = orders(BASE);
        Schema unlogged = orders(t -> {
            BASE.accept(t);
            t.unlogged();
        });
        assertEquals(List.of(new SchemaChange.PersistenceChanged(ORDERS, true, false)),
                SchemaDiff.compare(unlogged, logged).changes());
        assertEquals("public.orders is unlogged, expected logged", SchemaDiff.compare(logged, unlogged).changes().get(0).describe());
    }

    @Test
    void objectsBesideTablesAreAddedDroppedOrAltered() {
        Schema expected = Schema.named("app").enumType("mood", "sad", "ok", "happy").view("v", "SELECT 1").build();
        Schema actual = Schema.named("app").enumType("mood", "sad", "happy")
                .sequence(dev.schemaguard.model.Sequence.of("counter")).build();
        List<SchemaChange> changes = SchemaDiff.compare(expected, actual).changes();
        assertEquals(3, changes.size(), changes.toString());
        assertInstanceOf(SchemaChange.ObjectDropped.class, changes.get(0));
        assertInstanceOf(SchemaChange.ObjectAltered.class, changes.get(1));
        assertInstanceOf(SchemaChange.ObjectAdded.class, changes.get(2));
        assertEquals("missing view app.v", changes.get(2).describe());
    }

    @Test
    void triggersAndPartitioningAreCompared() {
        Schema expected = Schema.named("public").table("events", t -> {
            t.column("at", timestamptz());
            t.partitionBy(dev.schemaguard.model.Partitioning.Strategy.RANGE, "at");
            t.trigger("audit", "CREATE TRIGGER audit AFTER INSERT ON public.events FOR EACH ROW EXECUTE FUNCTION log()");
        }).build();
        Schema actual = Schema.named("public").table("events", t -> t.column("at", timestamptz())).build();
        List<SchemaChange> changes = SchemaDiff.compare(expected, actual).changes();
        assertEquals(2, changes.size(), changes.toString());
        assertInstanceOf(SchemaChange.TriggerAdded.class, changes.get(0));
        assertInstanceOf(SchemaChange.PartitioningChanged.class, changes.get(1));
    }

    @Test
    void collationsAreAddedDroppedOrAlteredAndIcuLocalesMatchAsLanguageTags() {
        Schema expected = Schema.named("public")
                .collation(Collation.icu("numeric", "en-u-kn-true"))
                .collation(Collation.icu("german", "de-DE"))
                .collation(Collation.icu("loose", "und-u-ks-level2").nondeterministic())
                .build();
        Schema actual = Schema.named("public")
                .collation(Collation.libc("posix", "POSIX"))
                .collation(Collation.icu("german", "de_de"))
                .collation(Collation.icu("loose", "und-u-ks-level2"))
                .build();
        List<SchemaChange> changes = SchemaDiff.compare(expected, actual).changes();
        assertEquals(List.of("collation public.loose differs from the expected definition", "missing collation public.numeric",
                "unexpected collation public.posix"), changes.stream().map(SchemaChange::describe).toList());
    }

    @Test
    void triggersOfAViewAreComparedApartFromItsQuery() {
        View plain = new View("v", false, "SELECT 1 AS one", List.of(), null, List.of(), List.of(), List.of());
        String instead = "CREATE TRIGGER v_insert INSTEAD OF INSERT ON public.v FOR EACH ROW EXECUTE FUNCTION ins()";
        Schema expected = Schema.named("public").view(plain.withTrigger("v_insert", instead)).build();
        Schema actual = Schema.named("public").view(plain.withTrigger("v_old", instead.replace("v_insert", "v_old"))).build();
        List<SchemaChange> changes = SchemaDiff.compare(expected, actual).changes();
        assertEquals(List.of("missing trigger v_insert on public.v", "unexpected trigger v_old on public.v"),
                changes.stream().map(SchemaChange::describe).toList(), "the view itself is unchanged");
        Schema otherQuery = Schema.named("public").view(new View("v", false, "SELECT 2 AS one", List.of(), null, List.of(), List.of(), List.of())
                .withTrigger("v_insert", instead)).build();
        assertEquals(List.of("view public.v differs from the expected definition"),
                SchemaDiff.compare(expected, otherQuery).changes().stream().map(SchemaChange::describe).toList());
    }

    @Test
    void aChildsInheritedColumnsAreNeverAddedOrDroppedOnTheChild() {
        Schema actual = Schema.named("public")
                .table("base", t -> {
                    t.column("a", integer());
                    t.column("e", integer());
                })
                .table("child", t -> {
                    t.column("a1", integer());
                    t.column("a2", integer());
                    t.index("e");
                    t.inherits("base");
                }).build();
        Schema expected = Schema.named("public")
                .table("base", t -> t.column("a", integer()))
                .table("child", t -> {
                    t.column("a1", integer());
                    t.column("e", integer());
                    t.inherits("base");
                }).build();
        List<String> changes = SchemaDiff.compare(expected, actual).changes().stream().map(SchemaChange::describe).toList();
        assertEquals(List.of("unexpected column public.base.e integer", "missing column public.child.e integer",
                        "unexpected column public.child.a2 integer", "unexpected index child_e_idx on public.child"),
                changes, "e goes with the parent's drop and is added again as the child's own; a, inherited, is left alone");
    }

    @Test
    void detachingKeepsTheColumnsAndAttachingNeedsThemFirst() {
        Schema partitioned = Schema.named("public").table("m", t -> {
            t.column("day", date()).notNull();
            t.column("temp", integer());
            t.partitionBy(dev.schemaguard.model.Partitioning.Strategy.RANGE, "day");
        }).build();
        Schema withPartition = new Schema("public", List.of(partitioned.tables().get(0),
                Table.named("m_feb", t -> t.partitionOf("m", "DEFAULT"))), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
        Schema withPlainTable = new Schema("public", List.of(partitioned.tables().get(0),
                Table.named("m_feb", t -> t.column("day", date()).notNull())), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);

        List<SchemaChange> detach = SchemaDiff.compare(Database.of(withPlainTable), Database.of(withPartition)).changes();
        assertEquals(List.of("unexpected column public.m_feb.temp integer",
                        "public.m_feb is a partition of public.m DEFAULT, expected not a partition"),
                detach.stream().map(SchemaChange::describe).toList(), "day stays as it is; temp is dropped after DETACH");

        List<SchemaChange> attach = SchemaDiff.compare(Database.of(withPartition), Database.of(withPlainTable)).changes();
        assertInstanceOf(SchemaChange.ColumnAdded.class, attach.get(0));
        assertEquals("temp", ((SchemaChange.ColumnAdded) attach.get(0)).column().name(), "ATTACH needs every column of the parent");
        assertInstanceOf(SchemaChange.PartitionBoundChanged.class, attach.get(1));
        assertEquals(2, attach.size(), attach.toString());
    }

    @Test
    void aPartitionOfATableOutsideTheModelListsItsColumnsAsItsOwn() {
        Schema partition = Schema.named("app").table("m_feb", t -> {
            t.column("day", date()).notNull();
            t.partitionOf(new dev.schemaguard.model.PartitionBound(QualifiedName.of("other", "m"), "DEFAULT"));
        }).build();
        assertTrue(SchemaDiff.compare(Database.of(partition), Database.of(partition)).isEmpty());
    }

    @Test
    void aChildComparesOnlyWhatItChangesAboutAnInheritedColumn() {
        Table base = Table.named("base", t -> t.column("a", integer()).defaultValue("1").comment("the parent's"));
        Table inheriting = Table.named("child", t -> t.inherits("base"));
        Table ownDefault = Table.named("child", t -> {
            t.column("a", integer()).defaultValue("5");
            t.inherits("base");
        });
        assertTrue(SchemaDiff.compare(Database.of(new Schema("public", List.of(base, inheriting), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null)),
                Database.of(new Schema("public", List.of(base, inheriting), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null))).isEmpty());
        List<SchemaChange> changes = SchemaDiff.compare(Database.of(new Schema("public", List.of(base, ownDefault), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null)),
                Database.of(new Schema("public", List.of(base, inheriting), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null))).changes();
        assertEquals(1, changes.size(), changes.toString());
        SchemaChange.ColumnAltered altered = assertInstanceOf(SchemaChange.ColumnAltered.class, changes.get(0));
        assertEquals(Set.of(ColumnAspect.DEFAULT), altered.aspects(),
                "the child's own default; the parent's comment is not inherited");

        List<SchemaChange> parents = SchemaDiff.compare(
                Database.of(new Schema("public", List.of(base, Table.named("other", t -> t.column("b", text())),
                        Table.named("child", t -> {
                            t.inherits("other");
                            t.inherits("base");
                        })), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null)),
                Database.of(new Schema("public", List.of(base, Table.named("other", t -> t.column("b", text())),
                        inheriting), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null))).changes();
        assertEquals(List.of("missing column public.child.b text",
                        "public.child inherits from public.base, expected public.other, public.base"),
                parents.stream().map(SchemaChange::describe).toList());
    }

    @Test
    void theCommentInitdbPutsOnPublicIsNotDrift() {
        Schema declared = Schema.named("public").build();
        Schema found = Schema.named("public").comment("standard public schema").build();
        assertTrue(SchemaDiff.compare(declared, found).isEmpty());
        Schema commented = Schema.named("public").comment("ours").build();
        assertEquals(1, SchemaDiff.compare(commented, found).changes().size());
    }

    @Test
    void overloadedRoutinesAreComparedOneByOne() {
        dev.schemaguard.model.Routine ints = new dev.schemaguard.model.Routine("add", "a integer, b integer", null,
                "CREATE OR REPLACE FUNCTION app.add(a integer, b integer) RETURNS integer LANGUAGE sql AS $$ select a + b $$", null);
        dev.schemaguard.model.Routine texts = new dev.schemaguard.model.Routine("add", "a text, b text", null,
                "CREATE OR REPLACE FUNCTION app.add(a text, b text) RETURNS text LANGUAGE sql AS $$ select a || b $$", null);
        Schema both = Schema.named("app").routine(ints).routine(texts).build();
        Schema one = Schema.named("app").routine(ints).build();
        List<SchemaChange> changes = SchemaDiff.compare(both, one).changes();
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("app.add(a text, b text)", changes.get(0).subject());
    }

    @Test
    void textSearchObjectsAreAddedDroppedAndAlteredDictionariesFirst() {
        dev.schemaguard.model.QualifiedName stem = dev.schemaguard.model.QualifiedName.of("public", "stem");
        Schema before = Schema.named("public")
                .textSearchDictionary(dev.schemaguard.model.TextSearchDictionary.of("stem", "snowball",
                        dev.schemaguard.model.TextSearchDictionary.option("language", "english")))
                .textSearchDictionary(dev.schemaguard.model.TextSearchDictionary.of("old", "simple"))
                .textSearchConfiguration(dev.schemaguard.model.TextSearchConfiguration.onDefaultParser("cfg", List.of(
                        new dev.schemaguard.model.TextSearchConfiguration.Mapping("word", List.of(stem)))))
                .build();
        Schema after = Schema.named("public")
                .textSearchDictionary(dev.schemaguard.model.TextSearchDictionary.of("stem", "snowball",
                        dev.schemaguard.model.TextSearchDictionary.option("language", "dutch")))
                .textSearchConfiguration(dev.schemaguard.model.TextSearchConfiguration.onDefaultParser("cfg", List.of(
                        new dev.schemaguard.model.TextSearchConfiguration.Mapping("word", List.of(stem)),
                        new dev.schemaguard.model.TextSearchConfiguration.Mapping("email", List.of(stem)))))
                .textSearchConfiguration(dev.schemaguard.model.TextSearchConfiguration.onDefaultParser("fresh", List.of()))
                .build();
        assertEquals(List.of(
                        "unexpected text search dictionary public.old",
                        "text search dictionary public.stem differs: options (language = 'english') (expected (language = 'dutch'))",
                        "text search configuration public.cfg differs: mapping for email none (expected [public.stem])",
                        "missing text search configuration public.fresh"),
                SchemaDiff.compare(Database.of(after), Database.of(before)).changes().stream().map(SchemaChange::describe).toList());
        assertTrue(SchemaDiff.compare(Database.of(after), Database.of(after)).isEmpty());
    }
}
