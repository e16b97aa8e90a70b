package dev.schemaguard.junit;

import dev.schemaguard.model.Database;
import dev.schemaguard.yaml.YamlSchemaReader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SchemaGuardTest} as docs/testing.md shows it: the migrations build the declared schema. */
@SchemaGuardTest(migrations = "classpath:junitkit/migration/complete", expected = "junitkit/schema.yaml")
class SchemaGuardTestExampleTest {

    private final MigratedDatabase database;

    SchemaGuardTestExampleTest(MigratedDatabase database) {
        this.database = database;
    }

    @Test
    void migrationsBuildTheDeclaredSchema(MigratedDatabase database) {
        database.assertMatches();
    }

    /** The DataSource, the constructor's and the method's MigratedDatabase are one database (one per class). */
    @Test
    void aDataSourceOfTheMigratedDatabase(DataSource dataSource, MigratedDatabase database) throws SQLException {
        assertEquals(this.database.name(), database.name());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_database(), count(*) FROM pg_tables"
                     + " WHERE schemaname = 'public' AND tablename IN ('customers', 'orders')")) {
            rs.next();
            assertEquals(database.name(), rs.getString(1));
            assertEquals(2, rs.getInt(2));
        }
    }

    /** A model as the expected side (here read from the same YAML; from entities, JpaSchemaReader's). */
    @Test
    void aModelAsTheExpectedSide(MigratedDatabase database) throws Exception {
        Database model = YamlSchemaReader.readDeclared(Path.of("src/test/resources/junitkit/schema.yaml")).database();
        database.assertMatches(model);
        database.assertMatchesEntities(model);
    }

    @Nested
    class NestedTests {
        @Test
        void shareTheDatabaseOfTheAnnotatedClass(MigratedDatabase nested) {
            assertEquals(database.name(), nested.name());
            assertTrue(nested.jdbcUrl().contains(nested.name()));
        }
    }
}
