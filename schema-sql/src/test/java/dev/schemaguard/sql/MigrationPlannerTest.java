package dev.schemaguard.sql;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.schemaguard.sql.PlanTesting.apply;
import static dev.schemaguard.sql.PlanTesting.strings;
import static dev.schemaguard.model.DataTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plans between two DSL models, applied to real PostgreSQL: the baseline of {@code actual} first, then the plan
 * towards {@code expected}. Checks that the SQL runs and that the catalog shows the expected result.
 */
class MigrationPlannerTest {

    private static final String LONG_NAME = "ä".repeat(31) + "x"; // 63 bytes in UTF-8

    /** Quoted identifiers everywhere, a foreign key cycle and every kind of object, on every configured server. */
    static Database awkward() {
        return Schema.named("Sales Data")
                .comment("schema's comment")
                .table("Order Items", t -> {
                    t.column("id", bigint()).identity(new Identity(Identity.Generation.BY_DEFAULT,
                            new SequenceOptions(100L, 10L, null, null, 5L, false))).primaryKey();
                    t.column("select", integer()).notNull();
                    t.column("naïve", text()).collate("C").defaultValue("'x'::text").comment("back\\slash and 'quote'");
                    t.column("doubled", integer()).generatedAs("(\"select\" * 2)");
                    t.column("n", serial());
                    t.foreignKey("select").references("select", "Key").named("items → select");
                    t.unique("select", "n").named("uq \"items\"").deferrable();
                    t.check("(\"select\" > 0)").named("select positive");
                    t.index(IndexKey.expression("lower(\"naïve\")"), IndexKey.column("id").desc().nullsFirst(false))
                            .named("Items Lower").where("(\"select\" > 1)");
                    t.index("naïve").include("select").named("ö".repeat(31) + "y");
                    t.rowLevelSecurity();
                    t.policy("everyone reads").to("public").using("true");
                    t.comment("items");
                })
                .table("select", t -> {
                    t.column("Key", integer()).primaryKey();
                    t.column("first item", bigint());
                    t.foreignKey("first item").references("Order Items", "id").initiallyDeferred();
                })
                .table(LONG_NAME, t -> t.column(LONG_NAME, uuid()).primaryKey())
                .toDatabase();
    }

    @Test
    void baselineWithCycleAndQuotedNamesRunsOnEveryServer() throws SQLException {
        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(awkward()));

