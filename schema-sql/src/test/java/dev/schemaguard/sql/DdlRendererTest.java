package dev.schemaguard.sql;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.Partitioning;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.SequenceOptions;
import java.util.List;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.Schema;
import org.junit.jupiter.api.Test;

import static dev.schemaguard.model.DataTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact SQL for small models, without a database. */
class DdlRendererTest {

    @Test
    void unloggedTablesAndPartitionsAreCreatedUnlogged() {
        Database db = Schema.named("public")
                .table("hits", t -> {
                    t.column("n", integer());
                    t.unlogged();
                })
                .table("events", t -> {
                    t.column("at", date()).notNull();
                    t.partitionBy(Partitioning.Strategy.RANGE, "at");
                })
                .table("events_old", t -> t.partitionOf("events", "DEFAULT").unlogged())
                .toDatabase();
        List<String> sql = MigrationPlanner.baseline(db).statements().stream().map(PlanStatement::sql).toList();
        assertTrue(sql.contains("CREATE UNLOGGED TABLE public.hits (\n    n integer\n)"), sql.toString());
        assertTrue(sql.contains("CREATE UNLOGGED TABLE public.events_old PARTITION OF public.events DEFAULT"), sql.toString());
        assertTrue(sql.contains("CREATE TABLE public.events (\n    at date NOT NULL\n) PARTITION BY RANGE (at)"), sql.toString());
    }

    @Test
    void baselineOfOneTableCreatesSchemaTableIndexAndComment() {
        Database db = Schema.named("shop")
                .table("orders", t -> {
                    t.column("id", bigint()).identityAlways().primaryKey();
                    t.column("status", text()).notNull().defaultValue("'new'::text").collate("C");
                    t.column("total", numeric(10, 2)).comment("in cents? no: in euros");
                    t.check("total >= 0");
                    t.index(IndexKey.expression("lower(status)"), IndexKey.column("id").desc().nullsFirst(false))
                            .where("total > 0");
                    t.comment("it's an order");
                })
                .toDatabase();

        assertEquals("""
                CREATE SCHEMA IF NOT EXISTS shop;
                CREATE TABLE shop.orders (
                    id bigint NOT NULL GENERATED ALWAYS AS IDENTITY,
                    status text COLLATE "C" DEFAULT 'new'::text NOT NULL,
                    total numeric(10,2),
                    CONSTRAINT orders_pkey PRIMARY KEY (id),
                    CONSTRAINT orders_total_check CHECK (total >= 0)
                );
                CREATE INDEX orders_lower_id_idx ON shop.orders USING btree ((lower(status)), id DESC NULLS LAST) WHERE total > 0;
                COMMENT ON TABLE shop.orders IS 'it''s an order';
                COMMENT ON COLUMN shop.orders.total IS 'in cents? no: in euros';
                """, MigrationPlanner.baseline(db).sql());
    }

    @Test
    void foreignKeysAreAddedAfterAllTablesWithNonDefaultOptionsOnly() {
        Database db = Schema.named("public")
                .table("a", t -> {
                    t.column("id", integer()).primaryKey();
                    t.column("b_id", integer());
                    t.foreignKey("b_id").references("b", "id").onDelete(ForeignKey.ReferentialAction.SET_NULL)
                            .matchFull().initiallyDeferred();
                })
                .table("b", t -> {
                    t.column("id", integer()).primaryKey();
                    t.column("a_id", integer()).references("a", "id");
                })
                .toDatabase();

        String sql = MigrationPlanner.baseline(db).sql();

        int lastTable = sql.lastIndexOf("CREATE TABLE");
        int first = sql.indexOf("ALTER TABLE public.a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) REFERENCES public.b (id)"
                + " MATCH FULL ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;\n");
        int second = sql.indexOf("ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a (id);\n");
        assertTrue(first > lastTable && second > lastTable, sql);
    }

