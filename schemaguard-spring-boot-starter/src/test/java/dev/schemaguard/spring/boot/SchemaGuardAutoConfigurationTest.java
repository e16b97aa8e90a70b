package dev.schemaguard.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemaguard.guard.SchemaDriftException;
import dev.schemaguard.spring.boot.actuate.SchemaDriftReport;
import dev.schemaguard.spring.boot.actuate.SchemaGuardActuatorAutoConfiguration;
import dev.schemaguard.spring.boot.actuate.SchemaGuardEndpoint;
import dev.schemaguard.spring.boot.actuate.SchemaGuardHealthIndicator;
import dev.schemaguard.spring.boot.actuate.SchemaGuardMetricsAutoConfiguration;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter in real application contexts (data source, Flyway, actuator and Micrometer auto-configurations)
 * against a real PostgreSQL: a fresh database per test.
 */
class SchemaGuardAutoConfigurationTest {

    private static final String CUSTOMERS = "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);";
    private static final String ORDERS = """
            CREATE TABLE orders (
                id bigserial PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id),
                total numeric(10,2) NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX orders_created_at_idx ON orders (created_at);
            """;
    private static final String MISSING_ORDERS = "missing table public.orders (4 columns)";

    private ThrowawayDatabase db;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = ThrowawayDatabase.create(TestPostgres.primary());
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.close();
    }

    /** A context without Flyway: the test builds the database itself. */
    private ApplicationContextRunner app(String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        SchemaGuardAutoConfiguration.class, SchemaGuardActuatorAutoConfiguration.class,
                        SchemaGuardMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(),
                        "spring.datasource.hikari.maximum-pool-size=2",
                        "schemaguard.expected=classpath:shop/schema.yaml",
                        "management.endpoints.web.exposure.include=schemaguard")
                .withPropertyValues(properties);
    }

    /** A context whose Flyway migrates the database (shop/migration: V1 customers, V2 orders) before the check. */
    private ApplicationContextRunner appWithFlyway(String... properties) {
        return app(properties)
                .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withPropertyValues("spring.flyway.locations=classpath:shop/migration");
    }

    @Test
    void failModeStopsTheStartOnDriftListingEveryDifference() throws SQLException {
        db.execute(CUSTOMERS + "CREATE TABLE legacy (id int);");
        app("schemaguard.mode=fail").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaDriftException.class)
                    .hasMessageContaining("differs from")
                    .hasMessageContaining("  - unexpected table public.legacy\n")
                    .hasMessageContaining("  - " + MISSING_ORDERS + "\n")
                    .hasMessageContaining("--expected classpath:shop/schema.yaml");
            FailureAnalysis analysis = new SchemaDriftFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).endsWith("in 2 place(s):\n  - unexpected table public.legacy\n  - "
                    + MISSING_ORDERS);
            assertThat(analysis.getAction()).startsWith("Run `schemaguard fix --db $DATABASE_URL --expected"
                    + " classpath:shop/schema.yaml`").endsWith("set schemaguard.mode=warn.");
        });
        assertThat(tableExists("orders")).isFalse();
    }

    @Test
    void failModeIsTheDefaultAndStartsOnAMatchingDatabase() throws SQLException {
        db.execute(CUSTOMERS + ORDERS);
        app().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SchemaDriftMonitor.class).mode().name()).isEqualTo("FAIL");
            assertThat(context.getBean(SchemaGuardHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
            assertThat(context.getBean(SchemaGuardEndpoint.class).report().status()).isEqualTo("ok");
            assertThat(gauge(context.getBean(MeterRegistry.class), "schemaguard.drift.changes")).isEqualTo(0.0);
        });
    }

    @Test
    void warnModeStartsAndReportsTheDriftInHealthEndpointAndGauges() throws Exception {
        db.execute(CUSTOMERS);
        app("schemaguard.mode=warn").run(context -> {
            assertThat(context).hasNotFailed();
            var health = context.getBean(SchemaGuardHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("status", "drift").containsEntry("mode", "WARN")
                    .containsEntry("changes", 1).containsEntry("differences", List.of(MISSING_ORDERS));

            SchemaDriftReport report = context.getBean(SchemaGuardEndpoint.class).report();
            JsonNode json = new ObjectMapper().valueToTree(report);
            assertThat(json.get("status").asText()).isEqualTo("drift");
            assertThat(json.get("changes").get(0).get("kind").asText()).isEqualTo("TableAdded");
            assertThat(json.get("changes").get(0).get("subject").asText()).isEqualTo("public.orders");
            assertThat(json.get("changes").get(0).get("description").asText()).isEqualTo(MISSING_ORDERS);
            assertThat(json.get("summary").get("changes").asInt()).isEqualTo(1);

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(gauge(registry, "schemaguard.drift.changes")).isEqualTo(1.0);
            assertThat(registry.get("schemaguard.check.duration").timeGauge().value(TimeUnit.MILLISECONDS))
                    .isEqualTo((double) report.durationMs());
        });
        assertThat(tableExists("orders")).isFalse();
    }

    @Test
    void driftLeavesHealthUpWhenToldSo() throws SQLException {
        db.execute(CUSTOMERS);
        app("schemaguard.mode=warn", "schemaguard.health.down-on-drift=false").run(context -> {
            var health = context.getBean(SchemaGuardHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("status", "drift").containsEntry("changes", 1);
        });
    }

    @Test
    void repairModeAddsWhatIsMissingAndStarts() throws SQLException {
        db.execute(CUSTOMERS);
        app("schemaguard.mode=repair").run(context -> {
            assertThat(context).hasNotFailed();
            SchemaDriftReport report = context.getBean(SchemaGuardEndpoint.class).report();
            assertThat(report.status()).isEqualTo("repaired");
            assertThat(report.changes()).isEmpty();
            assertThat(report.repaired()).extracting(SchemaDriftReport.Change::description).containsExactly(MISSING_ORDERS);
            assertThat(report.applied()).anyMatch(sql -> sql.startsWith("CREATE TABLE public.orders"));
            assertThat(context.getBean(SchemaGuardHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
        assertThat(tableExists("orders")).isTrue();
    }

    @Test
    void withFlywayTheCheckRunsOnTheMigratedDatabaseIgnoringTheHistoryTable() {
        appWithFlyway("schemaguard.mode=fail").run(context -> {
            assertThat(context).hasNotFailed();
            SchemaDriftReport report = context.getBean(SchemaGuardEndpoint.class).report();
            assertThat(report.status()).isEqualTo("ok");
        });
        appWithFlyway("schemaguard.mode=fail", "schemaguard.ignore-migration-history=false").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("in 1 place(s):\n  - unexpected table public.flyway_schema_history\n"));
    }

    @Test
    void withFlywayFailModeStopsTheStartWhenTheMigrationsFallShortOfTheExpectedSchema() throws SQLException {
        appWithFlyway("schemaguard.mode=fail", "spring.flyway.target=1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaDriftException.class)
                    .hasMessageContaining("in 1 place(s):\n  - " + MISSING_ORDERS + "\n");
        });
        assertThat(tableExists("flyway_schema_history")).isTrue();
        assertThat(tableExists("customers")).isTrue();
    }

    @Test
    void withFlywayWarnModeReportsWhatTheMigrationsLeftOut() {
        appWithFlyway("schemaguard.mode=warn", "spring.flyway.target=1").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SchemaGuardEndpoint.class).report().changes())
                    .extracting(SchemaDriftReport.Change::description).containsExactly(MISSING_ORDERS);
        });
    }

    @Test
    void withFlywayRepairModeAddsWhatTheMigrationsLeftOut() throws SQLException {
        appWithFlyway("schemaguard.mode=repair", "spring.flyway.target=1").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SchemaGuardEndpoint.class).report().status()).isEqualTo("repaired");
        });
        assertThat(tableExists("orders")).isTrue();
    }

    @Test
    void withLiquibaseTheCheckRunsOnTheMigratedDatabaseIgnoringItsTables() throws SQLException {
        app("schemaguard.mode=fail", "spring.liquibase.change-log=classpath:shop/changelog.sql")
                .withConfiguration(AutoConfigurations.of(LiquibaseAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(SchemaGuardEndpoint.class).report().status()).isEqualTo("ok");
                });
        assertThat(tableExists("databasechangelog")).isTrue();
        app("schemaguard.mode=fail", "spring.liquibase.change-log=classpath:shop/changelog.sql",
                "schemaguard.ignore-migration-history=false")
                .withConfiguration(AutoConfigurations.of(LiquibaseAutoConfiguration.class))
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("  - unexpected table public.databasechangelog\n")
                        .hasMessageContaining("  - unexpected table public.databasechangeloglock\n"));
    }

    @Test
    void beansThatDependOnDatabaseInitializationAreCreatedAfterTheCheck() {
        appWithFlyway()
                .withUserConfiguration(DependentConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(CheckSeenAtCreation.class).checked()).isTrue();
                });
    }

    @Test
    void theEndpointChecksAgainOnRequest() throws SQLException {
        db.execute(CUSTOMERS + ORDERS);
        app("schemaguard.mode=fail").run(context -> {
            assertThat(context).hasNotFailed();
            db.execute("ALTER TABLE orders DROP COLUMN total;");
            SchemaGuardEndpoint endpoint = context.getBean(SchemaGuardEndpoint.class);
            assertThat(endpoint.report().status()).isEqualTo("ok");
            SchemaDriftReport recheck = endpoint.recheck();
            assertThat(recheck.status()).isEqualTo("drift");
            assertThat(recheck.mode()).isEqualTo("WARN");
            assertThat(recheck.changes()).extracting(SchemaDriftReport.Change::subject).containsExactly("public.orders");
            assertThat(endpoint.report()).isEqualTo(recheck);
            assertThat(context.getBean(SchemaGuardHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
        });
        assertThat(columnExists("orders", "total")).isFalse();
    }

    @Test
    void scheduledRechecksNoticeDriftWhileTheApplicationRuns() throws SQLException {
        db.execute(CUSTOMERS + ORDERS);
        app("schemaguard.recheck.interval=100ms").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(gauge(registry, "schemaguard.drift.changes")).isEqualTo(0.0);
            db.execute("DROP TABLE orders;");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(gauge(registry, "schemaguard.drift.changes")).isEqualTo(1.0));
        });
    }

    @Test
    void anUnreachableDatabaseFailsTheStartInFailModeAndIsDownInWarnMode() {
        String unreachable = "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2";
        app("schemaguard.mode=fail", "spring.datasource.url=" + unreachable,
                "spring.datasource.hikari.initialization-fail-timeout=-1",
                "spring.datasource.hikari.connection-timeout=250").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("could not read the database");
        });
        app("schemaguard.mode=warn", "spring.datasource.url=" + unreachable,
                "spring.datasource.hikari.initialization-fail-timeout=-1",
                "spring.datasource.hikari.connection-timeout=250").run(context -> {
            assertThat(context).hasNotFailed();
            var health = context.getBean(SchemaGuardHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("status", "error");
            assertThat(gauge(context.getBean(MeterRegistry.class), "schemaguard.drift.changes")).isNaN();
        });
    }

    @Test
    void schemasAndIgnoredTablesNarrowTheComparison() throws SQLException {
        db.execute(CUSTOMERS + ORDERS + "CREATE TABLE audit_log (id int); CREATE SCHEMA reporting;");
        app("schemaguard.expected=classpath:two-schemas.yaml", "schemaguard.schemas=public",
                "schemaguard.ignore-tables=audit_log").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SchemaGuardEndpoint.class).report().status()).isEqualTo("ok");
        });
        app("schemaguard.expected=classpath:two-schemas.yaml", "schemaguard.schemas=nowhere").run(context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining(
                        "schemaguard.schemas names the schema nowhere, which classpath:two-schemas.yaml does not declare"));
    }

    @Test
    void aFileLocationMayNameADirectoryOfYamlFiles() throws Exception {
        db.execute(CUSTOMERS + ORDERS);
        Path directory = Path.of(getClass().getResource("/shop/schema.yaml").toURI()).getParent();
        app("schemaguard.expected=file:" + directory).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SchemaGuardEndpoint.class).report().status()).isEqualTo("ok");
        });
    }

    @Test
    void aMissingExpectedSchemaFailsTheStartNamingTheLocation() {
        app("schemaguard.expected=classpath:db/none.yaml").run(context ->
                assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("the expected schema classpath:db/none.yaml was not found"));
    }

    @Test
    void disabledMeansNoCheckAndNoBeans() throws SQLException {
        db.execute(CUSTOMERS);
        app("schemaguard.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SchemaDriftMonitor.class);
            assertThat(context).doesNotHaveBean(SchemaGuardHealthIndicator.class);
            assertThat(context).doesNotHaveBean(SchemaGuardEndpoint.class);
        });
    }

    private static double gauge(MeterRegistry registry, String name) {
        return registry.get(name).gauge().value();
    }

    private boolean tableExists(String table) throws SQLException {
        return exists("select 1 from pg_tables where schemaname = 'public' and tablename = '" + table + "'");
    }

    private boolean columnExists(String table, String column) throws SQLException {
        return exists("select 1 from information_schema.columns where table_schema = 'public' and table_name = '"
                + table + "' and column_name = '" + column + "'");
    }

    private boolean exists(String query) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            return rs.next();
        }
    }

    /** Whether the startup check had run when a bean that depends on database initialization was created. */
    record CheckSeenAtCreation(boolean checked) {
    }

    @Configuration(proxyBeanMethods = false)
    static class DependentConfiguration {

        @Bean
        @DependsOnDatabaseInitialization
        CheckSeenAtCreation checkSeenAtCreation(ObjectProvider<SchemaDriftMonitor> monitor) {
            return new CheckSeenAtCreation(monitor.getObject().latest().isPresent());
        }
    }
}