                assertEquals(List.of("Order Items", "select", LONG_NAME),
                        strings(db, "select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                                + " where nspname = 'Sales Data' and relkind = 'r' order by relname"), server.label());
                assertEquals(List.of("items → select", "select positive", "uq \"items\""),
                        strings(db, "select conname from pg_constraint where conrelid = '\"Sales Data\".\"Order Items\"'::regclass"
                                + " and contype <> 'p' order by conname"), server.label());
                assertEquals(List.of("back\\slash and 'quote'"),
                        strings(db, "select col_description('\"Sales Data\".\"Order Items\"'::regclass, 3)"));
            }
        }
    }

    @Test
    void droppingTablesOthersReferenceDropsTheForeignKeysFirst() throws SQLException {
        Database actual = Schema.named("public")
                .table("a", t -> {
                    t.column("id", integer()).primaryKey();
                    t.column("b_id", integer()).references("b", "id");
                })
                .table("b", t -> {
                    t.column("id", integer()).primaryKey();
                    t.column("a_id", integer()).references("a", "id");
                })
                .table("c", t -> {
                    t.column("id", integer()).primaryKey();
                    t.column("a_id", integer()).references("a", "id");
                })
                .toDatabase();
        Database expected = Schema.named("public")
                .table("c", t -> {
                    t.column("id", integer()).primaryKey();
                    t.column("a_id", integer());
                })
                .toDatabase();

        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            apply(db, MigrationPlanner.baseline(actual));
            db.execute("insert into a values (1, null); insert into b values (1, 1); update a set b_id = 1; insert into c values (1, 1)");

            MigrationPlan safe = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
            assertEquals(List.of("DROP TABLE public.a", "DROP TABLE public.b"), safe.skipped().stream().map(PlanStatement::sql).toList());
            MigrationPlan plan = MigrationPlanner.plan(expected, actual, PlanOptions.ALLOW_DROPS);
            assertTrue(plan.skipped().isEmpty());
            apply(db, plan);

            assertEquals(List.of("c"), strings(db, "select relname from pg_class where relnamespace = 'public'::regnamespace"
                    + " and relkind = 'r' order by 1"));
            assertEquals(List.of("1"), strings(db, "select a_id::text from c"));
        }
    }

    /** migra's "seq" fixture: each column keeps its sequence and values; only ownership and type change. */
    @Test
    void sequenceOwnershipChangesInPlace() throws SQLException {
        Database actual = Schema.named("public")
                .sequence(Sequence.of("drawn_id_seq"))
                .table("owned", t -> t.column("id", serial()).primaryKey())
                .table("drawn", t -> t.column("id", integer()).defaultValue("nextval('drawn_id_seq'::regclass)").primaryKey())
                .toDatabase();
        Database expected = Schema.named("public")
                .sequence(Sequence.of("owned_id_seq"))
                .table("owned", t -> t.column("id", integer()).defaultValue("nextval('owned_id_seq'::regclass)").primaryKey())
                .table("drawn", t -> t.column("id", serial()).primaryKey())
                .toDatabase();

        MigrationPlan plan = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
        assertEquals(List.of(
                        "ALTER SEQUENCE public.drawn_id_seq AS integer",
                        "ALTER SEQUENCE public.owned_id_seq AS bigint",
                        "ALTER SEQUENCE public.drawn_id_seq OWNED BY public.drawn.id",
                        "ALTER SEQUENCE public.owned_id_seq OWNED BY NONE"),
                plan.statements().stream().map(PlanStatement::sql).toList());
        assertTrue(plan.skipped().isEmpty(), plan.skippedSummary());

        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(actual));
                db.execute("insert into owned default values; insert into drawn default values");
                apply(db, plan);
                db.execute("insert into owned default values; insert into drawn default values");

                assertEquals(List.of("1", "2"), strings(db, "select id::text from owned order by id"), server.label());
                assertEquals(List.of("1", "2"), strings(db, "select id::text from drawn order by id"), server.label());
                assertEquals(List.of("drawn_id_seq integer drawn.id", "owned_id_seq bigint -"), strings(db, """
                        select s.relname || ' ' || format_type(q.seqtypid, null) || ' '
                               || coalesce(t.relname || '.' || a.attname, '-')
                        from pg_class s join pg_sequence q on q.seqrelid = s.oid
                        left join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype = 'a'
                        left join pg_class t on t.oid = d.refobjid
                        left join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
                        where s.relkind = 'S' order by s.relname"""), server.label());
            }
        }
    }

    @Test
    void wideningTypeChangeKeepsDataAndDefault() throws SQLException {
        Database actual = Schema.named("public").table("t", t -> {
            t.column("id", integer()).primaryKey();
            t.column("qty", integer()).notNull().defaultValue("0");
            t.column("code", varchar(5));
            t.column("seq", serial());
            t.index("qty");
        }).toDatabase();
        Database expected = Schema.named("public").table("t", t -> {
            t.column("id", bigint()).primaryKey();
            t.column("qty", bigint()).notNull().defaultValue("1");
            t.column("code", text());
            t.column("seq", bigserial());
            t.index("qty");
        }).toDatabase();

        MigrationPlan plan = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
        assertTrue(plan.skipped().isEmpty(), plan.skippedSummary());
        assertEquals("""
                ALTER TABLE public.t ALTER COLUMN id TYPE bigint USING id::bigint;
                ALTER TABLE public.t ALTER COLUMN qty DROP DEFAULT;
                ALTER TABLE public.t ALTER COLUMN qty TYPE bigint USING qty::bigint;
                ALTER TABLE public.t ALTER COLUMN qty SET DEFAULT 1;
                ALTER TABLE public.t ALTER COLUMN code TYPE text USING code::text;
                ALTER TABLE public.t ALTER COLUMN seq TYPE bigint USING seq::bigint;
                ALTER SEQUENCE public.t_seq_seq AS bigint;
                """, plan.sql());

        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            apply(db, MigrationPlanner.baseline(actual));
            db.execute("insert into t values (1, 7, 'abc')");
            apply(db, plan);
            db.execute("select setval('t_seq_seq', 3000000000); insert into t (id) values (3000000000)");
            assertEquals(List.of("1 7 abc 1", "3000000000 1 null 3000000001"),
                    strings(db, "select id || ' ' || qty || ' ' || coalesce(code, 'null') || ' ' || seq from t order by id"));
        }
    }

    @Test
    void narrowingTypeChangeIsSkippedUnlessDropsAreAllowed() throws SQLException {
        Database actual = Schema.named("public").table("t", t -> {
            t.column("n", bigint()).defaultValue("5");
            t.column("name", varchar(20)).comment("old");
        }).toDatabase();
        Database expected = Schema.named("public").table("t", t -> {
            t.column("n", integer()).defaultValue("5");
            t.column("name", varchar(5)).comment("new");
        }).toDatabase();

        MigrationPlan safe = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
        assertEquals("COMMENT ON COLUMN public.t.name IS 'new';\n", safe.sql());
        assertEquals(List.of(
                        "ALTER TABLE public.t ALTER COLUMN n TYPE integer USING n::integer",
                        "ALTER TABLE public.t ALTER COLUMN name TYPE character varying(5) USING name::character varying(5)"),
                safe.skipped().stream().map(PlanStatement::sql).toList());
        assertTrue(safe.skipped().stream().allMatch(s -> s.has(Hazard.DELETES_DATA)));

        MigrationPlan all = MigrationPlanner.plan(expected, actual, PlanOptions.ALLOW_DROPS);
        assertTrue(all.skipped().isEmpty());
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            apply(db, MigrationPlanner.baseline(actual));
            db.execute("insert into t values (42, 'short')");
            apply(db, safe);
            apply(db, all);
            assertEquals(List.of("integer 5", "character varying 5"), strings(db,
                    "select data_type || ' ' || coalesce(character_maximum_length, column_default::int)"
                            + " from information_schema.columns where table_name = 't' order by ordinal_position"));
        }
    }

    @Test
    void foreignKeysAreRecreatedWhenTheKeyTheyReferenceChanges() throws SQLException {
        Database actual = Schema.named("public")
                .table("parent", t -> {
                    t.column("id", integer()).primaryKey();
                    t.column("code", text()).notNull().unique();
                })
                .table("child", t -> {
                    t.column("parent_id", integer()).references("parent", "id");
                    t.column("parent_code", text()).references("parent", "code");
                })
                .toDatabase();
        Database expected = Schema.named("public")
                .table("parent", t -> {
                    t.column("id", integer());
                    t.column("code", text()).notNull();
                    t.primaryKey("id").named("parent_id_pk");
                    t.unique("code").named("parent_code_key").nullsNotDistinct();
                })
                .table("child", t -> {
                    t.column("parent_id", integer()).references("parent", "id");
                    t.column("parent_code", text()).references("parent", "code");
                })
                .toDatabase();

        MigrationPlan plan = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
        // the unique key changes (NULLS NOT DISTINCT): the foreign key on it goes and comes back around it; the primary
        // key differs only by its name: renamed, and the foreign key on it stays
        assertEquals("""
                ALTER TABLE public.parent RENAME CONSTRAINT parent_pkey TO parent_id_pk;
                ALTER TABLE public.child DROP CONSTRAINT child_parent_code_fkey;
                ALTER TABLE public.parent DROP CONSTRAINT parent_code_key;
                ALTER TABLE public.parent ADD CONSTRAINT parent_code_key UNIQUE NULLS NOT DISTINCT (code);
                ALTER TABLE public.child ADD CONSTRAINT child_parent_code_fkey FOREIGN KEY (parent_code) REFERENCES public.parent (code);
                """, plan.sql());

        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            apply(db, MigrationPlanner.baseline(actual));
            db.execute("insert into parent values (1, 'a'); insert into child values (1, 'a')");
            apply(db, plan);
            assertEquals(List.of("child_parent_code_fkey", "child_parent_id_fkey", "parent_code_key", "parent_id_pk"),
                    strings(db, "select conname from pg_constraint where connamespace = 'public'::regnamespace order by 1"));
        }
    }

    @Test
    void columnChangesOfEveryAspectRunOnEveryServer() throws SQLException {
        Database actual = Schema.named("public")
                .table("t", t -> {
                    t.column("id", integer()).notNull();
                    t.column("serial_to_int", serial());
                    t.column("int_to_serial", integer()).notNull();
                    t.column("ident", bigint()).identityAlways();
                    t.column("to_identity", bigint()).defaultValue("0");
                    t.column("nullable", text());
                    t.column("not_null", text()).notNull();
                    t.column("gen", integer()).generatedAs("(id * 2)");
                    t.column("gen_to_plain", integer()).generatedAs("(id * 3)");
                    t.column("label", text()).collate("C");
                    t.index("gen");
                    t.policy("p").using("(id > 0)").withCheck("(id > 0)");
                    t.policy("q").forCommand(dev.schemaguard.model.Policy.Command.SELECT).using("true");
                    t.rowLevelSecurity();
                })
                .toDatabase();
        Database expected = Schema.named("public")
                .table("t", t -> {
                    t.column("id", integer()).notNull().comment("the id");
                    t.column("serial_to_int", integer()).notNull();
                    t.column("int_to_serial", serial());
                    t.column("ident", bigint()).identity(new Identity(Identity.Generation.BY_DEFAULT,
                            new SequenceOptions(null, 5L, null, 1000L, null, true)));
                    t.column("to_identity", bigint()).identityByDefault();
                    t.column("nullable", text()).notNull().defaultValue("'n/a'::text");
                    t.column("not_null", text());
                    t.column("gen", integer()).generatedAs("(id * 4)");
                    t.column("gen_to_plain", integer());
                    t.column("label", text());
                    t.index("gen");
                    t.policy("p").to(ThrowawayDatabase.TEST_ROLE).using("(id > 1)");
                    t.policy("q").restrictive().forCommand(dev.schemaguard.model.Policy.Command.SELECT).using("true");
                    t.rowLevelSecurity().forceRowLevelSecurity();
                })
                .toDatabase();

        MigrationPlan safe = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
        assertTrue(safe.skipped().stream().anyMatch(s -> s.sql().contains("DROP COLUMN gen")), safe.skippedSummary());
        assertTrue(safe.skipped().stream().anyMatch(s -> s.sql().startsWith("CREATE INDEX t_gen_idx")), safe.skippedSummary());
        MigrationPlan plan = MigrationPlanner.plan(expected, actual, PlanOptions.ALLOW_DROPS);
        assertEquals(plan, MigrationPlanner.plan(expected, actual, PlanOptions.ALLOW_DROPS), "deterministic");

        String rows = "insert into t (id, int_to_serial, nullable, not_null, label) values (1, 10, 'x', 'y', 'z'),"
                + " (2, 20, 'x', 'y', 'z')";
        for (PostgresServer server : TestPostgres.all()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(actual));
                db.execute(rows);
                apply(db, safe);
            }
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                apply(db, MigrationPlanner.baseline(actual));
                db.execute(rows);
                apply(db, plan);
                db.execute("insert into t (id, ident, not_null, serial_to_int) values (3, 100, null, 0)");

                assertEquals(List.of("1 10 4 3", "2 20 8 6", "3 21 12 null"), strings(db,
                        "select id || ' ' || int_to_serial || ' ' || gen || ' ' || coalesce(gen_to_plain::text, 'null')"
                                + " from t order by id"), server.label());
                assertEquals(List.of("t_gen_idx"), strings(db, "select indexrelname from pg_stat_user_indexes"), server.label());
                assertEquals(List.of("true true"), strings(db,
                        "select relrowsecurity || ' ' || relforcerowsecurity from pg_class where relname = 't'"));
            }
        }
    }

    @Test
    void failingStatementIsNamedAndTheWholePlanRolledBack() throws SQLException {
        Database actual = Schema.named("public").table("t", t -> t.column("v", text())).toDatabase();
        Database expected = Schema.named("public").table("t", t -> {
            t.column("v", text()).notNull();
            t.column("w", integer());
        }).toDatabase();

        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            apply(db, MigrationPlanner.baseline(actual));
            db.execute("insert into t values (null)");
            MigrationPlan plan = MigrationPlanner.plan(expected, actual, PlanOptions.SAFE);
            try (Connection connection = db.connect()) {
                PlanExecutor.StatementFailedException failure = assertThrows(PlanExecutor.StatementFailedException.class,
                        () -> PlanExecutor.apply(connection, plan));
                assertEquals("ALTER TABLE public.t ALTER COLUMN v SET NOT NULL", failure.statement().sql());
                assertTrue(failure.getMessage().contains("forbid nulls in public.t.v"), failure.getMessage());
                assertTrue(failure.getMessage().contains("contains null values"), failure.getMessage());
                assertTrue(connection.getAutoCommit());
            }
            assertEquals(List.of("v"), strings(db, "select attname from pg_attribute where attrelid = 't'::regclass and attnum > 0"));
        }
    }
}