    @Test
    void policiesRowSecurityAndQuotedNames() {
        Database db = Schema.named("My Schema")
                .table("select", t -> {
                    t.column("owner", text());
                    t.rowLevelSecurity().forceRowLevelSecurity();
                    t.policy("own rows").forCommand(Policy.Command.UPDATE).to("app_user", "current_user")
                            .using("(owner = CURRENT_USER)").withCheck("(owner = CURRENT_USER)");
                    t.policy("deny").restrictive().using("false");
                })
                .toDatabase();

        assertEquals("""
                CREATE SCHEMA IF NOT EXISTS "My Schema";
                CREATE TABLE "My Schema"."select" (
                    owner text
                );
                ALTER TABLE "My Schema"."select" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "My Schema"."select" FORCE ROW LEVEL SECURITY;
                CREATE POLICY "own rows" ON "My Schema"."select" AS PERMISSIVE FOR UPDATE TO app_user, CURRENT_USER USING ((owner = CURRENT_USER)) WITH CHECK ((owner = CURRENT_USER));
                CREATE POLICY deny ON "My Schema"."select" AS RESTRICTIVE FOR ALL TO PUBLIC USING (false);
                """, MigrationPlanner.baseline(db).sql());
    }

    @Test
    void addedColumnsAndDroppedColumnWithoutAllowDrops() {
        Database actual = Schema.named("public").table("t", t -> {
            t.column("id", integer());
            t.column("legacy", text());
        }).toDatabase();
        Database expected = Schema.named("public").table("t", t -> {
            t.column("id", integer());
            t.column("code", varchar(20)).notNull();
            t.column("n", bigserial());
        }).toDatabase();

        MigrationPlan plan = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);

