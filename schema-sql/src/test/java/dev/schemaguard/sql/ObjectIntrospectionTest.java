package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Partitioning;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RangeType;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.TextSearchDictionary;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.SchemaBuilder;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.View;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import static dev.schemaguard.model.DataTypes.bigint;
import static dev.schemaguard.model.DataTypes.date;
import static dev.schemaguard.model.DataTypes.integer;
import static dev.schemaguard.model.DataTypes.numeric;
import static dev.schemaguard.model.DataTypes.serial;
import static dev.schemaguard.model.DataTypes.text;
import static dev.schemaguard.model.DataTypes.type;
import static dev.schemaguard.model.DataType.userDefined;
import static dev.schemaguard.testkit.ThrowawayDatabase.TEST_ROLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every kind of schema object beside tables, and partitioned tables, created with SQL and introspected: the
 * model equals the same schema written in the DSL, and what the model cannot describe is reported by name.
 */
class ObjectIntrospectionTest {

    private static final String ODD = "Odd Schema";

    static Stream<Named<PostgresServer>> servers() {
        return TestPostgres.all().stream().map(server -> Named.of(server.label(), server));
    }

    private static final String SCRIPT = """
            create schema app;
            create schema "Odd Schema";
            create collation app.natural_sort (provider = icu, locale = 'en-u-kn-true');
            create collation app.loose (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
            comment on collation app.loose is 'ignores case';
            create collation app.posix from "POSIX";
            create collation app.mixed (lc_collate = 'C', lc_ctype = 'POSIX');
            create collation "Odd Schema"."Odd Coll" (provider = icu, locale = 'de-DE');
            create type app.mood as enum ('happy', 'sad', 'it''s complicated');
            comment on type app.mood is 'how it feels';
            create type "Odd Schema"."Status" as enum ('new', 'Done');
            create domain app.positive as integer not null default 1
                constraint positive_check check (value > 0) constraint "Not Huge" check (value < 1000000);
            comment on domain app.positive is 'a positive number';
            create domain app.code as text collate "C";
            create domain app.scores as integer[];
            create type app.address as (street text, "Zip Code" varchar(10), tags text[], mood app.mood, label text collate "C");
            comment on type app.address is 'postal';
            create sequence app.invoice_numbers as integer start 1000 increment 5 cache 10 cycle;
            comment on sequence app.invoice_numbers is 'numbers';
            create sequence "Odd Schema"."Seq Name";

            create table app.customers (
                id serial primary key,
                ident int generated always as identity,
                ticket int,
                moods app.mood[],
                home app.address,
                addresses app.address[],
                amount app.positive,
                amounts app.positive[],
                status "Odd Schema"."Status"[],
                code app.code,
                label text collate app.natural_sort
            );
            create sequence app.tickets as integer owned by app.customers.ticket;
            alter table app.customers alter ticket set default nextval('app.tickets');

            create function app.add(a integer, b integer) returns integer language sql immutable as $$ select a + b $$;
            create function app.add(a text, b text) returns text language sql immutable as $$ select a || b $$;
            comment on function app.add(integer, integer) is 'adds';
            create procedure "Odd Schema"."Do It"(n integer) language plpgsql as $$ begin raise notice '%', n; end $$;
            create function app.touch() returns trigger language plpgsql as $$ begin new.ticket := 1; return new; end $$;

            create trigger "Touch It" before insert on app.customers for each row execute function app.touch();
            comment on trigger "Touch It" on app.customers is 'sets ticket';
            create trigger disabled_one after update on app.customers for each statement execute function app.touch();
            alter table app.customers disable trigger disabled_one;

            create table app.bookings (room int, during tsrange, exclude using gist (during with &&) where (room > 0));

            create table app.measurements (
                id bigint not null,
                logged date not null,
                region text,
                value numeric default 0,
                primary key (id, logged),
                constraint measurements_value_check check (value >= 0)
            ) partition by range (logged);
            create index measurements_region_idx on app.measurements (region);
            create trigger measured after insert on app.measurements for each row execute function app.touch();
            create table app.measurements_2024 partition of app.measurements for values from ('2024-01-01') to ('2025-01-01');
            create table app.measurements_other partition of app.measurements default;
            comment on table app.measurements_2024 is 'one year';
            create index measurements_2024_value_idx on app.measurements_2024 (value);
            alter table app.measurements_2024 alter column region set not null;
            create table app.measurements_2023 (
                id bigint not null,
                logged date not null,
                region text,
                value numeric default 0,
                constraint measurements_value_check check (value >= 0)
            );
            alter table app.measurements attach partition app.measurements_2023 for values from ('2023-01-01') to ('2024-01-01');

            create table app.by_region (region text not null, id int) partition by list (lower(region));
            create table app.by_region_eu partition of app.by_region for values in ('de', 'fr');
            create table app.by_region_rest partition of app.by_region default;

            create table "Odd Schema"."Hashed" ("Key" int not null) partition by hash ("Key");
            create table "Odd Schema"."Hashed 0" partition of "Odd Schema"."Hashed" for values with (modulus 2, remainder 0);
            create table "Odd Schema"."Hashed 1" partition of "Odd Schema"."Hashed" for values with (modulus 2, remainder 1);

            create table app.readings (
                id bigint,
                logged date,
                constraint readings_measurement_fkey foreign key (id, logged) references app.measurements (id, logged)
            );

            create view app.customer_moods as
                select c.id, c.moods, m.region from app.customers c join app.measurements m on m.id = c.id where c.id > 0;
            comment on view app.customer_moods is 'moods';
            create trigger instead_insert instead of insert on app.customer_moods
                for each row execute function app.touch();
            comment on trigger instead_insert on app.customer_moods is 'writes through';
            create materialized view "Odd Schema"."Big Spenders" as
                select c.id, r.logged from app.customers c join app.readings r on r.id = c.id;
            create unique index "Big Spenders_id_idx" on "Odd Schema"."Big Spenders" (id);
            comment on materialized view "Odd Schema"."Big Spenders" is 'for reports';
            """;

