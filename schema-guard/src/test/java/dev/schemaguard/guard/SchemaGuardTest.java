package dev.schemaguard.guard;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.Database;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import dev.schemaguard.yaml.YamlSchemaReader;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaGuardTest {

    private static final String SHOP = "shop.yaml";

    @Test
    void aMatchingDatabaseIsValidInEveryMode() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute(Shop.FULL);
            for (Mode mode : Mode.values()) {
                VerificationResult result = guard(db, mode).verify();
                assertEquals(VerificationResult.Status.VALID, result.status(), mode.name());
                assertTrue(result.found().isEmpty());
                assertTrue(result.applied().isEmpty());
            }
        }
    }

    @Test
    void failListsEveryDifferenceAndChangesNothing() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute(Shop.CUSTOMERS + "CREATE TABLE legacy (id int);");
            SchemaDriftException failure = assertThrows(SchemaDriftException.class, () -> guard(db, Mode.FAIL).verify());
            assertEquals("Schema drift: database " + db.name() + " differs from shop.yaml in 2 place(s):\n"
                    + "  - unexpected table public.legacy\n"
                    + "  - missing table public.orders (4 columns)\n"
                    + "Fix: run `schemaguard fix --db $DATABASE_URL --expected shop.yaml` and review its SQL; mode REPAIR"
                    + " only adds what is missing and cannot fix all of this: write a migration for the rest.",
                    failure.getMessage());
            assertEquals(VerificationResult.Status.DRIFT, failure.result().status());
            assertFalse(tableExists(db, "orders"));
        }
    }

    @Test
    void failSuggestsRepairWhenRepairCanFixEverything() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute(Shop.CUSTOMERS);
            SchemaDriftException failure = assertThrows(SchemaDriftException.class, () -> guard(db, Mode.FAIL).verify());
            assertTrue(failure.getMessage().endsWith("and apply its SQL, or start once with mode REPAIR."),
                    failure.getMessage());
        }
    }

    @Test
    void warnReportsTheDriftAndChangesNothing() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute(Shop.CUSTOMERS);
            VerificationResult result = guard(db, Mode.WARN).verify();
            assertEquals(VerificationResult.Status.DRIFT, result.status());
            assertEquals(List.of("missing table public.orders (4 columns)"),
                    result.found().changes().stream().map(SchemaChange::describe).toList());
            assertEquals(result.found(), result.remaining());
            assertTrue(result.applied().isEmpty());
            assertFalse(tableExists(db, "orders"));
        }
    }

    @Test
    void repairAddsWhatIsMissingThenVerifiesAgain() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute(Shop.CUSTOMERS + "CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL"
                    + " REFERENCES customers (id), created_at timestamptz NOT NULL DEFAULT now());"
                    + "INSERT INTO customers VALUES (1, 'Ada');");
            VerificationResult result = guard(db, Mode.REPAIR).verify();
            assertEquals(VerificationResult.Status.REPAIRED, result.status());
            assertTrue(result.remaining().isEmpty());
            assertEquals(2, result.found().changes().size(), result.found().toString());
            assertEquals(2, result.applied().size(), result.applied().toString());
            assertEquals(VerificationResult.Status.VALID, guard(db, Mode.FAIL).verify().status());
            assertEquals(1, count(db, "SELECT count(*) FROM customers"), "repair keeps the data");
        }
    }

    @Test
    void repairLeavesWhatOnlyAlteringCouldFixAndReportsIt() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute("CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);");
            VerificationResult result = guard(db, Mode.REPAIR).verify();
            assertEquals(VerificationResult.Status.DRIFT, result.status());
            assertTrue(tableExists(db, "orders"), "the missing table was added");
            assertFalse(result.applied().isEmpty());
            List<SchemaChange> left = result.remaining().changes();
            assertEquals(1, left.size(), left.toString());
            SchemaChange.ColumnAltered altered = assertInstanceOf(SchemaChange.ColumnAltered.class, left.get(0));
            assertEquals("id", altered.expected().name());
            // a FAIL check afterwards does not send the user back to REPAIR, which cannot fix what is left
            SchemaDriftException failure = assertThrows(SchemaDriftException.class, () -> guard(db, Mode.FAIL).verify());
            assertTrue(failure.getMessage().endsWith("mode REPAIR only adds what is missing and cannot fix all of this:"
                    + " write a migration for the rest."), failure.getMessage());
        }
    }

    @Test
    void aFailedRepairIsRolledBackAsAWhole() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            // the column to add is NOT NULL without a default: impossible while customers has rows
            db.execute("CREATE TABLE customers (id bigint PRIMARY KEY); INSERT INTO customers VALUES (1);");
            SchemaRepairException failure = assertThrows(SchemaRepairException.class, () -> guard(db, Mode.REPAIR).verify());
            assertTrue(failure.getMessage().startsWith("Schema repair of database " + db.name()
                    + " failed and was rolled back: "), failure.getMessage());
            assertFalse(tableExists(db, "orders"), "orders was created in the same transaction and rolled back");
        }
    }

    @Test
    void repairWaitsForAnApplyThatHoldsTheLockThenPlansFromWhatItLeft() throws Exception {
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection apply = db.connect(); Connection observer = db.connect()) {
            db.execute(Shop.CUSTOMERS);
            apply.setAutoCommit(false);
            try (Statement statement = apply.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + dev.schemaguard.sql.LockedApply.ADVISORY_LOCK_KEY + ")");
                statement.execute(Shop.ORDERS);
            }
            java.util.concurrent.Future<VerificationResult> repair = thread.submit(() -> guard(db, Mode.REPAIR).verify());
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            // a waiting apply tries the lock every 200 ms (LockedApply), each try a transaction of its own
            while (count(observer, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND (query LIKE 'SELECT pg_try_advisory_xact_lock(%' OR query = 'ROLLBACK')"
                    + " AND pid <> pg_backend_pid()") == 0) {
                assertTrue(System.nanoTime() < deadline, "the repair never tried the advisory lock");
                Thread.sleep(20);
            }
            Thread.sleep(500);
            assertFalse(repair.isDone(), "the repair waits while the apply holds the lock");
            apply.commit();
            VerificationResult result = repair.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(VerificationResult.Status.VALID, result.status(),
                    "the repair read the database after the apply committed: " + result.found());
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void ignoredTablesAreLeftOutOnBothSides() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute(Shop.FULL + "CREATE TABLE migration_log (installed_rank int);");
            SchemaGuard guard = SchemaGuard.configure().dataSource(dataSource(db)).expectedResource(SHOP)
                    .ignoreTables("migration_log").load();
            assertEquals(VerificationResult.Status.VALID, guard.verify().status());
            SchemaGuard otherSchema = SchemaGuard.configure().dataSource(dataSource(db)).expectedResource(SHOP)
                    .ignoreTables("app.migration_log").load();
            assertThrows(SchemaDriftException.class, otherSchema::verify);
        }
    }

    /** Flyway's and Liquibase's history tables are never drift; the YAML's ignore rules and policy hold in a guard too. */
    @Test
    void historyTablesAndTheYamlsIgnoreRulesAreLeftOut(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute(Shop.FULL + "CREATE TABLE flyway_schema_history (installed_rank int);"
                    + " CREATE TABLE databasechangelog (id text); CREATE TABLE databasechangeloglock (id int);"
                    + " CREATE TABLE legacy_orders (id int); CREATE TABLE stray (id int);");
            SchemaDriftException drift = assertThrows(SchemaDriftException.class,
                    () -> SchemaGuard.configure().dataSource(dataSource(db)).expectedResource(SHOP).load().verify());
            assertTrue(drift.getMessage().contains("in 2 place(s)") && drift.getMessage().contains("unexpected table public.stray")
                    && drift.getMessage().contains("unexpected table public.legacy_orders"), drift.getMessage());

            Path shop = Path.of(SchemaGuardTest.class.getClassLoader().getResource(SHOP).toURI());
            Path scoped = dir.resolve("shop.yaml");
            java.nio.file.Files.writeString(scoped, "ignore: [public.legacy_*]\nunexpected: {tables: warn}\n"
                    + java.nio.file.Files.readString(shop));
            SchemaGuard guard = SchemaGuard.configure().dataSource(dataSource(db)).expectedYaml(scoped).mode(Mode.REPAIR).load();
            VerificationResult result = guard.verify();
            assertEquals(VerificationResult.Status.VALID, result.status(), result.toString());
            assertTrue(tableExists(db, "stray") && tableExists(db, "legacy_orders") && tableExists(db, "flyway_schema_history"));
        }
    }

    @Test
    void readsTheExpectedSchemaFromAModelAPathOrTheClasspath() throws Exception {
        Path file = Path.of(SchemaGuardTest.class.getClassLoader().getResource(SHOP).toURI());
        Database fromFile = SchemaGuard.configure().expectedYaml(file).load().expected();
        assertEquals(YamlSchemaReader.read(file), fromFile);
        assertEquals(fromFile, SchemaGuard.configure().expectedResource("/" + SHOP).load().expected());
        assertEquals(fromFile, SchemaGuard.configure().expected(fromFile).load().expected());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SchemaGuard.configure().expectedResource("db/nope.yaml").load());
        assertTrue(missing.getMessage().contains("classpath:db/nope.yaml was not found"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> SchemaGuard.configure().load());
        assertThrows(IllegalStateException.class, () -> SchemaGuard.configure().expected(fromFile).load().verify());
    }

    private static SchemaGuard guard(ThrowawayDatabase db, Mode mode) {
        return SchemaGuard.configure().dataSource(dataSource(db)).expectedResource(SHOP).mode(mode).load();
    }

    static PGSimpleDataSource dataSource(ThrowawayDatabase db) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.jdbcUrl());
        return dataSource;
    }

    private static boolean tableExists(ThrowawayDatabase db, String table) throws SQLException {
        return count(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + table + "'") == 1;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long count(ThrowawayDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
