package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.ForeignKey.ReferentialAction;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaBuilder;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;
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

import static dev.schemaguard.model.DataTypes.bigserial;
import static dev.schemaguard.model.DataTypes.integer;
import static dev.schemaguard.model.DataTypes.numeric;
import static dev.schemaguard.model.DataTypes.serial;
import static dev.schemaguard.model.DataTypes.text;
import static dev.schemaguard.model.DataTypes.type;
import static dev.schemaguard.testkit.ThrowawayDatabase.TEST_ROLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Introspects objects created with SQL and compares them with the same schema written in the DSL. */
class PostgresIntrospectorTest {

    private static final String SALES = "Sales Ö";
    /** 63 bytes: the longest name PostgreSQL keeps; its default constraint names get shortened. */
    private static final String LONG_NAME = "ü".repeat(29) + "_long";

    static Stream<Named<PostgresServer>> servers() {
        return TestPostgres.all().stream().map(server -> Named.of(server.label(), server));
    }

    private static final String SCRIPT = """
            create schema app;
            comment on schema app is 'application tables';
            create schema "Sales Ö";
            create type app.mood as enum ('happy', 'sad');
            create collation app.my_c from "C";
            create sequence app.shared_seq;

            create table app.customers (
                id serial primary key,
                email text not null,
                code varchar(255),
                name text collate "C",
                nickname text collate app.my_c,
                created_at timestamptz(3) not null default now(),
                balance numeric(10,2),
                tags text[],
                matrix int[][],
                mood app.mood,
                moods app.mood[],
                small int4 default 0,
                big_id bigserial,
                shared int default nextval('app.shared_seq'),
                "select" text,
                "Mixed Case" int,
                "has ""quote""\" text,
                "größe" int,
                unique (email)
            );
            comment on table app.customers is 'people who buy';
            comment on column app.customers.email is 'login, it''s lower-case';
            create index customers_lower_name_idx on app.customers (lower(name));
            create index customers_created_idx on app.customers (created_at desc nulls last, id nulls first);
            create index customers_code_pattern_idx on app.customers (code varchar_pattern_ops);
            create index customers_email_include_idx on app.customers (email) include (name, code);
            create index customers_positive_idx on app.customers (id) where balance > 0;
            create unique index customers_small_idx on app.customers (small);
            create index customers_tags_idx on app.customers using gin (tags);

            create table app.pairs (x int, y int, primary key (x, y));

            create table app.orders (
                id bigint generated always as identity (start with 100 increment by 10 cache 5),
                customer_id int not null references app.customers (id) on delete cascade,
                quantity int not null check (quantity > 0),
                price int not null,
                total int generated always as (quantity * price) stored,
                note text default 'none',
                x int default 7,
                y int,
                primary key (id),
                constraint orders_restrict_fkey foreign key (customer_id) references app.customers (id)
                    on update restrict on delete restrict,
                constraint orders_null_fkey foreign key (customer_id) references app.customers (id)
                    on update cascade on delete set null deferrable,
                constraint orders_default_fkey foreign key (x) references app.customers (id)
                    on update set default on delete set default deferrable initially deferred,
                constraint orders_pair_fkey foreign key (y, x) references app.pairs (y, x) match full,
                constraint orders_price_check check (price >= 0) no inherit,
                constraint orders_note_key unique (note, x) deferrable initially deferred,
                constraint orders_y_key unique (y) deferrable
            );
            alter table app.orders enable row level security;
            alter table app.orders force row level security;
            create policy orders_read on app.orders for select to postgres, schemainspect_test_role
                using (customer_id > 0);
            create policy orders_add on app.orders as restrictive for insert with check (quantity < 100);
            create policy orders_change on app.orders for update using (true) with check (price > 0);
            create policy orders_remove on app.orders for delete to public using (false);
            create policy orders_everything on app.orders;

            create table app.plain_ints (
                by_default int generated by default as identity,
                custom_step serial,
                plain int
            );
            alter sequence app.plain_ints_custom_step_seq increment by 2;

            create table "Sales Ö"."Order Lines" (
                "Line No" smallserial primary key,
                customer int references app.customers (id),
                "select" text
            );
            create table "Sales Ö"."LONG_NAME" (
                "LONG_NAME" int primary key check ("LONG_NAME" > 1)
            );
            create table "Sales Ö".excluded_kinds (
                a int,
                exclude using btree (a with =)
            );
            """.replace("LONG_NAME", LONG_NAME);

