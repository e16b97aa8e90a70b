package dev.schemaguard.flyway.examples;

import dev.schemaguard.guard.MissingSchemaException;
import dev.schemaguard.guard.SchemaDriftException;
import dev.schemaguard.guard.VerificationResult;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The original deployment workflow, on real PostgreSQL with real Flyway migrations: staging repairs, a
 * production emergency start fails fast, a regular production start warns and continues.
 */
class FlywayEnvironmentsTest {

    /** Every server of SCHEMAGUARD_TEST_DATABASE_URLS (PostgreSQL 13 to 17 in CI). */
    static List<PostgresServer> servers() {
        return TestPostgres.all();
    }

    /** The baseline of src/test/resources/db/baseline.yaml, as the databases were created before Flyway. */
    private static final String BASELINE = """
            CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (
                id bigserial PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id),
                total numeric(10,2) NOT NULL DEFAULT 0,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            INSERT INTO customers VALUES (1, 'Ada');
            INSERT INTO orders (customer_id, total) VALUES (1, 12.50);
            """;

    /** A database that drifted from the baseline: customers was never created, orders has no total. */
    private static final String DRIFTED = """
            CREATE TABLE orders (
                id bigserial PRIMARY KEY,
                customer_id bigint NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            """;

    @ParameterizedTest
    @MethodSource("servers")
    void stagingAppliesTheBaselineToAnEmptyDatabaseThenMigrates(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            StartupMigration startup = new StartupMigration(dataSource(db), Environment.STAGING);
            MigrateResult result = startup.migrate();

            assertEquals(3, result.migrationsExecuted);
            VerificationResult before = startup.callback().beforeMigrateResult().orElseThrow();
            assertEquals(VerificationResult.Status.REPAIRED, before.status());
            assertTrue(before.applied().stream().anyMatch(s -> s.sql().startsWith("CREATE TABLE public.customers")),
                    before.applied().toString());
            assertEquals(VerificationResult.Status.VALID, startup.callback().afterMigrateResult().orElseThrow().status());
            assertTrue(exists(db, "orders_customer_created_idx"));
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void stagingRepairsADriftedDatabaseThenMigrates(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(DRIFTED);
            StartupMigration startup = new StartupMigration(dataSource(db), Environment.STAGING);
            assertEquals(3, startup.migrate().migrationsExecuted);

            VerificationResult before = startup.callback().beforeMigrateResult().orElseThrow();
            assertEquals(VerificationResult.Status.REPAIRED, before.status());
            assertEquals(List.of("missing table public.customers (2 columns)",
                            "missing column public.orders.total numeric(10,2) NOT NULL DEFAULT 0",
                            "missing foreign key orders_customer_id_fkey on public.orders"),
                    before.found().changes().stream().map(c -> c.describe()).toList());
            assertEquals(VerificationResult.Status.VALID, startup.callback().afterMigrateResult().orElseThrow().status());
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void productionEmergencyStopsBeforeAnyMigrationRuns(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(DRIFTED);
            StartupMigration startup = new StartupMigration(dataSource(db), Environment.PRODUCTION_EMERGENCY);
            FlywayException failure = assertThrows(FlywayException.class, startup::migrate);

            SchemaDriftException drift = cause(failure, SchemaDriftException.class);
            assertEquals(List.of(
                    "Schema drift: database " + db.name() + " differs from db/baseline.yaml in 3 place(s):",
                    "  - missing table public.customers (2 columns)",
                    "  - missing column public.orders.total numeric(10,2) NOT NULL DEFAULT 0",
                    "  - missing foreign key orders_customer_id_fkey on public.orders",
                    "Fix: run `schemaguard fix --db $DATABASE_URL --expected db/baseline.yaml` and apply its SQL,"
                            + " or start once with mode REPAIR."), drift.getMessage().lines().toList());
            assertTrue(failure.getMessage().startsWith("Error while executing beforeMigrate callback: Schema drift: database "),
                    failure.getMessage());
            assertEquals(List.of(), appliedVersions(db), "no migration ran");
            assertFalse(exists(db, "audit_log"));
            assertFalse(exists(db, "customers"), "FAIL repairs nothing");
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void productionEmergencyMigratesAHealthyDatabase(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(BASELINE);
            StartupMigration startup = new StartupMigration(dataSource(db), Environment.PRODUCTION_EMERGENCY);
            assertEquals(3, startup.migrate().migrationsExecuted);
            assertEquals(VerificationResult.Status.VALID, startup.callback().beforeMigrateResult().orElseThrow().status());
            assertEquals(VerificationResult.Status.VALID, startup.callback().afterMigrateResult().orElseThrow().status());
            assertEquals(List.of("1", "2", "3"), appliedVersions(db));
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void productionRegularWarnsAndContinuesUntilAGuardStopsTheMigrationThatNeedsWhatIsMissing(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(DRIFTED);
            StartupMigration startup = new StartupMigration(dataSource(db), Environment.PRODUCTION_REGULAR);
            List<String> log = new ArrayList<>();
            FlywayException failure = captureStderr(log, () -> assertThrows(FlywayException.class, startup::migrate));

            assertTrue(log.contains("[main] WARN dev.schemaguard.guard.SchemaGuard - Schema drift: missing table"
                    + " public.customers (2 columns)"), String.join("\n", log));
            assertTrue(log.contains("[main] WARN dev.schemaguard.guard.SchemaGuard - Schema drift: missing column"
                    + " public.orders.total numeric(10,2) NOT NULL DEFAULT 0"), String.join("\n", log));
            assertEquals(VerificationResult.Status.DRIFT, startup.callback().beforeMigrateResult().orElseThrow().status());

            MissingSchemaException stopped = cause(failure, MissingSchemaException.class);
            assertEquals(List.of(
                    "V3__add_reporting_index stopped before changing anything: required schema objects are missing:",
                    "  - missing table public.customers",
                    "  - missing column public.orders.total numeric(10,2)",
                    "Fix: run `schemaguard fix --db $DATABASE_URL --expected schema.yaml` and apply its SQL (or apply"
                            + " the baseline), then run the migration again."), stopped.getMessage().lines().toList());
            // Flyway's own error output carries the guard's message (FlywayGuards), not only "Migration failed !"
            assertTrue(failure.getMessage().contains(stopped.getMessage()), failure.getMessage());
            // WARN let V1 and V2 run; V3 stopped before its first statement, which is not transactional
            assertEquals(List.of("1", "2"), appliedVersions(db));
            assertTrue(exists(db, "audit_log"));
            assertFalse(exists(db, "orders_customer_created_idx"), "V3's first statement did not run");
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void productionRegularOnAHealthyDatabaseSkipsOnlyTheIndexWhoseColumnIsNotThereYet(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(BASELINE);
            StartupMigration startup = new StartupMigration(dataSource(db), Environment.PRODUCTION_REGULAR);
            List<String> log = new ArrayList<>();
            MigrateResult result = captureStderr(log, startup::migrate);

            assertEquals(3, result.migrationsExecuted);
            assertTrue(log.contains("[main] WARN dev.schemaguard.guard.ColumnCondition - skipped"
                    + " `CREATE INDEX CONCURRENTLY orders_region_idx ON orders (region)`: table public.orders has no"
                    + " column region"), String.join("\n", log));
            assertTrue(exists(db, "orders_customer_created_idx"));
            assertFalse(exists(db, "orders_region_idx"));
            assertEquals(VerificationResult.Status.VALID, startup.callback().afterMigrateResult().orElseThrow().status());
        }
    }

    private static PGSimpleDataSource dataSource(ThrowawayDatabase db) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.jdbcUrl());
        return dataSource;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the causes of " + failure, failure);
    }

    private static boolean exists(ThrowawayDatabase db, String relation) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT to_regclass('public." + relation + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Versions of the migrations Flyway recorded as applied successfully (the baseline marker excluded). */
    private static List<String> appliedVersions(ThrowawayDatabase db) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM flyway_schema_history"
                     + " WHERE success AND type <> 'BASELINE' AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    private interface Action<T> {
        T run() throws SQLException;
    }

    /** Runs {@code action} with System.err (where slf4j-simple logs) captured into {@code lines}. */
    private static <T> T captureStderr(List<String> lines, Action<T> action) throws SQLException {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            return action.run();
        } finally {
            System.setErr(original);
            String captured = buffer.toString(StandardCharsets.UTF_8);
            original.print(captured);
            lines.addAll(captured.lines().toList());
        }
    }
}
