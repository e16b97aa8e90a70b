package dev.schemaguard.flyway;

import dev.schemaguard.guard.Mode;
import dev.schemaguard.guard.VerificationResult;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #20 point 10, "check against the schema the applied version implies": schemas keyed by migration version
 * ({@code schemaAtVersion}), checked before migrate when that version is Flyway's current one, so that the check
 * before migrate still guards a database that is past the schema before migrations, and a restart with nothing to
 * migrate passes. Real Flyway 11 migrate, Java API and registration by class name.
 */
class FlywaySchemaAtVersionTest {

    private static final String BEFORE_MIGRATIONS = """
            CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (
                id bigserial PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id),
                total numeric(10,2) NOT NULL DEFAULT 0,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            """;

    static List<PostgresServer> servers() {
        return TestPostgres.all();
    }

    private static SchemaGuardFlywayCallback callback(Mode mode) {
        return SchemaGuardFlywayCallback.configure()
                .mode(mode)
                .schemaBeforeMigrationsResource("db/baseline.yaml")
                .schemaAtVersionResource("2", "db/schema-v2.yaml")
                .schemaAtVersionResource("3", "db/schema.yaml")
                .load();
    }

    /** First release: V1 and V2; second: V3; then a restart with nothing to migrate; each checked before migrate. */
    @ParameterizedTest
    @MethodSource("servers")
    void everyStartChecksTheSchemaOfTheCurrentVersionAndARestartPasses(PostgresServer server) throws SQLException {
        for (Mode mode : Mode.values()) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                db.execute(BEFORE_MIGRATIONS);
                List<String> targets = List.of("2", "latest", "latest");
                List<Integer> executed = List.of(2, 1, 0);
                for (int start = 0; start < 3; start++) {
                    SchemaGuardFlywayCallback callback = callback(mode);
                    assertEquals(executed.get(start), flyway(db, callback, targets.get(start)).migrate().migrationsExecuted,
                            mode + " start " + start);
                    VerificationResult before = callback.beforeMigrateResult().orElseThrow();
                    assertEquals(VerificationResult.Status.VALID, before.status(), mode + " start " + start);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aDatabaseThatDriftedFromItsVersionsSchemaStopsTheNextMigration(PostgresServer server) throws SQLException {
        for (Mode mode : List.of(Mode.FAIL, Mode.REPAIR)) {
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                db.execute(BEFORE_MIGRATIONS);
                flyway(db, callback(mode), "2").migrate();
                db.execute("ALTER TABLE orders DROP COLUMN status");

                FlywayException failure = assertThrows(FlywayException.class,
                        () -> flyway(db, callback(mode), "latest").migrate(), mode.name());
                assertTrue(failure.getMessage().contains("differs from db/schema-v2.yaml"), failure.getMessage());
                assertTrue(failure.getMessage().contains("missing column public.orders.status"), failure.getMessage());
                assertEquals(List.of("0", "1", "2"), appliedVersions(db), mode + ": V3 did not run");
                assertTrue(!columnExists(db, "status"), mode + " checks as FAIL: nothing repaired after migrations");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void keyedSchemasThroughFlywayConfigurationPropertiesRegisteredByClassName(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(BEFORE_MIGRATIONS);
            for (String target : List.of("2", "latest", "latest")) {
                flywayByClassName(db, target).migrate();
            }
            db.execute("DROP INDEX orders_customer_created_idx");
            FlywayException failure = assertThrows(FlywayException.class, () -> flywayByClassName(db, "latest").migrate());
            assertTrue(failure.getMessage().contains("differs from db/schema.yaml"), failure.getMessage());
            assertTrue(failure.getMessage().contains("orders_customer_created_idx"), failure.getMessage());
        }
    }

    @Test
    void aKeyThatIsNotAVersionIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SchemaGuardFlywayCallback.configure().schemaAtVersionResource("two", "db/schema.yaml"));
        assertTrue(refused.getMessage().startsWith("'two' is not a Flyway migration version"), refused.getMessage());
    }

    private static Flyway flyway(ThrowawayDatabase db, Callback callback, String target) {
        return Flyway.configure()
                .dataSource(dataSource(db))
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .target(target)
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .callbacks(callback)
                .load();
    }

    /** What flyway.conf, the Flyway command line or the Maven plugin would say. */
    private static Flyway flywayByClassName(ThrowawayDatabase db, String target) {
        Map<String, String> configuration = new HashMap<>(Map.of(
                "flyway.locations", "classpath:db/migration",
                "flyway.baselineOnMigrate", "true",
                "flyway.baselineVersion", "0",
                "flyway.target", target,
                "flyway.postgresql.transactional.lock", "false",
                "flyway.callbacks", SchemaGuardFlywayCallback.class.getName(),
                "flyway.placeholders.schemaguard.schemaBeforeMigrations", "db/baseline.yaml",
                "flyway.placeholders.schemaguard.schemaAtVersion.2", "db/schema-v2.yaml",
                "flyway.placeholders.schemaguard.schemaAtVersion.3", "db/schema.yaml",
                "flyway.placeholders.schemaguard.mode", "FAIL"));
        return Flyway.configure().dataSource(dataSource(db)).configuration(configuration).load();
    }

    private static PGSimpleDataSource dataSource(ThrowawayDatabase db) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.jdbcUrl());
        return dataSource;
    }

    private static List<String> appliedVersions(ThrowawayDatabase db) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM flyway_schema_history"
                     + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    private static boolean columnExists(ThrowawayDatabase db, String column) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM information_schema.columns"
                     + " WHERE table_name = 'orders' AND column_name = '" + column + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }
}