    private static final String NULLS_NOT_DISTINCT_SCRIPT = """
            create table app.versioned (
                a int,
                b int,
                constraint versioned_a_key unique nulls not distinct (a)
            );
            create unique index versioned_b_idx on app.versioned (b) nulls not distinct;
            """;

    /** The schema of {@link #SCRIPT}, written in the DSL. */
    private static Database expected(int majorVersion) {
        SchemaBuilder app = Schema.named("app").comment("application tables")
                .collation(Collation.libc("my_c", "C"))
                .enumType("mood", "happy", "sad")
                .sequence(Sequence.of("shared_seq"))
                .sequence(new Sequence("plain_ints_custom_step_seq", integer(),
                        new SequenceOptions(null, 2L, null, null, null, false), "plain_ints", "custom_step", null))
                .table("customers", t -> {
                    t.column("id", serial()).primaryKey();
                    t.column("email", text()).notNull().comment("login, it's lower-case");
                    t.column("code", type("varchar(255)"));
                    t.column("name", text()).collate("\"C\"");
                    t.column("nickname", text()).collate("app.my_c");
                    t.column("created_at", type("timestamptz(3)")).notNull().defaultValue("now()");
                    t.column("balance", numeric(10, 2));
                    t.column("tags", type("text[]"));
                    t.column("matrix", type("int[][]"));
                    t.column("mood", DataType.userDefined("app", "mood"));
                    t.column("moods", DataType.userDefined("app", "mood").asArray());
                    t.column("small", type("int4")).defaultValue("0");
                    t.column("big_id", bigserial());
                    t.column("shared", integer()).defaultValue("nextval('app.shared_seq'::regclass)");
                    t.column("select", text());
                    t.column("Mixed Case", integer());
                    t.column("has \"quote\"", text());
                    t.column("größe", integer());
                    t.unique("email");
                    t.index(IndexKey.expression("lower(name)")).named("customers_lower_name_idx");
                    t.index(IndexKey.column("created_at").desc().nullsFirst(false), IndexKey.column("id").nullsFirst(true))
                            .named("customers_created_idx");
                    t.index(IndexKey.column("code").withOpclass("varchar_pattern_ops")).named("customers_code_pattern_idx");
                    t.index("email").include("name", "code").named("customers_email_include_idx");
                    t.index("id").where("balance > (0)::numeric").named("customers_positive_idx");
                    t.index("small").unique().named("customers_small_idx");
                    t.index("tags").using("gin").named("customers_tags_idx");
                    t.comment("people who buy");
                })
                .table("orders", t -> {
                    t.column("id", type("bigint")).identity(new Identity(Identity.Generation.ALWAYS,
                            new SequenceOptions(100L, 10L, null, null, 5L, false)));
                    t.column("customer_id", integer()).notNull();
                    t.column("quantity", integer()).notNull();
                    t.column("price", integer()).notNull();
                    t.column("total", integer()).generatedAs("quantity * price");
                    t.column("note", text()).defaultValue("'none'::text");
                    t.column("x", integer()).defaultValue("7");
                    t.column("y", integer());
                    t.primaryKey("id");
                    t.foreignKey("customer_id").references("customers", "id").onDelete(ReferentialAction.CASCADE);
                    t.check("quantity > 0");
                    t.foreignKey("customer_id").references("customers", "id").named("orders_restrict_fkey")
                            .onUpdate(ReferentialAction.RESTRICT).onDelete(ReferentialAction.RESTRICT);
                    t.foreignKey("customer_id").references("customers", "id").named("orders_null_fkey")
                            .onUpdate(ReferentialAction.CASCADE).onDelete(ReferentialAction.SET_NULL).deferrable();
                    t.foreignKey("x").references("customers", "id").named("orders_default_fkey")
                            .onUpdate(ReferentialAction.SET_DEFAULT).onDelete(ReferentialAction.SET_DEFAULT)
                            .initiallyDeferred();
                    t.foreignKey("y", "x").references("pairs", "y", "x").named("orders_pair_fkey").matchFull();
                    t.check("price >= 0").named("orders_price_check").noInherit();
                    t.unique("note", "x").named("orders_note_key").initiallyDeferred();
                    t.unique("y").named("orders_y_key").deferrable();
                    t.rowLevelSecurity().forceRowLevelSecurity();
                    t.policy("orders_read").forCommand(Policy.Command.SELECT).to("postgres", TEST_ROLE)
                            .using("customer_id > 0");
                    t.policy("orders_add").restrictive().forCommand(Policy.Command.INSERT).withCheck("quantity < 100");
                    t.policy("orders_change").forCommand(Policy.Command.UPDATE).using("true").withCheck("price > 0");
                    t.policy("orders_remove").forCommand(Policy.Command.DELETE).using("false");
                    t.policy("orders_everything");
                })
                .table("pairs", t -> {
                    t.column("x", integer()).notNull();
                    t.column("y", integer()).notNull();
                    t.primaryKey("x", "y");
                })
                .table("plain_ints", t -> {
                    t.column("by_default", integer()).identityByDefault();
                    t.column("custom_step", integer()).notNull()
                            .defaultValue("nextval('app.plain_ints_custom_step_seq'::regclass)");
                    t.column("plain", integer());
                });
        if (majorVersion >= 15) {
            app.table("versioned", t -> {
                t.column("a", integer());
                t.column("b", integer());
                t.unique("a").nullsNotDistinct();
                t.index("b").unique().nullsNotDistinct().named("versioned_b_idx");
            });
        }
        Schema sales = Schema.named(SALES)
                .table("Order Lines", t -> {
                    t.column("Line No", type("smallserial")).primaryKey();
                    t.column("customer", integer());
                    t.column("select", text());
                    t.foreignKey("customer").references(QualifiedName.of("app", "customers"), "id");
                })
                .table("excluded_kinds", t -> {
                    t.column("a", integer());
                    t.exclude("excluded_kinds_a_excl", "EXCLUDE USING btree (a WITH =)");
                })
                .table(LONG_NAME, t -> {
                    t.column(LONG_NAME, integer()).notNull().primaryKey();
                    t.check("\"" + LONG_NAME + "\" > 1");
                })
                .build();
        return Database.of(app.build(), sales);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void introspectedModelEqualsTheSameSchemaWrittenInTheDsl(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(SCRIPT);
            if (server.majorVersion() >= 15) {
                db.execute(NULLS_NOT_DISTINCT_SCRIPT);
            }
            IntrospectionResult report;
            try (Connection connection = db.connect()) {
                report = new PostgresIntrospector(IntrospectionOptions.only("app", SALES)).introspectWithReport(connection);
            }
            Database actual = report.database();
            Database expected = expected(server.majorVersion());
            assertEquals(List.of(), report.unsupported(), "everything in the script is in the model");

            SchemaDiff diff = SchemaDiff.compare(expected, actual);
            assertTrue(diff.isEmpty(), () -> "differences on " + server.label() + ":\n"
                    + String.join("\n", diff.changes().stream().map(Object::toString).toList()));
            assertEquals(List.of(SALES, "app"), actual.schemas().stream().map(Schema::name).toList(),
                    "schemas in byte order of their names (\"S\" < \"a\"), public left out by the filter");

            Table customers = table(actual, "app", "customers");
            assertEquals(expected.table(QualifiedName.of("app", "customers")).orElseThrow().columns(), customers.columns(),
                    "every column field, exactly as written in the DSL");
            assertEquals(serial(), column(customers, "id").type());
            assertNull(column(customers, "id").defaultExpression(), "serial hides its nextval() default");
            assertEquals(new DataType(null, "integer", List.of(), 2), column(customers, "matrix").type());
            assertEquals(new DataType("app", "mood", List.of(), 1), column(customers, "moods").type());
            assertEquals(new DataType(null, "timestamp with time zone", List.of("3"), 0), column(customers, "created_at").type());
            assertEquals(new DataType(null, "character varying", List.of("255"), 0), column(customers, "code").type());
            assertEquals("\"C\"", column(customers, "name").collation());
            assertEquals("app.my_c", column(customers, "nickname").collation());
            assertNull(column(customers, "email").collation(), "the type's own collation is not reported");
            assertEquals(List.of("customers_code_pattern_idx", "customers_created_idx", "customers_email_include_idx",
                            "customers_lower_name_idx", "customers_positive_idx", "customers_small_idx", "customers_tags_idx"),
                    customers.indexes().stream().map(Index::name).toList(),
                    "indexes by name, without customers_pkey and customers_email_key, which back constraints");
            Index created = customers.index("customers_created_idx").orElseThrow();
            assertEquals(List.of(new IndexKey("created_at", null, true, false, null), new IndexKey("id", null, false, true, null)),
                    created.keys());
            assertEquals("lower(name)", customers.index("customers_lower_name_idx").orElseThrow().keys().get(0).expression());
            assertEquals(List.of("name", "code"), customers.index("customers_email_include_idx").orElseThrow().include());
            assertEquals("gin", customers.index("customers_tags_idx").orElseThrow().method());

            Table orders = table(actual, "app", "orders");
            Column id = column(orders, "id");
            assertEquals(new Identity(Identity.Generation.ALWAYS, new SequenceOptions(100L, 10L, null, null, 5L, false)),
                    id.identity());
            assertFalse(id.nullable());
            assertEquals("(quantity * price)", column(orders, "total").generatedExpression());
            assertNull(column(orders, "total").defaultExpression());
            assertEquals(new RowSecurity(true, true), orders.rowSecurity());
            assertEquals(List.of("orders_add", "orders_change", "orders_everything", "orders_read", "orders_remove"),
                    orders.policies().stream().map(Policy::name).toList());
            Policy read = orders.policies().get(3);
            assertEquals(List.of("postgres", TEST_ROLE), read.roles());
            assertEquals(Policy.Command.SELECT, read.command());
            assertEquals(List.of(), orders.policies().get(4).roles(), "TO public is the empty role list");
            assertFalse(orders.policies().get(0).permissive());
            ForeignKey pair = orders.foreignKeys().stream().filter(f -> f.name().equals("orders_pair_fkey")).findFirst().orElseThrow();
            assertEquals(List.of("y", "x"), pair.columns());
            assertEquals(List.of("y", "x"), pair.referencedColumns());
            assertEquals(ForeignKey.MatchType.FULL, pair.match());
            ForeignKey setDefault = orders.foreignKeys().stream().filter(f -> f.name().equals("orders_default_fkey")).findFirst().orElseThrow();
            assertEquals(ReferentialAction.SET_DEFAULT, setDefault.onUpdate());
            assertTrue(setDefault.deferrable() && setDefault.initiallyDeferred());
            assertEquals(new UniqueConstraint("orders_note_key", List.of("note", "x"), false, true, true, null),
                    orders.uniqueConstraints().get(0));
            assertTrue(orders.checkConstraints().stream().anyMatch(c -> c.name().equals("orders_price_check") && c.noInherit()));

            Table plain = table(actual, "app", "plain_ints");
            assertEquals(integer(), column(plain, "custom_step").type(),
                    "a serial whose sequence no longer has the default options stays an integer");
            assertEquals("nextval('app.plain_ints_custom_step_seq'::regclass)", column(plain, "custom_step").defaultExpression());
            assertEquals(Identity.byDefault(), column(plain, "by_default").identity());

            Table lines = table(actual, SALES, "Order Lines");
            assertEquals(type("smallserial"), column(lines, "Line No").type());
            assertEquals(QualifiedName.of("app", "customers"), lines.foreignKeys().get(0).referencedTable());
            Table longNamed = table(actual, SALES, LONG_NAME);
            assertEquals(63, longNamed.name().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            assertEquals(List.of(new ExclusionConstraint("excluded_kinds_a_excl", "EXCLUDE USING btree (a WITH =)", null)),
                    table(actual, SALES, "excluded_kinds").constraints());
            assertTrue(table(actual, SALES, "excluded_kinds").indexes().isEmpty(),
                    "the index behind the exclusion constraint is part of the constraint");

            if (server.majorVersion() >= 15) {
                Table versioned = table(actual, "app", "versioned");
                assertTrue(versioned.uniqueConstraints().get(0).nullsNotDistinct());
                assertTrue(versioned.indexes().get(0).nullsNotDistinct());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void schemaFiltersAndSystemSchemas(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute("create schema app; create schema other; create table app.a (id int); create table other.b (id int);"
                    + " create table public.c (id int); create temporary table t (id int);");
            assertEquals(List.of("app", "other", "public"), schemaNames(introspect(db, IntrospectionOptions.ALL)),
                    "no pg_catalog, information_schema, pg_toast or pg_temp_*");
            assertEquals(List.of("other"), schemaNames(introspect(db, IntrospectionOptions.only("other"))));
            assertEquals(List.of("app", "public"),
                    schemaNames(introspect(db, IntrospectionOptions.ALL.excluding("other"))));
            assertEquals(List.of("app"),
                    schemaNames(introspect(db, IntrospectionOptions.only("app", "other").excluding("other"))));
            Database all = introspect(db, IntrospectionOptions.ALL);
            assertTrue(all.table(QualifiedName.of("other", "b")).isPresent());
            assertEquals(3, all.tableCount());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void namesTheColumnsOfAForeignKeyToATableOutsideTheIncludedSchemas(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(SCRIPT);
            db.execute("""
                    create table app.pairs_wide (p int, q int, r int, primary key (r, p));
                    alter table app.pairs_wide drop column q;
                    create table "Sales Ö".wide_refs (a int, b int, foreign key (b, a) references app.pairs_wide (p, r));
                    """);
            Database salesOnly = introspect(db, IntrospectionOptions.only(SALES));
            Table lines = table(salesOnly, SALES, "Order Lines");
            assertEquals(List.of("Line No"), lines.primaryKey().columns());
            ForeignKey customer = lines.foreignKeys().get(0);
            assertEquals(QualifiedName.of("app", "customers"), customer.referencedTable());
            assertEquals(List.of("customer"), customer.columns());
            assertEquals(List.of("id"), customer.referencedColumns(), "named although app is not read");
            ForeignKey wide = table(salesOnly, SALES, "wide_refs").foreignKeys().get(0);
            assertEquals(List.of("b", "a"), wide.columns(), "key order, not column order");
            assertEquals(List.of("p", "r"), wide.referencedColumns(), "past a dropped column, in key order");
            Database both = introspect(db, IntrospectionOptions.only("app", SALES));
            assertEquals(List.of("p", "r"), table(both, SALES, "wide_refs").foreignKeys().get(0).referencedColumns(),
                    "the same when the referenced table is read too");
            assertEquals(List.of("r", "p"), table(both, "app", "pairs_wide").primaryKey().columns());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void worksInsideAReadOnlyTransactionAndKeepsTheSearchPath(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(SCRIPT);
            Database outside = introspect(db, IntrospectionOptions.only("app", SALES));
            try (Connection connection = db.connect()) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                connection.createStatement().execute("set search_path = app, public");
                Database inside = new PostgresIntrospector(IntrospectionOptions.only("app", SALES)).introspect(connection);
                try (var rs = connection.createStatement().executeQuery(
                        "select current_setting('transaction_read_only'), current_setting('search_path')")) {
                    rs.next();
                    assertEquals("on", rs.getString(1));
                    assertEquals("app, public", rs.getString(2));
                }
                connection.rollback();
                assertEquals(outside.schemas().stream().map(Schema::tables).map(List::size).toList(),
                        inside.schemas().stream().map(Schema::tables).map(List::size).toList());
                assertEquals("nextval('plain_ints_custom_step_seq'::regclass)",
                        column(table(inside, "app", "plain_ints"), "custom_step").defaultExpression(),
                        "expressions are spelled for the session's search_path");
                assertEquals(serial(), column(table(inside, "app", "customers"), "id").type());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void leavesOutObjectsOwnedByExtensions(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            try {
                db.execute("create extension if not exists pg_trgm");
            } catch (SQLException e) {
                assumeTrue(false, "pg_trgm is not available on " + server.label() + ", so this case cannot be set up: "
                        + e.getMessage());
            }
            db.execute("""
                    create schema app;
                    create schema ext_owned;
                    create table app.kept (name text);
                    create index kept_trgm_idx on app.kept using gin (name public.gin_trgm_ops);
                    create table app.ext_table (id int);
                    alter extension pg_trgm add table app.ext_table;
                    alter extension pg_trgm add schema ext_owned;
                    """);
            Database actual = introspect(db, IntrospectionOptions.ALL.excluding("public"));
            assertEquals(List.of("app"), schemaNames(actual), "the extension's schema is left out");
            Table kept = table(actual, "app", "kept");
            assertEquals(List.of("kept"), actual.schema("app").orElseThrow().tables().stream().map(Table::name).toList(),
                    "the extension's table is left out");
            assertEquals("public.gin_trgm_ops", kept.indexes().get(0).keys().get(0).opclass());
            assertEquals("gin", kept.indexes().get(0).method());
        }
    }

    private static Database introspect(ThrowawayDatabase db, IntrospectionOptions options) throws SQLException {
        try (Connection connection = db.connect()) {
            return new PostgresIntrospector(options).introspect(connection);
        }
    }

    private static List<String> schemaNames(Database database) {
        return database.schemas().stream().map(Schema::name).toList();
    }

    private static Table table(Database database, String schema, String name) {
        return database.table(QualifiedName.of(schema, name))
                .orElseThrow(() -> new AssertionError("table " + schema + "." + name + " was not introspected"));
    }

    private static Column column(Table table, String name) {
        return table.column(name).orElseThrow(() -> new AssertionError("column " + name + " of " + table.name() + " missing"));
    }
}