    private static final String ADD_INTEGERS = """
            CREATE OR REPLACE FUNCTION app.add(a integer, b integer)
             RETURNS integer
             LANGUAGE sql
             IMMUTABLE
            AS $function$ select a + b $function$
            """;

    private static final String ADD_TEXTS = """
            CREATE OR REPLACE FUNCTION app.add(a text, b text)
             RETURNS text
             LANGUAGE sql
             IMMUTABLE
            AS $function$ select a || b $function$
            """;

    private static final String TOUCH = """
            CREATE OR REPLACE FUNCTION app.touch()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$ begin new.ticket := 1; return new; end $function$
            """;

    /** PostgreSQL 14 started to print the IN of procedure arguments. */
    private static String doIt(int majorVersion) {
        String argument = majorVersion >= 14 ? "IN n integer" : "n integer";
        return """
                CREATE OR REPLACE PROCEDURE "Odd Schema"."Do It"(%s)
                 LANGUAGE plpgsql
                AS $procedure$ begin raise notice '%%', n; end $procedure$
                """.formatted(argument);
    }

    /** The schema of {@link #SCRIPT}, written in the DSL. */
    private static Database expected(int majorVersion) {
        Table customers = Table.named("customers", t -> {
            t.column("id", serial()).primaryKey();
            t.column("ident", integer()).identityAlways();
            t.column("ticket", integer()).defaultValue("nextval('app.tickets'::regclass)");
            t.column("moods", userDefined("app", "mood").asArray());
            t.column("home", userDefined("app", "address"));
            t.column("addresses", userDefined("app", "address").asArray());
            t.column("amount", userDefined("app", "positive"));
            t.column("amounts", userDefined("app", "positive").asArray());
            t.column("status", userDefined(ODD, "Status").asArray());
            t.column("code", userDefined("app", "code"));
            t.column("label", text()).collate("app.natural_sort");
        }).withTriggers(List.of(
                new Trigger("Touch It", "CREATE TRIGGER \"Touch It\" BEFORE INSERT ON app.customers FOR EACH ROW"
                        + " EXECUTE FUNCTION app.touch()", Trigger.Firing.ORIGIN, "sets ticket"),
                new Trigger("disabled_one", "CREATE TRIGGER disabled_one AFTER UPDATE ON app.customers FOR EACH STATEMENT"
                        + " EXECUTE FUNCTION app.touch()", Trigger.Firing.DISABLED, null)));
        SchemaBuilder app = Schema.named("app")
                .collation(Collation.icu("natural_sort", "en-u-kn-true"))
                .collation(Collation.icu("loose", "und-u-ks-level2").nondeterministic().withComment("ignores case"))
                .collation(Collation.libc("posix", "POSIX"))
                .collation(new Collation("mixed", Collation.Provider.LIBC, null, "C", "POSIX", true, null))
                .sequence(new Sequence("invoice_numbers", integer(), new SequenceOptions(1000L, 5L, null, null, 10L, true),
                        null, null, "numbers"))
                .sequence(new Sequence("tickets", integer(), null, "customers", "ticket", null))
                .domain(new Domain("positive", integer(), true, "1", null, List.of(
                        new CheckConstraint("positive_check", "VALUE > 0", false, false, null),
                        new CheckConstraint("Not Huge", "VALUE < 1000000", false, false, null)), "a positive number", java.util.Map.of(), null))
                .domain(new Domain("code", text(), false, null, "\"C\"", List.of(), null, java.util.Map.of(), null))
                .domain(new Domain("scores", type("integer[]"), false, null, null, List.of(), null, java.util.Map.of(), null))
                .compositeType(new CompositeType("address", List.of(
                        new CompositeType.Attribute("street", text(), null),
                        new CompositeType.Attribute("Zip Code", type("varchar(10)"), null),
                        new CompositeType.Attribute("tags", type("text[]"), null),
                        new CompositeType.Attribute("mood", userDefined("app", "mood"), null),
                        new CompositeType.Attribute("label", text(), "\"C\"")), "postal", null))
                .view(new View("customer_moods", false, "SELECT c.id, c.moods, m.region FROM app.customers c"
                        + " JOIN app.measurements m ON m.id = c.id WHERE c.id > 0", List.of(), "moods",
                        List.of(new Trigger("instead_insert", "CREATE TRIGGER instead_insert INSTEAD OF INSERT ON"
                                + " app.customer_moods FOR EACH ROW EXECUTE FUNCTION app.touch()", Trigger.Firing.ORIGIN, "writes through")), List.of(), List.of()))
                .routine(new Routine("add", "a integer, b integer", Routine.Kind.FUNCTION, ADD_INTEGERS, "adds"))
                .routine(new Routine("add", "a text, b text", Routine.Kind.FUNCTION, ADD_TEXTS, null))
                .routine(new Routine("touch", "", Routine.Kind.FUNCTION, TOUCH, null))
                .table(customers)
                .table("bookings", t -> {
                    t.column("room", integer());
                    t.column("during", type("tsrange"));
                    t.exclude("bookings_during_excl", "EXCLUDE USING gist (during WITH &&) WHERE ((room > 0))");
                })
                .table("measurements", t -> {
                    t.column("id", bigint()).notNull();
                    t.column("logged", date()).notNull();
                    t.column("region", text());
                    t.column("value", numeric()).defaultValue("0");
                    t.primaryKey("id", "logged");
                    t.check("value >= (0)::numeric").named("measurements_value_check");
                    t.index("region").named("measurements_region_idx");
                    t.trigger("measured", "CREATE TRIGGER measured AFTER INSERT ON app.measurements FOR EACH ROW"
                            + " EXECUTE FUNCTION app.touch()");
                    t.partitionBy(Partitioning.Strategy.RANGE, "logged");
                })
                .table("measurements_2024", t -> {
                    t.column("region", text()).notNull();
                    t.index("value").named("measurements_2024_value_idx");
                    t.partitionOf("measurements", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
                    t.comment("one year");
                })
                .table("measurements_2023", t -> t.partitionOf("measurements",
                        "FOR VALUES FROM ('2023-01-01') TO ('2024-01-01')"))
                .table("measurements_other", t -> t.partitionOf("measurements", "DEFAULT"))
                .table("by_region", t -> {
                    t.column("region", text()).notNull();
                    t.column("id", integer());
                    t.partitionBy(Partitioning.Strategy.LIST, "lower(region)");
                })
                .table("by_region_eu", t -> t.partitionOf("by_region", "FOR VALUES IN ('de', 'fr')"))
                .table("by_region_rest", t -> t.partitionOf("by_region", "DEFAULT"))
                .table("readings", t -> {
                    t.column("id", bigint());
                    t.column("logged", date());
                    t.foreignKey("id", "logged").references("measurements", "id", "logged").named("readings_measurement_fkey");
                });
        SchemaBuilder odd = Schema.named(ODD)
                .collation(Collation.icu("Odd Coll", "de-DE"))
                .sequence(Sequence.of("Seq Name"))
                .enumType("Status", "new", "Done")
                .view(new View("Big Spenders", true, "SELECT c.id, r.logged FROM app.customers c"
                        + " JOIN app.readings r ON r.id = c.id",
                        List.of(new Index("Big Spenders_id_idx", true, "btree", List.of(IndexKey.column("id")), List.of(),
                                null, false, List.of(), null, null, true)), "for reports", List.of(), List.of(), List.of()))
                .routine(new Routine("Do It", majorVersion >= 14 ? "IN n integer" : "n integer", Routine.Kind.PROCEDURE,
                        doIt(majorVersion), null))
                .table("Hashed", t -> {
                    t.column("Key", integer()).notNull();
                    t.partitionBy(Partitioning.Strategy.HASH, "\"Key\"");
                })
                .table("Hashed 0", t -> t.partitionOf("Hashed", "FOR VALUES WITH (modulus 2, remainder 0)"))
                .table("Hashed 1", t -> t.partitionOf("Hashed", "FOR VALUES WITH (modulus 2, remainder 1)"));
        return Database.of(withEnums(app.build(), new EnumType("mood", List.of("happy", "sad", "it's complicated"),
                "how it feels", null)), odd.build());
    }

    /** The DSL's enumType() takes no comment; this puts commented enums into a built schema. */
    private static Schema withEnums(Schema schema, EnumType... enums) {
        return new Schema(schema.name(), schema.tables(), schema.comment(), schema.sequences(), List.of(enums),
                schema.domains(), schema.compositeTypes(), List.of(), schema.views(), schema.routines(), schema.collations(), List.of(),
                List.of(), schema.textSearchDictionaries(), schema.textSearchConfigurations(), null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void everyObjectKindEqualsTheSameSchemaWrittenInTheDsl(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(SCRIPT);
            IntrospectionResult result = introspect(db, IntrospectionOptions.only("app", ODD));
            Database actual = result.database();
            Database expected = expected(server.majorVersion());

            SchemaDiff diff = SchemaDiff.compare(expected, actual);
            assertTrue(diff.isEmpty(), () -> "differences on " + server.label() + ":\n"
                    + String.join("\n", diff.changes().stream().map(Object::toString).toList()));
            assertEquals(List.of(), result.unsupported(), "everything in the script is in the model");
            assertEquals(List.of(), actual.extensions(), "plpgsql is left out");

            Schema app = actual.schema("app").orElseThrow();
            assertEquals(List.of("invoice_numbers", "tickets"), app.sequences().stream().map(Sequence::name).toList(),
                    "no customers_id_seq (serial) and no identity sequence");
            assertEquals(new Sequence("tickets", integer(), SequenceOptions.DEFAULTS, "customers", "ticket", null),
                    app.sequences().get(1), "a sequence owned by a nullable column is not a serial");
            assertEquals(new EnumType("mood", List.of("happy", "sad", "it's complicated"), "how it feels", null), app.enums().get(0));
            assertEquals(List.of("a integer, b integer", "a text, b text", ""),
                    app.routines().stream().map(Routine::arguments).toList(), "both overloads of add, then touch");
            assertEquals(ADD_INTEGERS, app.routines().get(0).definition());
            assertEquals("adds", app.routines().get(0).comment());
            Domain positive = app.domains().stream().filter(d -> d.name().equals("positive")).findFirst().orElseThrow();
            assertEquals(List.of("Not Huge", "positive_check"), positive.checks().stream().map(CheckConstraint::name).toList());
            assertTrue(positive.notNull());
            assertEquals(new DataType(null, "integer", List.of(), 1),
                    app.domains().stream().filter(d -> d.name().equals("scores")).findFirst().orElseThrow().baseType());
            CompositeType address = app.compositeTypes().get(0);
            assertEquals(new CompositeType.Attribute("Zip Code", new DataType(null, "character varying", List.of("10"), 0), null),
                    address.attributes().get(1));
            assertEquals("\"C\"", address.attributes().get(4).collation());

            Table customers = table(actual, "app", "customers");
            assertEquals(new DataType("app", "address", List.of(), 1), column(customers, "addresses").type());
            assertEquals(new DataType("app", "positive", List.of(), 1), column(customers, "amounts").type());
            assertEquals(new DataType(ODD, "Status", List.of(), 1), column(customers, "status").type());
            assertEquals(Identity.always(), column(customers, "ident").identity());
            assertEquals(List.of(new Trigger("Touch It", "CREATE TRIGGER \"Touch It\" BEFORE INSERT ON app.customers"
                            + " FOR EACH ROW EXECUTE FUNCTION app.touch()", Trigger.Firing.ORIGIN, "sets ticket"),
                    new Trigger("disabled_one", "CREATE TRIGGER disabled_one AFTER UPDATE ON app.customers"
                            + " FOR EACH STATEMENT EXECUTE FUNCTION app.touch()", Trigger.Firing.DISABLED, null)), customers.triggers());

            assertEquals(List.of(Collation.icu("loose", "und-u-ks-level2").nondeterministic().withComment("ignores case"),
                            new Collation("mixed", Collation.Provider.LIBC, null, "C", "POSIX", true, null),
                            Collation.icu("natural_sort", "en-u-kn-true"), Collation.libc("posix", "POSIX")),
                    app.collations(), "every provider's locale read from the catalog columns of " + server.label());
            assertEquals("app.natural_sort", column(customers, "label").collation());

            View moods = app.views().get(0);
            assertEquals(List.of("instead_insert"), moods.triggers().stream().map(Trigger::name).toList(),
                    "the INSTEAD OF trigger belongs to its view");
            assertFalse(moods.definition().endsWith(";"), moods.definition());
            assertTrue(moods.definition().startsWith("SELECT c.id,"), moods.definition());
            View spenders = actual.schema(ODD).orElseThrow().views().get(0);
            assertTrue(spenders.materialized());
            assertEquals(List.of("Big Spenders_id_idx"), spenders.indexes().stream().map(Index::name).toList());
            assertEquals(List.of("Do It"), actual.schema(ODD).orElseThrow().routines().stream().map(Routine::name).toList());
            assertEquals(Routine.Kind.PROCEDURE, actual.schema(ODD).orElseThrow().routines().get(0).routineKind());

            assertEquals("EXCLUDE USING gist (during WITH &&) WHERE ((room > 0))",
                    table(actual, "app", "bookings").exclusionConstraints().get(0).definition());
            assertTrue(table(actual, "app", "bookings").indexes().isEmpty(), "the exclusion constraint's index is not an index");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void partitionsCarryOnlyTheirOwnObjects(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(SCRIPT);
            Database actual = introspect(db, IntrospectionOptions.only("app", ODD)).database();

            Table parent = table(actual, "app", "measurements");
            assertEquals(new Partitioning(Partitioning.Strategy.RANGE, "logged"), parent.partitioning());
            assertNull(parent.partitionOf());
            assertEquals(List.of("id", "logged", "region", "value"), parent.columns().stream().map(Column::name).toList());
            assertEquals("measurements_pkey", parent.primaryKey().name());
            assertEquals(List.of("measurements_region_idx"), parent.indexes().stream().map(Index::name).toList(),
                    "the index on the partitioned table, not its primary key's");
            assertEquals(List.of("measured"), parent.triggers().stream().map(Trigger::name).toList());

            Table created = table(actual, "app", "measurements_2024");
            assertEquals(new PartitionBound(QualifiedName.of("app", "measurements"),
                    "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"), created.partitionOf());
            assertEquals(List.of(Column.of("region", text()).withNullable(false)), created.columns(),
                    "only the column the partition changed (its own NOT NULL), not the one its own index names");
            assertNull(created.primaryKey(), "the primary key is the parent's");
            assertTrue(created.checkConstraints().isEmpty() && created.triggers().isEmpty());
            assertEquals(List.of("measurements_2024_value_idx"), created.indexes().stream().map(Index::name).toList(),
                    "the partition's own index, not its piece of measurements_region_idx");
            assertEquals("one year", created.comment());

            Table attached = table(actual, "app", "measurements_2023");
            assertTrue(attached.columns().isEmpty() && attached.constraints().isEmpty() && attached.indexes().isEmpty()
                            && attached.triggers().isEmpty(),
                    "an attached partition inherits the same way (ATTACH PARTITION makes its columns inherited): " + attached);
            assertEquals("DEFAULT", table(actual, "app", "measurements_other").partitionOf().bound());

            assertEquals(new Partitioning(Partitioning.Strategy.LIST, "lower(region)"),
                    table(actual, "app", "by_region").partitioning());
            assertEquals("FOR VALUES IN ('de', 'fr')", table(actual, "app", "by_region_eu").partitionOf().bound());
            assertEquals(new Partitioning(Partitioning.Strategy.HASH, "\"Key\""), table(actual, ODD, "Hashed").partitioning());
            assertEquals(new PartitionBound(QualifiedName.of(ODD, "Hashed"), "FOR VALUES WITH (modulus 2, remainder 1)"),
                    table(actual, ODD, "Hashed 1").partitionOf());

            assertEquals(List.of("readings_measurement_fkey"),
                    table(actual, "app", "readings").constraints().stream().map(c -> c.name()).toList(),
                    "one foreign key, not one more per partition of the referenced table");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void inheritingTablesListTheirParentsInOrderAndOnlyWhatTheyDeclare(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute("""
                    create schema app;
                    create schema other;
                    create table other.stamped (stamped_at timestamptz default now());
                    create table app.base (id bigserial, kind text not null, note text,
                        constraint base_kind_check check (kind <> ''));
                    comment on column app.base.note is 'free text';
                    create table app.child (
                        kind text not null,
                        extra int,
                        constraint "kind must be A" check (kind = 'A'),
                        unique (id, kind)
                    ) inherits (app.base, other.stamped);
                    create index child_note_idx on app.child (note);
                    create table app.grandchild () inherits (app.child);
                    create table app.loner (id bigint not null, kind text not null, note text,
                        constraint base_kind_check check (kind <> ''));
                    alter table app.loner inherit app.base;
                    """);
            IntrospectionResult result = introspect(db, IntrospectionOptions.only("app"));
            assertEquals(List.of(), result.unsupported(), "inheritance is in the model");
            Database actual = result.database();

            Table base = table(actual, "app", "base");
            assertTrue(base.inherits().isEmpty());
            Table child = table(actual, "app", "child");
            assertEquals(List.of(QualifiedName.of("app", "base"), QualifiedName.of("other", "stamped")), child.inherits(),
                    "the parents in INHERITS order, one outside the included schemas");
            assertEquals(List.of(Column.of("kind", text()).withNullable(false), Column.of("extra", integer())),
                    child.columns(), "the columns it declares, kind too (merged with the parent's); not id, note, stamped_at");
            assertEquals(List.of("child_id_kind_key", "kind must be A"),
                    child.constraints().stream().map(c -> c.name()).toList(), "its own constraints, not base_kind_check");
            assertEquals(List.of("child_note_idx"), child.indexes().stream().map(Index::name).toList(),
                    "an index on a column it inherits");
            Table grandchild = table(actual, "app", "grandchild");
            assertEquals(List.of(QualifiedName.of("app", "child")), grandchild.inherits());
            assertTrue(grandchild.columns().isEmpty() && grandchild.constraints().isEmpty(), grandchild.toString());
            Table loner = table(actual, "app", "loner");
            assertEquals(List.of(QualifiedName.of("app", "base")), loner.inherits());
            assertEquals(List.of("id", "kind", "note"), loner.columns().stream().map(Column::name).toList(),
                    "ALTER TABLE ... INHERIT keeps its columns its own");
            assertTrue(loner.checkConstraints().isEmpty(), "the check INHERIT merged belongs to the parent: " + loner);

        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void inheritingTablesCreatedFromTheModelIntrospectTheSame(PostgresServer server) throws SQLException {
        String parents = """
                create schema other;
                create table other.stamped (stamped_at timestamptz default now());
                """;
        try (ThrowawayDatabase original = ThrowawayDatabase.create(server);
             ThrowawayDatabase copy = ThrowawayDatabase.create(server)) {
            original.execute(parents + """
                    create schema app;
                    create table app.base (id bigserial, kind text not null, constraint base_kind_check check (kind <> ''));
                    create table app.child (kind text not null, extra int, unique (id, kind)) inherits (app.base, other.stamped);
                    create index child_stamped_idx on app.child (stamped_at);
                    create table app.grandchild () inherits (app.child);
                    create table app.loner (id bigint not null, kind text not null, constraint base_kind_check check (kind <> ''));
                    alter table app.loner inherit app.base;
                    """);
            Database model = introspect(original, IntrospectionOptions.only("app")).database();
            copy.execute(parents);
            try (Connection connection = copy.connect()) {
                PlanExecutor.apply(connection, MigrationPlanner.baseline(model));
            }
            Database recreated = introspect(copy, IntrospectionOptions.only("app")).database();
            SchemaDiff diff = SchemaDiff.compare(model, recreated);
            assertTrue(diff.isEmpty(), "CREATE TABLE ... INHERITS recreates the tables: " + diff.changes());
            assertEquals(model.withDependencies(List.of()), recreated.withDependencies(List.of()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void columnStorageAndCompressionAreReadAndRecreated(PostgresServer server) throws SQLException {
        boolean compression = server.majorVersion() >= 14;
        try (ThrowawayDatabase original = ThrowawayDatabase.create(server);
             ThrowawayDatabase copy = ThrowawayDatabase.create(server)) {
            original.execute("""
                    create schema app;
                    create table app.docs (id int, body text, amount numeric, tag varchar(10));
                    alter table app.docs alter column body set storage external, alter column amount set storage extended,
                        alter column id set storage plain;
                    create table app.p (at date, body text) partition by range (at);
                    create table app.p1 partition of app.p for values from ('2020-01-01') to ('2021-01-01');
                    alter table only app.p1 alter column body set storage main;
                    create table app.parent (body text);
                    create table app.child () inherits (app.parent);
                    alter table only app.child alter column body set storage external;
                    """ + (compression ? "alter table app.docs alter column tag set compression pglz;" : ""));
            IntrospectionResult result = introspect(original, IntrospectionOptions.only("app"));
            Table docs = result.database().table(QualifiedName.of("app", "docs")).orElseThrow();
            assertEquals(Column.Storage.EXTERNAL, docs.column("body").orElseThrow().storage());
            assertEquals(Column.Storage.EXTENDED, docs.column("amount").orElseThrow().storage(), "numeric is main by default");
            assertNull(docs.column("id").orElseThrow().storage(), "plain is integer's own storage");
            assertEquals(compression ? Column.Compression.PGLZ : null, docs.column("tag").orElseThrow().compression());
            Table partition = result.database().table(QualifiedName.of("app", "p1")).orElseThrow();
            assertEquals(Column.Storage.MAIN, partition.column("body").orElseThrow().storage(),
                    "a partition lists the column it stores differently from its parent");
            assertEquals(List.of("own NOT NULL, default, comment, storage or compression on inherited column app.child.body: not supported yet"),
                    result.unsupported().stream().filter(line -> line.contains("inherited")).toList());

            copy.execute("create schema app;");
            try (Connection connection = copy.connect()) {
                PlanExecutor.apply(connection, MigrationPlanner.baseline(result.database()));
            }
            Database recreated = introspect(copy, IntrospectionOptions.only("app")).database();
            assertEquals(result.database().schemas(), recreated.schemas());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void reportsWhatTheModelCannotDescribeByName(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(SCRIPT);
            db.execute("""
                    create aggregate app.my_sum(integer) (sfunc = int4pl, stype = integer);
                    create operator app.=== (leftarg = integer, rightarg = integer, function = int4eq);
                    create text search configuration app.my_english (copy = english);
                    create text search parser app.my_parser (start = prsd_start, gettoken = prsd_nexttoken, end = prsd_end,
                        lextypes = prsd_lextype);
                    create text search template app.my_template (lexize = dsimple_lexize);
                    create type app.floatrange as range (subtype = float8);
                    create statistics app.customer_stats on id, ticket from app.customers;
                    create table app.parent_t (a int);
                    create table app.child_t (b int) inherits (app.parent_t);
                    alter table app.child_t alter column a set default 5;
                    create rule no_delete as on delete to app.parent_t do instead nothing;
                    create unlogged table app.scratch (x int) with (fillfactor = 70);
                    create index scratch_x_idx on app.scratch (x) with (fillfactor = 60);
                    create table "Odd Schema".elsewhere (x int);
                    create index elsewhere_x_idx on "Odd Schema".elsewhere (x) with (fillfactor = 50);
                    alter table app.readings add constraint readings_id_check check (id > 0) not valid;
                    comment on constraint readings_id_check on app.readings is 'ids are positive';
                    alter table app.customers enable always trigger "Touch It";
                    grant select on app.customers to schemainspect_test_role;
                    create function app.on_ddl() returns event_trigger language plpgsql as $$ begin end $$;
                    create event trigger sg_on_ddl on ddl_command_start execute function app.on_ddl();
                    create aggregate "Odd Schema".odd_sum(integer) (sfunc = int4pl, stype = integer);
                    """);
            if (server.majorVersion() >= 16) {
                db.execute("create collation app.tailored (provider = icu, locale = 'und', rules = '&a < g')");
            }
            IntrospectionResult result = introspect(db, IntrospectionOptions.only("app"));
            List<String> unsupported = result.unsupported();

            List<String> icuRules = server.majorVersion() >= 16
                    ? List.of("ICU rules on collation app.tailored (&a < g): not supported yet") : List.of();
            assertEquals(Stream.of(icuRules, List.of(
                            "event trigger sg_on_ddl: not supported yet",
                            "operator app.===(integer, integer): not supported yet",
                            "own NOT NULL, default, comment, storage or compression on inherited column app.child_t.a: not supported yet",
                            "statistics object app.customer_stats: not supported yet",
                            "text search parser app.my_parser: not supported yet",
                            "text search template app.my_template: not supported yet")).flatMap(List::stream).toList(),
                    unsupported,
                    "each object by name, nothing of the excluded schema \"Odd Schema\", no privileges unless asked for");

            Schema app = result.database().schema("app").orElseThrow();
            TextSearchConfiguration english = app.textSearchConfigurations().get(0);
            assertEquals(TextSearchConfiguration.DEFAULT_PARSER, english.parser(), "a configuration made by COPY is its parser");
            assertEquals(List.of(QualifiedName.of("pg_catalog", "english_stem")), english.dictionariesFor("asciiword"),
                    "and the mappings it copied");
            assertTrue(app.routines().stream().noneMatch(r -> r.name().equals("floatrange") || r.name().equals("my_sum")),
                    "neither the range type's constructors nor the aggregate are read as functions");
            assertEquals(List.of(dev.schemaguard.model.Aggregate.of("my_sum", "integer", "int4pl",
                            dev.schemaguard.model.DataType.parse("integer"))), app.aggregates(),
                    "the aggregate is read as one, and the one of the excluded schema is not");
            assertEquals(new CheckConstraint("readings_id_check", "(id > 0)", false, true, null),
                    table(result.database(), "app", "readings").constraint("readings_id_check").orElseThrow(),
                    "a NOT VALID constraint is read as such");
            assertEquals("ids are positive", table(result.database(), "app", "readings").constraintComment("readings_id_check"));
            assertEquals(List.of("fillfactor=70"), table(result.database(), "app", "scratch").storageParameters());
            assertEquals(List.of("fillfactor=60"), table(result.database(), "app", "scratch").index("scratch_x_idx")
                    .orElseThrow().storageParameters());
            RangeType floatrange = app.rangeTypes().get(0);
            assertEquals("floatrange", floatrange.name());
            assertTrue(floatrange.subtype().sameTypeAs(dev.schemaguard.model.DataTypes.doublePrecision()),
                    "subtype " + floatrange.subtype());
            assertEquals(floatrange, RangeType.of("floatrange", floatrange.subtype()), "nothing but the subtype set");
            assertEquals(Trigger.Firing.ALWAYS, table(result.database(), "app", "customers").trigger("Touch It").orElseThrow().firing());
            assertTrue(table(result.database(), "app", "scratch").unlogged(), "an unlogged table is read as such");
            Rule noDelete = table(result.database(), "app", "parent_t").rule("no_delete").orElseThrow();
            assertTrue(noDelete.definition().startsWith("CREATE RULE no_delete AS") && noDelete.definition().endsWith("DO INSTEAD NOTHING"),
                    "a rule is read as pg_get_ruledef prints it, without the closing semicolon: " + noDelete.definition());
            if (server.majorVersion() >= 16) {
                assertEquals(Collation.icu("tailored", "und"), app.collations().stream()
                        .filter(c -> c.name().equals("tailored")).findFirst().orElseThrow(), "read without its rules");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void readsTextSearchObjectsButNotThoseOfAnExtension(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            try {
                db.execute("create extension if not exists unaccent");
            } catch (SQLException e) {
                assumeTrue(false, "unaccent is not available on " + server.label() + ": " + e.getMessage());
            }
            db.execute("""
                    create text search template public.no_init (lexize = dsimple_lexize);
                    create text search dictionary public.odd (template = no_init);
                    create text search dictionary public.stems (template = snowball, language = 'english', "stopwords" = english);
                    create text search dictionary public.plain_unaccent (template = unaccent, rules = 'unaccent');
                    create text search configuration public."Search Me" (parser = default);
                    alter text search configuration public."Search Me" add mapping for "int", word with plain_unaccent, public.odd, simple;
                    comment on text search configuration public."Search Me" is 'it''s mine';
                    comment on text search dictionary public.odd is 'odd';
                    """);
            IntrospectionResult result = introspect(db, IntrospectionOptions.only("public"));
            Schema publicSchema = result.database().schema("public").orElseThrow();
            assertEquals(List.of(
                    new TextSearchDictionary("odd", QualifiedName.of("public", "no_init"), List.of(), "odd"),
                    new TextSearchDictionary("plain_unaccent", QualifiedName.of("public", "unaccent"), List.of(
                            TextSearchDictionary.option("rules", "unaccent")), null),
                    TextSearchDictionary.of("stems", "snowball", TextSearchDictionary.option("language", "english"),
                            TextSearchDictionary.option("stopwords", "english"))),
                    publicSchema.textSearchDictionaries(), "not unaccent's own dictionary");
            List<QualifiedName> dictionaries = List.of(QualifiedName.of("public", "plain_unaccent"), QualifiedName.of("public", "odd"),
                    QualifiedName.of("pg_catalog", "simple"));
            assertEquals(List.of(new TextSearchConfiguration("Search Me", TextSearchConfiguration.DEFAULT_PARSER, List.of(
                            new TextSearchConfiguration.Mapping("int", dictionaries), new TextSearchConfiguration.Mapping("word", dictionaries)),
                            "it's mine")),
                    publicSchema.textSearchConfigurations());
            assertEquals(List.of("text search template public.no_init: not supported yet"),
                    result.unsupported().stream().filter(line -> !line.startsWith("privileges on schema public")).toList(),
                    "the template is reported, unaccent's template and dictionary are not");
            assertEquals(List.of(), SchemaDiff.compare(result.database(), introspect(db, IntrospectionOptions.only("public"))
                    .database()).changes(), "reads the same twice");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void readsUnloggedTablesWithTheirSequences(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute("""
                    create unlogged table public.hits (id serial, n bigint generated always as identity, page text);
                    create table public.pages (id int);
                    create table public.events (at date not null) partition by range (at);
                    create unlogged table public.events_2024 partition of public.events
                        for values from ('2024-01-01') to ('2025-01-01');
                    """);
            if (server.majorVersion() >= 15) {
                db.execute("create unlogged sequence public.scratch_numbers");
            }
            IntrospectionResult result = introspect(db, IntrospectionOptions.only("public"));

            assertTrue(table(result.database(), "public", "hits").unlogged());
            assertEquals("serial", column(table(result.database(), "public", "hits"), "id").type().name(),
                    "the serial column of an unlogged table is still a serial");
            assertFalse(table(result.database(), "public", "pages").unlogged());
            assertFalse(table(result.database(), "public", "events").unlogged());
            assertTrue(table(result.database(), "public", "events_2024").unlogged());
            assertEquals(server.majorVersion() >= 15
                            ? List.of("unlogged sequence public.scratch_numbers: not supported yet") : List.of(),
                    result.unsupported().stream().filter(line -> !line.startsWith("privileges on schema public")).toList(),
                    "the sequences of an unlogged table's serial and identity columns (unlogged from PostgreSQL 15 on)"
                            + " are part of the table; only a standalone unlogged sequence is reported");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void readsBuiltinCollationsFromPostgres17(PostgresServer server) throws SQLException {
        assumeTrue(server.majorVersion() >= 17, "the builtin collation provider exists from PostgreSQL 17 on");
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute("create schema app; create collation app.plain (provider = builtin, locale = 'C')");
            Schema app = introspect(db, IntrospectionOptions.only("app")).database().schema("app").orElseThrow();
            assertEquals(List.of(Collation.builtin("plain", "C")), app.collations());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void readsExtensionsButNotTheObjectsTheyOwn(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            try {
                db.execute("create extension if not exists pg_trgm");
            } catch (SQLException e) {
                assumeTrue(false, "pg_trgm is not available on " + server.label() + ": " + e.getMessage());
            }
            db.execute("create table public.words (word text); create index words_trgm_idx on public.words using gin (word gin_trgm_ops);");
            IntrospectionResult result = introspect(db, IntrospectionOptions.only("public"));
            List<Extension> extensions = result.database().extensions();
            assertEquals(List.of("pg_trgm"), extensions.stream().map(Extension::name).toList(), "every extension but plpgsql");
            assertEquals("public", extensions.get(0).schema());
            assertTrue(extensions.get(0).version() != null && !extensions.get(0).version().isBlank());
            Schema publicSchema = result.database().schema("public").orElseThrow();
            assertEquals(List.of(), publicSchema.routines(), "pg_trgm's functions belong to pg_trgm");
            assertEquals(List.of(), publicSchema.objects(), "nor its types");
            assertEquals(List.of(), result.unsupported(), "nor its operators and operator classes");
            assertEquals(List.of("words"), publicSchema.tables().stream().map(Table::name).toList());
        }
    }

    private static IntrospectionResult introspect(ThrowawayDatabase db, IntrospectionOptions options) throws SQLException {
        try (Connection connection = db.connect()) {
            return new PostgresIntrospector(options).introspectWithReport(connection);
        }
    }

    private static Table table(Database database, String schema, String name) {
        return database.table(QualifiedName.of(schema, name))
                .orElseThrow(() -> new AssertionError("table " + schema + "." + name + " was not introspected"));
    }

    private static Column column(Table table, String name) {
        return table.column(name).orElseThrow(() -> new AssertionError("column " + name + " of " + table.name() + " missing"));
    }
}
