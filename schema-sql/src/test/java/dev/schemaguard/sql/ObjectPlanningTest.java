package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Dependency;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.Partitioning;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaBuilder;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.View;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.schemaguard.sql.PlanTesting.sqls;
import static dev.schemaguard.sql.PlanTesting.apply;
import static dev.schemaguard.sql.PlanTesting.strings;
import static dev.schemaguard.model.DataTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plans involving collations, sequences, types, views, routines, triggers, exclusion constraints and partitions, applied to
 * real PostgreSQL. The actual database is built from a DSL model with {@link MigrationPlanner#baseline}, and
 * its dependencies read with {@link DependencyIntrospector}; the catalog then shows the expected result.
 */
class ObjectPlanningTest {

    private static final DataType MOOD = DataType.userDefined("app", "mood");

    private static Routine function(String name, String arguments, String definition) {
        return new Routine(name, arguments, Routine.Kind.FUNCTION, definition, null);
    }

    /** One of every kind of object, in an order that only works when the planner sorts by dependency. */
    static Database everyKind() {
        SchemaBuilder app = Schema.named("app")
                .enumType("mood", "sad", "ok", "happy")
                .domain(new Domain("positive", integer(), false, null, null,
                        List.of(new CheckConstraint("positive_check", "VALUE > 0", false, false, null)), "greater than zero", java.util.Map.of(), null))
                .compositeType(new CompositeType("amount", List.of(new CompositeType.Attribute("value", numeric(10, 2), null),
                        new CompositeType.Attribute("currency", text(), null)), null, null))
                .sequence(new Sequence("ticket_numbers", bigint(), new SequenceOptions(100L, 10L, null, null, null, false),
                        "tickets", "id", "numbers tickets"))
                .routine(function("touch", "", """
                        CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN NEW.updated_at := now(); RETURN NEW; END $$"""))
                .routine(function("new_code", "", "CREATE FUNCTION app.new_code() RETURNS text LANGUAGE sql"
                        + " AS $$ SELECT 'T-' || count(*) FROM app.tickets $$"))
                .routine(function("valid_code", "code text", "CREATE FUNCTION app.valid_code(code text) RETURNS boolean"
                        + " LANGUAGE sql IMMUTABLE AS $$ SELECT code LIKE 'T-%' $$"))
                .table("tickets", t -> {
                    t.column("id", bigint()).notNull().defaultValue("nextval('app.ticket_numbers'::regclass)").primaryKey();
                    t.column("mood", MOOD).defaultValue("'ok'::app.mood");
                    t.column("qty", DataType.userDefined("app", "positive"));
                    t.column("price", DataType.userDefined("app", "amount"));
                    t.column("code", text()).defaultValue("app.new_code()");
                    t.column("updated_at", timestamptz());
                    t.check("app.valid_code(code)").named("tickets_code_check");
                    t.trigger("tickets_touch", "CREATE TRIGGER tickets_touch BEFORE UPDATE ON app.tickets"
                            + " FOR EACH ROW EXECUTE FUNCTION app.touch()");
                })
                // happy_tickets reads open_tickets but sorts before it: only dependency order creates it second
                .view("happy_tickets", "SELECT id FROM app.open_tickets WHERE mood = 'happy'::app.mood")
                .view("open_tickets", "SELECT id, mood FROM app.tickets WHERE mood <> 'sad'::app.mood")
                .view(new View("mood_counts", true, "SELECT mood, count(*) AS n FROM app.tickets GROUP BY mood",
                        List.of(new Index("mood_counts_mood_idx", true, "btree", List.of(IndexKey.column("mood")), List.of(), null, false, List.of(), null, null, true)),
                        "per mood", List.of(), List.of(), List.of()))
                .table("events", t -> {
                    t.column("id", bigint()).notNull();
                    t.column("created", date()).notNull();
                    t.partitionBy(Partitioning.Strategy.RANGE, "created");
                    t.index("created");
                })
                .table("events_2024", t -> t.partitionOf("events", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"))
                .table("events_other", t -> t.partitionOf("events", "DEFAULT"))
                .table("regions", t -> {
                    t.column("code", text()).notNull();
                    t.partitionBy(Partitioning.Strategy.LIST, "code");
                })
                .table("regions_eu", t -> t.partitionOf("regions", "FOR VALUES IN ('de', 'fr')"))
                .table("shards", t -> {
                    t.column("key", bigint()).notNull();
                    t.partitionBy(Partitioning.Strategy.HASH, "key");
                })
                .table("shards_0", t -> t.partitionOf("shards", "FOR VALUES WITH (modulus 2, remainder 0)"))
                .table("shards_1", t -> t.partitionOf("shards", "FOR VALUES WITH (modulus 2, remainder 1)"))
                .table("bookings", t -> {
                    t.column("room", integer());
                    t.column("during", type("tstzrange"));
                    t.exclude("bookings_no_overlap", "EXCLUDE USING gist (during WITH &&)");
                });
        return app.toDatabase();
    }

    @Test
    void baselineWithEveryKindOfObjectRunsOnEveryServer() throws SQLException {
        MigrationPlan plan = MigrationPlanner.baseline(everyKind());
        assertEquals("SET LOCAL check_function_bodies = off", plan.statements().get(0).sql());
        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, plan);
                db.execute("insert into app.tickets (mood, qty, price) values ('happy', 2, row(9.5, 'EUR'))");
                db.execute("update app.tickets set qty = 3");
                db.execute("refresh materialized view app.mood_counts");

                assertEquals(List.of("{sad,ok,happy}"), strings(db, "select enum_range(null::app.mood)::text"), server.label());
                assertEquals(List.of("100 T-0 true 1"), strings(db, "select t.id || ' ' || code || ' ' || (updated_at is not null)"
                        + " || ' ' || (select count(*) from app.happy_tickets) from app.tickets t"), server.label());
                assertEquals(List.of("app.tickets.id"), strings(db, "select d.refobjid::regclass || '.' || a.attname from pg_depend d"
                        + " join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid"
                        + " where d.objid = 'app.ticket_numbers'::regclass and d.deptype = 'a'"), server.label());
                assertEquals(List.of("events_2024", "events_other", "regions_eu", "shards_0", "shards_1"), strings(db,
                        "select relname from pg_class where relispartition and relkind = 'r' order by 1"), server.label());
                assertEquals(List.of("events_2024_created_idx", "events_other_created_idx"), strings(db,
                        "select x.relname from pg_index i join pg_class c on c.oid = i.indrelid join pg_class x on x.oid = i.indexrelid"
                                + " where c.relname like 'events\\_%' order by 1"), server.label());
                assertEquals(List.of("x"), strings(db, "select contype from pg_constraint where conname = 'bookings_no_overlap'"));
                assertEquals(List.of("per mood"), strings(db, "select obj_description('app.mood_counts'::regclass)"));
                assertEquals(List.of("greater than zero"), strings(db, "select obj_description('app.positive'::regtype, 'pg_type')"));
            }
        }
    }

    @Test
    void sequenceTurningAroundAndChangingTypeGetsTheNewDirectionsBounds() throws SQLException {
        Database actual = Schema.named("app").sequence(new Sequence("counter", bigint(), null, null, null, null)).toDatabase();
        Database expected = Schema.named("app").sequence(new Sequence("counter", integer(),
                new SequenceOptions(null, -2L, null, null, null, false), null, null, null)).toDatabase();

        MigrationPlan plan = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
        assertEquals(List.of("ALTER SEQUENCE app.counter AS integer INCREMENT BY -2 MINVALUE -2147483648 MAXVALUE -1"
                + " START WITH -1 RESTART"), sqls(plan));
        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(actual));
                db.execute("select nextval('app.counter')");
                apply(db, plan);
                assertEquals(List.of("-1", "-3"), strings(db, "select nextval('app.counter') from generate_series(1, 2)"),
                        server.label());
                try (Connection connection = db.connect()) {
                    Database introspected = new PostgresIntrospector(IntrospectionOptions.only("app")).introspect(connection);
                    assertTrue(SchemaDiff.compare(expected, introspected).isEmpty(), server.label());
                }
            }
        }
    }

    @Test
    void aRebuiltDomainKeepsItsComment() throws SQLException {
        Database actual = Schema.named("app").domain(new Domain("amount", integer(), false, null, null, List.of(),
                "money, in cents", java.util.Map.of(), null)).toDatabase();
        Database expected = Schema.named("app").domain(new Domain("amount", DataType.parse("numeric(10,2)"), false, null,
                null, List.of(), "money, in cents", java.util.Map.of(), null)).toDatabase();
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            apply(db, MigrationPlanner.baseline(actual));
            apply(db, MigrationPlanner.plan(expected, actual, PlanOptions.ALLOW_DROPS));
            assertEquals(List.of("money, in cents"), strings(db, "select obj_description('app.amount'::regtype, 'pg_type')"),
                    "the comment stays with the renamed old domain unless it is set on the new one");
        }
    }

    @Test
    void enumValueAddedInTheMiddleKeepsTheRows() throws SQLException {
        Database actual = moodTable("sad", "happy");
        Database expected = moodTable("sad", "ok", "happy");

        MigrationPlan plan = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
        assertEquals(List.of("ALTER TYPE app.mood ADD VALUE 'ok' AFTER 'sad'"), sqls(plan));
        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(actual));
                db.execute("insert into app.t values ('happy'), ('sad')");
                apply(db, plan);
                assertEquals(List.of("{sad,ok,happy}"), strings(db, "select enum_range(null::app.mood)::text"), server.label());
                assertEquals(List.of("sad", "happy"), strings(db, "select m::text from app.t order by t.m"), server.label());
            }
        }
    }

    @Test
    void enumValueRemovedRebuildsTheTypeAndTheViewOnItOnlyWithDropsAllowed() throws SQLException {
        UnaryOperator<SchemaBuilder> view = s -> s.view("cheerful", "SELECT m FROM app.t WHERE m <> 'sad'::app.mood");
        Database actualModel = view.apply(moodSchema("'ok'::app.mood", "sad", "ok", "happy")).toDatabase();
        Database expected = view.apply(moodSchema("'happy'::app.mood", "happy", "sad")).toDatabase();

        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(actualModel));
                db.execute("insert into app.t values ('happy'), ('sad')");
                Database actual = withDependencies(db, actualModel);

                MigrationPlan safe = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
                assertTrue(safe.skipped().stream().anyMatch(s -> s.sql().startsWith("ALTER TABLE app.t ALTER COLUMN m TYPE")),
                        safe.skippedSummary());
                MigrationPlan plan = MigrationPlanner.plan(expected, actual, PlanOptions.ALLOW_DROPS);
                assertTrue(plan.sql().indexOf("DROP VIEW app.cheerful") < plan.sql().indexOf("ALTER TABLE app.t ALTER COLUMN m TYPE"),
                        plan.sql());
                apply(db, plan);

                assertEquals(List.of("{happy,sad}"), strings(db, "select enum_range(null::app.mood)::text"), server.label());
                assertEquals(List.of("happy", "sad"), strings(db, "select m::text from app.t order by t.m"), server.label());
                assertEquals(List.of("happy"), strings(db, "select m::text from app.cheerful"), server.label());
                assertEquals(List.of("'happy'::app.mood"), strings(db, "select pg_get_expr(adbin, adrelid) from pg_attrdef"
                        + " where adrelid = 'app.t'::regclass"), server.label());
                assertEquals(List.of(), strings(db, "select typname from pg_type where typname like 'mood\\_%old'"), server.label());
            }
        }
    }

    @Test
    void columnTypeChangeUnderAViewDropsAndRecreatesTheView() throws SQLException {
        Database actualModel = Schema.named("public")
                .table("t", t -> {
                    t.column("id", integer()).primaryKey();
                    t.column("amount", integer());
                })
                .view("totals", "SELECT sum(amount) AS total FROM public.t")
                .view("big_totals", "SELECT total FROM public.totals WHERE total > 10")
                .toDatabase();
        Database expected = Schema.named("public")
                .table("t", t -> {
                    t.column("id", integer()).primaryKey();
                    t.column("amount", numeric());
                })
                .view("totals", "SELECT sum(amount) AS total FROM public.t")
                .view("big_totals", "SELECT total FROM public.totals WHERE total > 10")
                .toDatabase();

        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(actualModel));
                db.execute("insert into t values (1, 7), (2, 8)");
                MigrationPlan plan = MigrationPlanner.plan(expected, withDependencies(db, actualModel), PlanOptions.SAFE);
                assertEquals(List.of("DROP VIEW public.big_totals", "DROP VIEW public.totals",
                        "ALTER TABLE public.t ALTER COLUMN amount TYPE numeric USING amount::numeric",
                        "CREATE VIEW public.totals AS\nSELECT sum(amount) AS total FROM public.t",
                        "CREATE VIEW public.big_totals AS\nSELECT total FROM public.totals WHERE total > 10"), sqls(plan), server.label());
                apply(db, plan);
                assertEquals(List.of("numeric"), strings(db, "select format_type(atttypid, null) from pg_attribute"
                        + " where attrelid = 'big_totals'::regclass and attname = 'total'"), server.label());
                assertEquals(List.of("15"), strings(db, "select total::text from big_totals"), server.label());
            }
        }
    }

    @Test
    void functionReplacedInPlaceWhileATriggerUsesIt() throws SQLException {
        Database actual = noteTable("NEW.note := 'old';");
        Database expected = noteTable("NEW.note := 'new ' || NEW.id;");

        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(actual));
                MigrationPlan plan = MigrationPlanner.plan(expected, withDependencies(db, actual), PlanOptions.SAFE);
                assertEquals(2, plan.statements().size(), plan.sql());
                assertTrue(plan.statements().get(1).sql().startsWith("CREATE OR REPLACE FUNCTION public.set_note()"), plan.sql());
                apply(db, plan);
                db.execute("insert into notes (id) values (7)");
                assertEquals(List.of("new 7"), strings(db, "select note from notes"), server.label());
            }
        }
    }

    @Test
    void functionWithANewResultTypeIsDroppedAndRecreatedAroundTheDefaultAndCheckUsingIt() throws SQLException {
        Database actualModel = codeTable("integer", "42");
        Database expected = codeTable("bigint", "4200000000");

        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(actualModel));
                MigrationPlan plan = MigrationPlanner.plan(expected, withDependencies(db, actualModel), PlanOptions.SAFE);
                List<String> sql = sqls(plan);
                assertTrue(sql.indexOf("ALTER TABLE public.codes ALTER COLUMN code DROP DEFAULT") < sql.indexOf("DROP FUNCTION public.next_code()"),
                        plan.sql());
                assertTrue(sql.contains("ALTER TABLE public.codes DROP CONSTRAINT codes_code_check"), plan.sql());
                apply(db, plan);
                db.execute("insert into codes default values");
                assertEquals(List.of("4200000000"), strings(db, "select code::text from codes"), server.label());
                assertEquals(List.of("bigint"), strings(db, "select format_type(prorettype, null) from pg_proc where proname = 'next_code'"));
                assertEquals(List.of("1"), strings(db, "select count(*)::text from pg_constraint where conname = 'codes_code_check'"));
            }
        }
    }

    @Test
    void viewChangedWhileAnotherViewSelectsFromIt() throws SQLException {
        Database actualModel = namesViews("SELECT id, name FROM public.people");
        Database expected = namesViews("SELECT id, upper(name) AS name FROM public.people");
        Database appended = namesViews("SELECT id, name, length(name) AS size FROM public.people");

        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(actualModel));
                db.execute("insert into people values (1, 'ada')");
                Database actual = withDependencies(db, actualModel);

                MigrationPlan replace = MigrationPlanner.plan(appended, actual, PlanOptions.SAFE);
                assertEquals(List.of("CREATE OR REPLACE VIEW public.named AS\nSELECT id, name, length(name) AS size FROM public.people"),
                        sqls(replace), server.label());

                MigrationPlan plan = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
                assertEquals(List.of("DROP VIEW public.shouted", "DROP VIEW public.named",
                        "CREATE VIEW public.named AS\nSELECT id, upper(name) AS name FROM public.people",
                        "CREATE VIEW public.shouted AS\nSELECT name || '!' AS shout FROM public.named"), sqls(plan), server.label());
                apply(db, plan);
                assertEquals(List.of("ADA!"), strings(db, "select shout from shouted"), server.label());
            }
        }
    }

    @Test
    void partitionBoundChangeDetachesAndAttachesAgain() throws SQLException {
        Database actual = events("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
        Database expected = events("FOR VALUES FROM ('2024-01-01') TO ('2026-01-01')");

        MigrationPlan plan = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
        assertEquals(List.of("ALTER TABLE public.events DETACH PARTITION public.events_early",
                "ALTER TABLE public.events ATTACH PARTITION public.events_early FOR VALUES FROM ('2024-01-01') TO ('2026-01-01')"),
                sqls(plan));
        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(actual));
                db.execute("insert into events values ('2024-06-01'), ('2030-01-01')");
                apply(db, plan);
                assertEquals(List.of("FOR VALUES FROM ('2024-01-01') TO ('2026-01-01')"),
                        strings(db, "select pg_get_expr(relpartbound, oid) from pg_class where relname = 'events_early'"), server.label());
                assertEquals(List.of("2024-06-01 events_early", "2030-01-01 events_rest"),
                        strings(db, "select day || ' ' || tableoid::regclass from events order by day"), server.label());
            }
        }
    }

    @Test
    void partitionKeyChangeRebuildsTheTableOnlyWithDropsAllowed() throws SQLException {
        Database actual = Schema.named("public")
                .table("m", t -> {
                    t.column("a", integer()).notNull();
                    t.column("b", integer()).notNull();
                    t.partitionBy(Partitioning.Strategy.RANGE, "a");
                })
                .table("m_all", t -> t.partitionOf("m", "DEFAULT"))
                .toDatabase();
        Database expected = Schema.named("public")
                .table("m", t -> {
                    t.column("a", integer()).notNull();
                    t.column("b", integer()).notNull();
                    t.partitionBy(Partitioning.Strategy.LIST, "b");
                })
                .table("m_all", t -> t.partitionOf("m", "DEFAULT"))
                .toDatabase();

        MigrationPlan safe = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
        assertTrue(safe.isEmpty(), safe.sql());
        assertEquals(List.of("DROP TABLE public.m", "CREATE TABLE public.m (\n    a integer NOT NULL,\n    b integer NOT NULL\n)"
                + " PARTITION BY LIST (b)", "CREATE TABLE public.m_all PARTITION OF public.m DEFAULT"),
                safe.skipped().stream().map(PlanStatement::sql).toList());
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            apply(db, MigrationPlanner.baseline(actual));
            apply(db, MigrationPlanner.plan(expected, actual, PlanOptions.ALLOW_DROPS));
            assertEquals(List.of("LIST (b)"), strings(db, "select pg_get_partkeydef('m'::regclass)"));
            assertEquals(List.of("m_all"), strings(db, "select relname from pg_class where relispartition"));
        }
    }

    @Test
    void dependencyIntrospectorNamesObjectsAsTheModelDoes() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            apply(db, MigrationPlanner.baseline(everyKind()));
            db.execute("create type app.pair as (a int, b int); create table app.pairs (p app.pair, ps app.pair[])");
            List<Dependency> dependencies;
            try (Connection connection = db.connect()) {
                dependencies = new DependencyIntrospector(IntrospectionOptions.only("app")).read(connection);
            }
            ObjectRef pair = ObjectRef.of(ObjectRef.Kind.TYPE, "app", "pair");
            assertTrue(dependencies.contains(new Dependency(new ObjectRef(ObjectRef.Kind.COLUMN, "app", "pairs", "p"), pair)),
                    "a composite type is named as its relation is: " + dependencies);
            assertTrue(dependencies.contains(new Dependency(new ObjectRef(ObjectRef.Kind.COLUMN, "app", "pairs", "ps"), pair)),
                    "an array type is named as its element type: " + dependencies);
            ObjectRef touch = ObjectRef.of(ObjectRef.Kind.ROUTINE, "app", "touch()");
            ObjectRef mood = ObjectRef.of(ObjectRef.Kind.TYPE, "app", "mood");
            assertTrue(dependencies.contains(new Dependency(
                    new ObjectRef(ObjectRef.Kind.TRIGGER, "app", "tickets", "tickets_touch"), touch)), dependencies.toString());
            assertTrue(dependencies.contains(new Dependency(new ObjectRef(ObjectRef.Kind.COLUMN, "app", "tickets", "code"),
                    ObjectRef.of(ObjectRef.Kind.ROUTINE, "app", "new_code()"))), dependencies.toString());
            assertTrue(dependencies.contains(new Dependency(new ObjectRef(ObjectRef.Kind.COLUMN, "app", "tickets", "mood"), mood)));
            assertTrue(dependencies.contains(new Dependency(new ObjectRef(ObjectRef.Kind.CONSTRAINT, "app", "tickets", "tickets_code_check"),
                    ObjectRef.of(ObjectRef.Kind.ROUTINE, "app", "valid_code(code text)"))), dependencies.toString());
            assertTrue(dependencies.contains(new Dependency(ObjectRef.of(ObjectRef.Kind.VIEW, "app", "happy_tickets"),
                    ObjectRef.of(ObjectRef.Kind.VIEW, "app", "open_tickets"))), dependencies.toString());
            assertTrue(dependencies.contains(new Dependency(ObjectRef.of(ObjectRef.Kind.VIEW, "app", "open_tickets"),
                    new ObjectRef(ObjectRef.Kind.COLUMN, "app", "tickets", "mood"))), dependencies.toString());
            assertTrue(dependencies.stream().noneMatch(d -> d.dependent().equals(d.referenced())));
        }
    }

    @Test
    void collationsAreCreatedBeforeTheTypesAndColumnsUsingThem() throws SQLException {
        Database model = Schema.named("app")
                .domain(new Domain("label", text(), false, null, "app.by_number", List.of(), null, java.util.Map.of(), null))
                .compositeType(new CompositeType("pair", List.of(new CompositeType.Attribute("a", text(), "app.\"Mixed\"")), null, null))
                .table("items", t -> t.column("name", text()).collate("app.by_number"))
                .collation(Collation.icu("by_number", "en-u-kn-true").withComment("numbers by value"))
                .collation(Collation.icu("loose", "und-u-ks-level2").nondeterministic())
                .collation(new Collation("Mixed", Collation.Provider.LIBC, null, "C", "POSIX", true, null))
                .toDatabase();
        MigrationPlan plan = MigrationPlanner.baseline(model);
        assertTrue(sqls(plan).contains("CREATE COLLATION app.loose (provider = icu, locale = 'und-u-ks-level2',"
                + " deterministic = false)"), plan.sql());
        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, plan);
                db.execute("insert into app.items values ('a10'), ('a9')");
                assertEquals(List.of("a9", "a10"), strings(db, "select name from app.items order by name"), server.label());
                assertEquals(List.of("numbers by value"), strings(db, "select obj_description(oid, 'pg_collation')"
                        + " from pg_collation where collname = 'by_number'"), server.label());
                Database introspected;
                try (Connection connection = db.connect()) {
                    introspected = new PostgresIntrospector(IntrospectionOptions.only("app")).introspect(connection);
                }
                assertTrue(MigrationPlanner.plan(model, introspected, PlanOptions.ALLOW_DROPS).isEmpty(),
                        () -> server.label() + ": " + MigrationPlanner.plan(model, introspected, PlanOptions.ALLOW_DROPS).sql());
            }
        }
    }

    @Test
    void changedCollationIsRebuiltWithTheColumnsIndexesAndViewsUsingIt() throws SQLException {
        Database actualModel = sortedItems("en-u-kn-true");
        Database expected = sortedItems("en");
        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(actualModel));
                db.execute("insert into app.items values ('a10'), ('a9')");
                assertEquals(List.of("a9", "a10"), strings(db, "select name from app.sorted"), server.label());

                MigrationPlan plan = MigrationPlanner.plan(expected, withDependencies(db, actualModel), PlanOptions.SAFE);
                List<String> sql = sqls(plan);
                assertTrue(sql.indexOf("DROP VIEW app.sorted") < sql.indexOf("ALTER TABLE app.items ALTER COLUMN name TYPE text"
                        + " COLLATE app.sorter") && sql.indexOf("ALTER COLLATION app.sorter RENAME TO sorter_schemaguard_old")
                        < sql.indexOf("CREATE COLLATION app.sorter (provider = icu, locale = 'en')"), plan.sql());
                assertTrue(sql.get(sql.size() - 1).equals("DROP COLLATION app.sorter_schemaguard_old")
                        || sql.indexOf("DROP COLLATION app.sorter_schemaguard_old") > sql.indexOf("CREATE VIEW app.sorted AS\n"
                        + "SELECT name FROM app.items ORDER BY name"), plan.sql());
                apply(db, plan);

                assertEquals(List.of("a10", "a9"), strings(db, "select name from app.sorted"), server.label());
                assertEquals(List.of("items_name_idx"), strings(db, "select c.relname from pg_index i join pg_class c"
                        + " on c.oid = i.indexrelid where i.indrelid = 'app.items'::regclass"), server.label());
                assertEquals(List.of("sorter"), strings(db, "select collname from pg_collation"
                        + " where collnamespace = 'app'::regnamespace"), server.label());
                Database introspected;
                try (Connection connection = db.connect()) {
                    introspected = new PostgresIntrospector(IntrospectionOptions.only("app")).introspect(connection);
                }
                Schema app = introspected.schema("app").orElseThrow();
                assertEquals(List.of(Collation.icu("sorter", "en")), app.collations(), server.label());
                assertEquals("app.sorter", app.table("items").orElseThrow().column("name").orElseThrow().collation());
            }
        }
    }

    @Test
    void viewRecreatedForANewColumnInTheMiddleGetsItsTriggerBack() throws SQLException {
        Database actualModel = writableView("a, b");
        Database expected = writableView("a, c, b");
        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(actualModel));
                MigrationPlan plan = MigrationPlanner.plan(expected, withDependencies(db, actualModel), PlanOptions.SAFE);
                List<String> sql = sqls(plan);
                String dropTrigger = "DROP TRIGGER v_insert ON public.v";
                String createTrigger = "CREATE TRIGGER v_insert INSTEAD OF INSERT ON public.v FOR EACH ROW EXECUTE FUNCTION public.insert_v()";
                assertTrue(sql.indexOf(dropTrigger) >= 0 && sql.indexOf(dropTrigger) < sql.indexOf("DROP VIEW public.v")
                        && sql.indexOf("CREATE VIEW public.v AS\nSELECT a, c, b FROM public.t") < sql.indexOf(createTrigger), plan.sql());
                apply(db, plan);

                db.execute("insert into public.v (a) values (7)");
                assertEquals(List.of("7"), strings(db, "select a::text from public.t"), server.label() + ": the trigger writes through");
                Database introspected;
                try (Connection connection = db.connect()) {
                    introspected = new PostgresIntrospector(IntrospectionOptions.only("public")).introspect(connection);
                }
                assertEquals(List.of("v_insert"), introspected.schema("public").orElseThrow().views().get(0).triggers().stream()
                        .map(Trigger::name).toList(), server.label());
            }
        }
    }

    // ---- models ----

    private static SchemaBuilder moodSchema(String defaultValue, String... values) {
        return Schema.named("app")
                .enumType("mood", values)
                .table("t", t -> t.column("m", MOOD).defaultValue(defaultValue));
    }

    private static Database moodTable(String... values) {
        return Schema.named("app").enumType("mood", values).table("t", t -> t.column("m", MOOD)).toDatabase();
    }

    private static Database noteTable(String assignment) {
        return Schema.named("public")
                .routine(function("set_note", "", "CREATE OR REPLACE FUNCTION public.set_note() RETURNS trigger"
                        + " LANGUAGE plpgsql AS $$ BEGIN " + assignment + " RETURN NEW; END $$"))
                .table("notes", t -> {
                    t.column("id", integer()).primaryKey();
                    t.column("note", text());
                    t.trigger("notes_set_note", "CREATE TRIGGER notes_set_note BEFORE INSERT ON public.notes"
                            + " FOR EACH ROW EXECUTE FUNCTION public.set_note()");
                })
                .toDatabase();
    }

    private static Database codeTable(String type, String value) {
        return Schema.named("public")
                .routine(function("next_code", "", "CREATE FUNCTION public.next_code() RETURNS " + type
                        + " LANGUAGE sql AS $$ SELECT " + value + "::" + type + " $$"))
                .table("codes", t -> {
                    t.column("code", bigint()).defaultValue("next_code()");
                    t.check("code <= next_code()").named("codes_code_check");
                })
                .toDatabase();
    }

    private static Database namesViews(String named) {
        return Schema.named("public")
                .table("people", t -> {
                    t.column("id", integer()).primaryKey();
                    t.column("name", text());
                })
                .view("named", named)
                .view("shouted", "SELECT name || '!' AS shout FROM public.named")
                .toDatabase();
    }

    /** A view sorting by a column of collation app.sorter (ICU, {@code locale}), with an index on that column. */
    private static Database sortedItems(String locale) {
        return Schema.named("app")
                .collation(Collation.icu("sorter", locale))
                .table("items", t -> {
                    t.column("name", text()).collate("app.sorter");
                    t.index("name").named("items_name_idx");
                })
                .view("sorted", "SELECT name FROM app.items ORDER BY name")
                .toDatabase();
    }

    /** View v over t with the columns {@code columns} and an INSTEAD OF INSERT trigger writing to t. */
    private static Database writableView(String columns) {
        return Schema.named("public")
                .routine(function("insert_v", "", "CREATE OR REPLACE FUNCTION public.insert_v() RETURNS trigger"
                        + " LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.t (a) VALUES (NEW.a); RETURN NEW; END $$"))
                .table("t", t -> {
                    t.column("a", integer());
                    t.column("b", text());
                    t.column("c", text());
                })
                .view(new View("v", false, "SELECT " + columns + " FROM public.t", List.of(), null, List.of(), List.of(), List.of())
                        .withTrigger("v_insert", "CREATE TRIGGER v_insert INSTEAD OF INSERT ON public.v FOR EACH ROW"
                                + " EXECUTE FUNCTION public.insert_v()"))
                .toDatabase();
    }

    private static Database events(String earlyBound) {
        return Schema.named("public")
                .table("events", t -> {
                    t.column("day", date()).notNull();
                    t.partitionBy(Partitioning.Strategy.RANGE, "day");
                })
                .table("events_early", t -> t.partitionOf("events", earlyBound))
                .table("events_rest", t -> t.partitionOf("events", "DEFAULT"))
                .toDatabase();
    }

    // ---- helpers ----

    private static Database withDependencies(ThrowawayDatabase db, Database model) throws SQLException {
        try (Connection connection = db.connect()) {
            return model.withDependencies(new DependencyIntrospector(IntrospectionOptions.ALL).read(connection));
        }
    }
}
