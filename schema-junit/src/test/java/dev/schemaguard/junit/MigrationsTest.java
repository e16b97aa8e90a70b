package dev.schemaguard.junit;

import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

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
}
