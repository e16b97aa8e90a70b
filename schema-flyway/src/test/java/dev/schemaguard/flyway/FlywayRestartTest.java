package dev.schemaguard.flyway;

import dev.schemaguard.flyway.examples.Environment;
import dev.schemaguard.flyway.examples.StartupMigration;
import dev.schemaguard.guard.Mode;
import dev.schemaguard.guard.VerificationResult;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #20 points 10-12, 14: an application that starts, migrates, and is restarted twice, in every mode; and the
 * same with the callback registered by class name through Flyway's own configuration properties.
 */
class FlywayRestartTest {

    /** Every server of SCHEMAGUARD_TEST_DATABASE_URLS (PostgreSQL 13 to 17 in CI); the Flyway tests run on each. */
    static List<PostgresServer> servers() {
        return TestPostgres.all();
    }

    private static final String BEFORE_MIGRATIONS = """
            CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (
                id bigserial PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id),
                total numeric(10,2) NOT NULL DEFAULT 0,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            """;

    @ParameterizedTest
    @MethodSource("servers")
    void restartsAfterASuccessfulMigrateInEveryMode(PostgresServer server) throws SQLException {
        for (Environment environment : Environment.values()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                db.execute(BEFORE_MIGRATIONS);
                StartupMigration first = new StartupMigration(dataSource(db), environment);
                assertEquals(3, first.migrate().migrationsExecuted, environment.name());
                assertEquals(VerificationResult.Status.VALID, first.callback().beforeMigrateResult().orElseThrow().status());
                for (int restart = 1; restart <= 2; restart++) {
                    StartupMigration again = new StartupMigration(dataSource(db), environment);
                    MigrateResult result = again.migrate();
                    assertEquals(0, result.migrationsExecuted, environment + " restart " + restart);
                    // the migrated tables are not "unexpected": the schema before migrations is not checked any more
                    assertTrue(again.callback().beforeMigrateResult().isEmpty(), environment + " restart " + restart);
                    assertEquals(VerificationResult.Status.VALID,
                            again.callback().afterMigrateResult().orElseThrow().status(), environment + " restart " + restart);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void registeredByClassNameThroughFlywayConfigurationProperties(PostgresServer server) throws SQLException {
        for (String mode : new String[] {"FAIL", "WARN", "REPAIR"}) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                db.execute(BEFORE_MIGRATIONS);
                for (int start = 0; start < 3; start++) {
                    // what flyway.conf, the Flyway command line or the Maven plugin would say
                    Flyway flyway = Flyway.configure()
                            .dataSource(dataSource(db))
                            .configuration(Map.of(
                                    "flyway.locations", "classpath:db/migration",
                                    "flyway.baselineOnMigrate", "true",
                                    "flyway.baselineVersion", "0",
                                    "flyway.postgresql.transactional.lock", "false",
                                    "flyway.callbacks", SchemaGuardFlywayCallback.class.getName(),
                                    "flyway.placeholders.schemaguard.schemaBeforeMigrations", "db/baseline.yaml",
                                    "flyway.placeholders.schemaguard.expected", "db/schema.yaml",
                                    "flyway.placeholders.schemaguard.mode", mode))
                            .load();
                    MigrateResult result = flyway.migrate();
                    assertEquals(start == 0 ? 3 : 0, result.migrationsExecuted, mode + " start " + start);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aClassNameRegisteredCallbackChecksTheSchemaBeforeMigrationsToo(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            Flyway flyway = Flyway.configure().dataSource(dataSource(db))
                    .configuration(Map.of("flyway.locations", "classpath:db/migration",
                            "flyway.callbacks", SchemaGuardFlywayCallback.class.getName(),
                            "flyway.placeholders.schemaguard.schemaBeforeMigrations", "db/baseline.yaml",
                            "flyway.placeholders.schemaguard.mode", "fail"))
                    .load();
            FlywayException failure = assertThrows(FlywayException.class, flyway::migrate);
            assertTrue(failure.getMessage().contains("missing table public.customers"), failure.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aCallbackRegisteredByClassNameWithNothingToCheckSaysWhatToSet(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            Flyway flyway = Flyway.configure().dataSource(dataSource(db))
                    .configuration(Map.of("flyway.locations", "classpath:db/migration",
                            "flyway.callbacks", SchemaGuardFlywayCallback.class.getName()))
                    .load();
            FlywayException failure = assertThrows(FlywayException.class, flyway::migrate);
            assertTrue(failure.getMessage().contains("flyway.placeholders.schemaguard.expected=db/schema.yaml"),
                    failure.getMessage());
        }
    }

    @Test
    void repairAfterMigrateIsRefusedAndModeRepairRepairsOnlyBefore() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SchemaGuardFlywayCallback.configure().afterMigrateMode(Mode.REPAIR));
        assertTrue(refused.getMessage().startsWith("REPAIR after migrate is refused"), refused.getMessage());
        SchemaGuardFlywayCallback callback = SchemaGuardFlywayCallback.configure().mode(Mode.REPAIR)
                .expectedResource("db/schema.yaml").load();
        assertEquals(Mode.REPAIR, callback.beforeMigrateMode());
        assertEquals(Mode.FAIL, callback.afterMigrateMode());
    }

    private static PGSimpleDataSource dataSource(ThrowawayDatabase db) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.jdbcUrl());
        return dataSource;
    }
}