        assertEquals("""
                ALTER TABLE public.t ADD COLUMN code character varying(20) NOT NULL;
                ALTER TABLE public.t ADD COLUMN n bigserial NOT NULL;
                """, plan.sql());
        assertEquals(java.util.Set.of(Hazard.MAY_FAIL_ON_EXISTING_ROWS), plan.statements().get(0).hazards());
        assertEquals(1, plan.skipped().size());
        assertEquals("ALTER TABLE public.t DROP COLUMN legacy", plan.skipped().get(0).sql());
        assertTrue(plan.skippedSummary().contains("drop column public.t.legacy"), plan.skippedSummary());
        assertEquals("ALTER TABLE public.t DROP COLUMN legacy;\n" + plan.sql(),
                MigrationPlanner.plan(expected, actual, PlanOptions.ALLOW_DROPS).sql());
    }

    @Test
    void identityOptionsAreRenderedOnlyWhenSet() {
        assertEquals("GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 10 CYCLE)",
                DdlRenderer.identityClause(new dev.schemaguard.model.Identity(
                        dev.schemaguard.model.Identity.Generation.BY_DEFAULT,
                        new dev.schemaguard.model.SequenceOptions(100L, 10L, null, null, null, true))));
    }

    @Test
    void wideningTypeChanges() {
        assertTrue(DdlTypeChanges.isWidening(integer(), bigint()));
        assertTrue(DdlTypeChanges.isWidening(serial(), bigint()));
        assertTrue(DdlTypeChanges.isWidening(varchar(10), varchar(20)));
        assertTrue(DdlTypeChanges.isWidening(varchar(10), text()));
        assertTrue(DdlTypeChanges.isWidening(character(3), varchar(3)));
        assertTrue(DdlTypeChanges.isWidening(numeric(10, 2), numeric(12, 2)));
        assertTrue(DdlTypeChanges.isWidening(numeric(10, 2), numeric()));
        assertTrue(DdlTypeChanges.isWidening(type("timestamp(3)"), timestamp()));
        assertTrue(DdlTypeChanges.isWidening(arrayOf(varchar(5)), arrayOf(text())));
        assertTrue(!DdlTypeChanges.isWidening(bigint(), integer()));
        assertTrue(!DdlTypeChanges.isWidening(varchar(20), varchar(10)));
        assertTrue(!DdlTypeChanges.isWidening(text(), varchar(10)));
        assertTrue(DdlTypeChanges.isWidening(numeric(10, 2), numeric(12, 3)), "8 integer and 2 fraction digits fit 9 and 3");
        assertTrue(!DdlTypeChanges.isCoercibleWithoutRewrite(numeric(10, 2), numeric(12, 3)), "a new scale rewrites");
        assertTrue(!DdlTypeChanges.isWidening(numeric(10, 2), numeric(10, 3)), "one integer digit fewer");
        assertTrue(!DdlTypeChanges.isWidening(numeric(10, 2), numeric(12, 1)), "one fraction digit fewer");
        assertTrue(!DdlTypeChanges.isWidening(integer(), numeric(5, 0)));
        assertTrue(!DdlTypeChanges.isWidening(text(), arrayOf(text())));
        assertTrue(DdlTypeChanges.isCoercibleWithoutRewrite(varchar(10), text()));
        assertTrue(!DdlTypeChanges.isCoercibleWithoutRewrite(integer(), bigint()));
    }
    @Test
    void baselineOrdersObjectsBesideTablesByWhatTheyNeed() {
        Database db = Database.of(List.of(Schema.named("app")
                .enumType("state", "new", "done")
                .domain(new Domain("qty", integer(), true, "1", null, List.of(new CheckConstraint("qty_check", "VALUE > 0", false, false, null)), null, java.util.Map.of(), null))
                .sequence(new Sequence("job_ids", bigint(), new SequenceOptions(10L, null, null, null, null, false), "jobs", "id", null))
                .routine(new Routine("stamp", "", Routine.Kind.FUNCTION,
                        "CREATE FUNCTION app.stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$", "stamps"))
                .view("done_jobs", "SELECT id FROM app.open_jobs WHERE false")
                .view("open_jobs", "SELECT id FROM app.jobs WHERE state = 'new'::app.state")
                .table("jobs", t -> {
                    t.column("id", bigint()).notNull().defaultValue("nextval('app.job_ids'::regclass)");
                    t.column("state", DataType.userDefined("app", "state"));
                    t.column("qty", DataType.userDefined("app", "qty"));
                    t.column("during", type("tstzrange"));
                    t.exclude("jobs_during_excl", "EXCLUDE USING gist (during WITH &&)");
                    t.trigger("jobs_stamp", "CREATE TRIGGER jobs_stamp BEFORE UPDATE ON app.jobs FOR EACH ROW EXECUTE FUNCTION app.stamp()");
                    t.partitionBy(Partitioning.Strategy.LIST, "state");
                })
                .table("jobs_new", t -> t.partitionOf("jobs", "FOR VALUES IN ('new')"))
                .build())).withExtensions(List.of(new Extension("pg_trgm", "app", null)));

        assertEquals("""
                SET LOCAL check_function_bodies = off;
                CREATE SCHEMA IF NOT EXISTS app;
                CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA app;
                CREATE TYPE app.state AS ENUM ('new', 'done');
                CREATE DOMAIN app.qty AS integer DEFAULT 1 NOT NULL CONSTRAINT qty_check CHECK (VALUE > 0);
                CREATE SEQUENCE app.job_ids AS bigint START WITH 10;
                CREATE OR REPLACE FUNCTION app.stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TABLE app.jobs (
                    id bigint DEFAULT nextval('app.job_ids'::regclass) NOT NULL,
                    state app.state,
                    qty app.qty,
                    during tstzrange,
                    CONSTRAINT jobs_during_excl EXCLUDE USING gist (during WITH &&)
                ) PARTITION BY LIST (state);
                CREATE TABLE app.jobs_new PARTITION OF app.jobs FOR VALUES IN ('new');
                ALTER SEQUENCE app.job_ids OWNED BY app.jobs.id;
                CREATE VIEW app.open_jobs AS
                SELECT id FROM app.jobs WHERE state = 'new'::app.state;
                CREATE VIEW app.done_jobs AS
                SELECT id FROM app.open_jobs WHERE false;
                CREATE TRIGGER jobs_stamp BEFORE UPDATE ON app.jobs FOR EACH ROW EXECUTE FUNCTION app.stamp();
                COMMENT ON FUNCTION app.stamp() IS 'stamps';
                """, MigrationPlanner.baseline(db).sql());
    }

    @Test
    void inheritingTablesAreCreatedAfterTheirParentsWithInherits() {
        Database db = Schema.named("app")
                .table("a_child", t -> {
                    t.column("kind", text()).notNull();
                    t.column("note", text());
                    t.check("kind = 'A'").named("kind_is_a");
                    t.inherits("z_base");
                    t.inherits(QualifiedName.of("other", "stamped"));
                })
                .table("z_base", t -> {
                    t.column("id", bigserial()).notNull();
                    t.column("kind", text()).notNull().defaultValue("'A'::text");
                })
                .table("z_empty_child", t -> t.inherits("a_child"))
                .toDatabase();
        assertEquals("""
                CREATE SCHEMA IF NOT EXISTS app;
                CREATE TABLE app.z_base (
                    id bigserial NOT NULL,
                    kind text DEFAULT 'A'::text NOT NULL
                );
                CREATE TABLE app.a_child (
                    kind text NOT NULL,
                    note text,
                    CONSTRAINT kind_is_a CHECK (kind = 'A')
                ) INHERITS (app.z_base, other.stamped);
                ALTER TABLE app.a_child ALTER COLUMN kind DROP DEFAULT;
                CREATE TABLE app.z_empty_child () INHERITS (app.a_child);
                """, MigrationPlanner.baseline(db).sql(), "kind declared without a default must not keep z_base's");
    }

    @Test
    void viewReplacedInPlaceOnlyWhenColumnsAreAppended() {
        assertTrue(DdlDefinitions.onlyAppendsColumns("SELECT a, b FROM t", "SELECT a, b, c FROM t"));
        assertTrue(DdlDefinitions.onlyAppendsColumns(" SELECT a,\n    b\n   FROM t;", "SELECT a, b, (c + 1) AS d FROM t"));
        assertTrue(!DdlDefinitions.onlyAppendsColumns("SELECT a, b FROM t", "SELECT b, a, c FROM t"));
        assertTrue(!DdlDefinitions.onlyAppendsColumns("SELECT a, b FROM t", "SELECT a, b, c FROM u"));
        assertTrue(!DdlDefinitions.onlyAppendsColumns("SELECT a FROM t", "SELECT a FROM t WHERE a > 1"));
    }

    @Test
    void routineHeaderCoversArgumentsAndResultOnly() {
        assertEquals(DdlDefinitions.routineHeader("CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$"),
                DdlDefinitions.routineHeader("CREATE OR REPLACE FUNCTION f(a integer)\n RETURNS integer\n LANGUAGE sql\n IMMUTABLE\nAS $$ SELECT 2 $$"));
        assertTrue(!DdlDefinitions.routineHeader("CREATE FUNCTION f(a integer) RETURNS integer AS $$ SELECT 1 $$ LANGUAGE sql")
                .equals(DdlDefinitions.routineHeader("CREATE FUNCTION f(a integer) RETURNS bigint AS $$ SELECT 1 $$ LANGUAGE sql")));
        assertTrue(!DdlDefinitions.routineHeader("CREATE FUNCTION f(a integer) RETURNS integer AS $$ SELECT 1 $$ LANGUAGE sql")
                .equals(DdlDefinitions.routineHeader("CREATE FUNCTION f(b integer) RETURNS integer AS $$ SELECT 1 $$ LANGUAGE sql")));
    }
}
