package dev.schemaguard.sql;

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
        assertTrue(!DdlTypeChanges.isWidening(numeric(10, 2), numeric(12, 3)));
        assertTrue(!DdlTypeChanges.isWidening(integer(), numeric(5, 0)));
        assertTrue(!DdlTypeChanges.isWidening(text(), arrayOf(text())));
        assertTrue(DdlTypeChanges.isCoercibleWithoutRewrite(varchar(10), text()));
        assertTrue(!DdlTypeChanges.isCoercibleWithoutRewrite(integer(), bigint()));
    }
}
