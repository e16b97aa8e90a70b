package dev.schemaguard.junit;

import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.model.Database;
import dev.schemaguard.yaml.YamlSchemaReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationsTest {

    static List<PostgresServer> servers() {
        return TestPostgres.all();
    }

    /** Flyway's history table is in public, where the YAML declares its tables: left out by default. */
    @ParameterizedTest
    @MethodSource("servers")
    void migrationsThatBuildTheDeclaredSchemaPass(PostgresServer server) {
        assertDoesNotThrow(() -> Migrations.flyway("classpath:junitkit/migration/complete").on(server)
                .assertMatches("junitkit/schema.yaml"));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void migrationsThatFallShortFailWithWhatIsMissingAndItsSql(PostgresServer server) {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Migrations.flyway("classpath:junitkit/migration/short").on(server)
                        .assertMatches("junitkit/schema.yaml"));
        String message = failure.getMessage();
        assertTrue(message.contains(": 2 differences"), message);
        assertTrue(message.contains("ADD COLUMN") && message.contains("note"), message);
        assertTrue(message.contains("CREATE INDEX") && message.contains("orders_customer_idx"), message);
    }

    /** A model (here read from the same YAML; from entities, JpaSchemaReader's) as the expected side. */
    @ParameterizedTest
    @MethodSource("servers")
    void aModelAsTheExpectedSide(PostgresServer server) throws Exception {
        Database model = YamlSchemaReader.readDeclared(Path.of("src/test/resources/junitkit/schema.yaml")).database();
        assertDoesNotThrow(() -> Migrations.flyway("classpath:junitkit/migration/complete").on(server)
                .assertMatches(model));
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Migrations.flyway("classpath:junitkit/migration/short").on(server).assertMatches(model));
        assertTrue(failure.getMessage().contains(" does not match the expected model: 2 differences"),
                failure.getMessage());
    }

    /** Liquibase's databasechangelog and databasechangeloglock are in public too: left out by default. */
    @ParameterizedTest
    @MethodSource("servers")
    void aLiquibaseChangelogIsRunAndCompared(PostgresServer server) {
        assertDoesNotThrow(() -> Migrations.liquibase("junitkit/liquibase/complete.sql").on(server)
                .assertMatches("junitkit/schema.yaml"));
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Migrations.liquibase("junitkit/liquibase/short.sql").on(server)
                        .assertMatches("junitkit/schema.yaml"));
        String message = failure.getMessage();
        assertTrue(message.contains(": 2 differences"), message);
        assertTrue(message.contains("ADD COLUMN") && message.contains("note"), message);
        assertTrue(message.contains("CREATE INDEX") && message.contains("orders_customer_idx"), message);
    }

    /** As docs/testing.md shows it: no server named, so TestPostgres.primary(). */
    @Test
    void theDocumentedCallRunsOnThePrimaryServer() {
        assertDoesNotThrow(() -> Migrations.flyway("classpath:junitkit/migration/complete")
                .assertMatches("junitkit/schema.yaml"));
        assertThrows(AssertionFailedError.class, () -> Migrations.flyway("classpath:junitkit/migration/short")
                .assertMatches("junitkit/schema.yaml"));
    }
}
