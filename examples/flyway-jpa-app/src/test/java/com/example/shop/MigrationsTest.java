package com.example.shop;

import dev.schemaguard.junit.MigratedDatabase;
import dev.schemaguard.junit.SchemaGuardTest;
import org.junit.jupiter.api.Test;

/**
 * Do the migrations build the schema we declared? A throwaway PostgreSQL database, the Flyway migrations of
 * src/main/resources/db/migration applied, compared with db/schema.yaml: a failure lists every difference, each
 * with the SQL that fixes it.
 */
@SchemaGuardTest(migrations = "classpath:db/migration", expected = "db/schema.yaml")
class MigrationsTest {

    @Test
    void migrationsBuildTheDeclaredSchema(MigratedDatabase database) {
        database.assertMatches();
    }
}
