package com.example.shop;

import dev.schemaguard.guard.SchemaDriftException;
import dev.schemaguard.junit.DatabasePer;
import dev.schemaguard.junit.SchemaGuardTest;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application starts on an empty database: Flyway migrates, schemaguard checks the result (reading YAML with
 * Jackson next to Flyway's and Hibernate's use of it), Hibernate starts and stores an order. Then it restarts.
 */
@SchemaGuardTest(databasePer = DatabasePer.METHOD)
class ShopApplicationTest {

    @Test
    void startsMigratesChecksStoresAndRestarts(DataSource dataSource) {
        try (ShopApplication app = ShopApplication.start(dataSource)) {
            app.sessionFactory().inTransaction(session -> {
                Customer ada = new Customer("Ada", "ada@example.com");
                session.persist(ada);
                session.persist(new PurchaseOrder(ada, new BigDecimal("12.50"), Instant.now()));
            });
        }
        try (ShopApplication restarted = ShopApplication.start(dataSource)) {
            BigDecimal total = restarted.sessionFactory().fromTransaction(session -> session
                    .createSelectionQuery("select o.total from PurchaseOrder o where o.customer.name = 'Ada'",
                            BigDecimal.class)
                    .getSingleResult());
            assertEquals(new BigDecimal("12.50"), total);
        }
    }

    @Test
    void aDatabaseThatDriftedSinceTheLastStartStopsTheNext(DataSource dataSource) throws SQLException {
        ShopApplication.start(dataSource).close();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE stray (id int)");
        }
        FlywayException failure = assertThrows(FlywayException.class, () -> ShopApplication.start(dataSource));
        assertTrue(failure.getCause() instanceof SchemaDriftException, failure::toString);
        assertTrue(failure.getMessage().contains("unexpected table public.stray"), failure.getMessage());
    }
}
