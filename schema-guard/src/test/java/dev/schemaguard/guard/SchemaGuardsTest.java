package dev.schemaguard.guard;

import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaGuardsTest {

    @Test
    void passesWhenEverythingRequiredExistsSpelledWithAliases() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary()); Connection connection = db.connect()) {
            db.execute(Shop.FULL);
            SchemaRequirements requirements = SchemaGuards.on(connection)
                    .requireTables("customers", "public.orders")
                    .requireColumns("orders", "id int8", "total decimal(10, 2)", "created_at timestamptz", "customer_id")
                    .requireIndex("orders", "orders_created_at_idx")
                    .requireIndex("orders", "orders_pkey");
            assertEquals(java.util.List.of(), requirements.missing());
            requirements.check();
        }
    }

    @Test
    void listsEveryMissingTableColumnTypeAndIndexInOneException() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary()); Connection connection = db.connect()) {
            db.execute("CREATE TABLE orders (id integer PRIMARY KEY, created_at timestamptz);");
            MissingSchemaException failure = assertThrows(MissingSchemaException.class, () -> SchemaGuards.on(connection)
                    .forMigration("V3__add_reporting_index")
                    .requireTables("customers", "orders")
                    .requireColumns("customers", "id bigint")
                    .requireColumns("orders", "id bigint", "total numeric(10,2)", "created_at timestamp with time zone")
                    .requireIndex("orders", "orders_created_at_idx")
                    .check());
            assertEquals("""
                    V3__add_reporting_index stopped before changing anything: required schema objects are missing:
                      - missing table public.customers (required columns: id bigint)
                      - column public.orders.id is integer, expected bigint
                      - missing column public.orders.total numeric(10,2)
                      - missing index orders_created_at_idx on public.orders
                    Fix: run `schemaguard fix --db $DATABASE_URL --expected schema.yaml` and apply its SQL (or apply the baseline), then run the migration again.""",
                    failure.getMessage());
            assertEquals(4, failure.missing().size());
            assertEquals(new MissingObject.MissingIndex(QualifiedName.of("public", "orders"), "orders_created_at_idx"),
                    failure.missing().get(3));
        }
    }

    @Test
    void resolvesUnqualifiedNamesInTheCurrentSchemaAndReadsQuotedNames() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary()); Connection connection = db.connect()) {
            db.execute("CREATE SCHEMA app; CREATE TABLE app.\"Order Lines\" (\"Line No\" smallint, note varchar(20));"
                    + " CREATE TABLE public.notes (id int);");
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET search_path = app");
            }
            SchemaGuards.on(connection)
                    .requireColumns("\"Order Lines\"", "\"Line No\" int2", "note character varying(20)")
                    .requireTables("public.notes")
                    .check();
            MissingSchemaException failure = assertThrows(MissingSchemaException.class,
                    () -> SchemaGuards.on(connection).fixHint("Apply db/baseline.sql first.").requireTables("notes").check());
            assertEquals("Required schema objects are missing:\n  - missing table app.notes\nApply db/baseline.sql first.",
                    failure.getMessage());
        }
    }

    @Test
    void readsTheDatabaseWithTheSameNumberOfQueriesHoweverManyRequirements() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary()); Connection real = db.connect()) {
            db.execute(Shop.FULL + "CREATE SCHEMA audit; CREATE TABLE audit.events (id int, at timestamptz);");
            AtomicInteger one = new AtomicInteger();
            SchemaGuards.on(counting(real, one)).requireTables("orders").check();
            AtomicInteger many = new AtomicInteger();
            SchemaGuards.on(counting(real, many))
                    .requireTables("customers", "orders", "audit.events")
                    .requireColumns("orders", "id", "total", "created_at", "customer_id")
                    .requireColumns("audit.events", "id integer", "at timestamptz")
                    .requireIndex("orders", "orders_created_at_idx")
                    .check();
            assertTrue(one.get() > 0);
            assertEquals(one.get(), many.get(), "statements sent for 1 requirement vs. 10 across two schemas");
        }
    }

    @Test
    void aConditionalStatementThatIsTwoCommandsRunsNothing() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary()); Connection connection = db.connect()) {
            db.execute(Shop.FULL);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SchemaGuards.on(connection)
                    .ifColumnsExist("orders", "created_at")
                    .run("CREATE INDEX orders_created_idx ON orders (created_at)",
                            "CREATE INDEX orders_total_idx ON orders (total); DROP TABLE orders"));
            assertTrue(e.getMessage().contains("not exactly one SQL command"), e.getMessage());
            assertFalse(indexExists(connection, "orders_created_idx"), "not even the first statement ran");
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT to_regclass('public.orders') IS NOT NULL")) {
                row.next();
                assertTrue(row.getBoolean(1), "orders is still there");
            }
        }
    }

    @Test
    void runsAConditionalStatementOnlyWhenItsColumnsExist() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary()); Connection connection = db.connect()) {
            db.execute(Shop.FULL);
            assertFalse(SchemaGuards.createIndexIfColumnsExist(connection,
                    "CREATE INDEX orders_region_idx ON orders (region)", "orders", "region", "created_at"));
            assertFalse(SchemaGuards.on(connection).ifColumnsExist("invoices", "id").run("CREATE INDEX ON invoices (id)"));
            assertEquals("table public.orders has no column region",
                    SchemaGuards.on(connection).ifColumnsExist("orders", "region").whatIsMissing().orElseThrow());
            assertFalse(indexExists(connection, "orders_region_idx"));

            assertTrue(SchemaGuards.createIndexIfColumnsExist(connection,
                    "CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at)", "orders",
                    "customer_id", "created_at"));
            assertTrue(indexExists(connection, "orders_customer_created_idx"));
        }
    }

    @Test
    void rejectsMalformedRequirementsWhereTheyAreWritten() {
        assertThrows(IllegalArgumentException.class, () -> ColumnSpec.parse("total numeric(10"));
        assertThrows(IllegalArgumentException.class, () -> TableName.parse("a.b.c", "public"));
        assertThrows(IllegalArgumentException.class, () -> TableName.parse("\"open", "public"));
        assertEquals(QualifiedName.of("My Schema", "t.x"), TableName.parse("\"My Schema\".\"t.x\"", "public"));
        assertEquals(new ColumnSpec("Total \"gross\"", dev.schemaguard.model.DataType.parse("numeric")),
                ColumnSpec.parse("\"Total \"\"gross\"\"\" decimal"));
    }

    private static boolean indexExists(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT to_regclass('public." + name + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The real connection, counting the statements created on it (each runs one catalog query). */
    private static Connection counting(Connection real, AtomicInteger statements) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createStatement") || method.getName().equals("prepareStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
