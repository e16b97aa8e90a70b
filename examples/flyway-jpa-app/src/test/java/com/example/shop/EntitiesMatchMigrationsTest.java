package com.example.shop;

import dev.schemaguard.jpa.JpaSchemaReader;
import dev.schemaguard.jpa.NamingStrategy;
import dev.schemaguard.junit.MigratedDatabase;
import dev.schemaguard.junit.SchemaGuardTest;
import dev.schemaguard.model.Database;
import org.junit.jupiter.api.Test;

/**
 * Do the entities match what the migrations build? The entities are the expected side (read by JpaSchemaReader
 * with the naming Hibernate uses in ShopApplication), the migrated throwaway database the actual one. Unlike
 * Hibernate's {@code validate}, a failure lists every difference (foreign keys, unique constraints and indexes
 * included), each with its SQL. The names of what the entities do not name do not count (Hibernate would choose
 * hashes, the migrations chose PostgreSQL's defaults); their definitions do.
 */
@SchemaGuardTest(migrations = "classpath:db/migration")
class EntitiesMatchMigrationsTest {

    @Test
    void entitiesMatchTheMigratedSchema(MigratedDatabase database) {
        Database entities = new JpaSchemaReader(NamingStrategy.SNAKE_CASE, "public")
                .read(Customer.class, PurchaseOrder.class);
        database.assertMatchesEntities(entities);
    }
}
