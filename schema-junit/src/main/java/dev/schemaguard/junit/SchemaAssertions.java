package dev.schemaguard.junit;

import dev.schemaguard.model.ComparisonScope;
import dev.schemaguard.model.Database;
import dev.schemaguard.yaml.DeclaredSchema;
import org.opentest4j.AssertionFailedError;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Asserts in a test that a live PostgreSQL database matches an expected YAML schema.
 *
 * <pre>{@code
 * SchemaAssertions.assertMatches(dataSource, "db/schema.yaml");
 * }</pre>
 *
 * The comparison is {@code schemaguard check}'s: only the schemas the YAML declares are read; its {@code ignore:}
 * rules, {@code history_tables:} and {@code unexpected:} settings apply, and Flyway's and Liquibase's history tables
 * are left out by default. A failure lists every difference, each followed by the SQL that fixes it (the statements
 * {@code schemaguard apply --allow-drops} would run for it), not the first difference only.
 *
 * <p>{@code expected} is a classpath resource ({@code db/schema.yaml}) when one has that name, else a file or a
 * directory of YAML files.
 */
public final class SchemaAssertions {

    private SchemaAssertions() {
    }

    /** Fails with every difference when the database behind {@code dataSource} does not match {@code expected}. */
    public static void assertMatches(DataSource dataSource, String expected) {
        DeclaredSchema declared = ExpectedSchemaFile.load(expected);
        try (Connection connection = dataSource.getConnection()) {
            assertMatches(connection, declared, expected);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database to compare it with " + expected + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Fails with every difference when the database at {@code jdbcUrl} (credentials as URL parameters, e.g.
     * {@code jdbc:postgresql://localhost/app?user=app&password=...}) does not match {@code expected}.
     */
    public static void assertMatches(String jdbcUrl, String expected) {
        DeclaredSchema declared = ExpectedSchemaFile.load(expected);
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            assertMatches(connection, declared, expected);
        } catch (SQLException e) {
            // the URL may carry a password: name the failure, never the URL
            throw new IllegalStateException("cannot read the database to compare it with " + expected + ": "
                    + e.getMessage(), e);
        }
    }

    /** Fails with every difference when the database of {@code connection} does not match {@code expected}. */
    public static void assertMatches(Connection connection, String expected) throws SQLException {
        assertMatches(connection, ExpectedSchemaFile.load(expected), expected);
    }

    /**
     * Fails with every difference when the database behind {@code dataSource} does not match {@code expected}, a
     * model built with the DSL or read from entities ({@code new JpaSchemaReader().read(Order.class, ...)}); the
     * default scope applies (history tables left out, every undeclared object is a difference).
     */
    public static void assertMatches(DataSource dataSource, Database expected) {
        try (Connection connection = dataSource.getConnection()) {
            assertMatches(connection, expected);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database to compare it with the expected model: "
                    + e.getMessage(), e);
        }
    }

    /** Fails with every difference when the database of {@code connection} does not match the model {@code expected}. */
    public static void assertMatches(Connection connection, Database expected) throws SQLException {
        assertMatches(connection, expected, ComparisonScope.DEFAULT, MODEL_NAME);
    }

    /**
     * Fails with every difference when the database behind {@code dataSource} does not match the model read from
     * entities ({@code new JpaSchemaReader(...).read(Order.class, ...)}). Unlike {@link #assertMatches(DataSource,
     * Database)}, a constraint or index the entities expect under another name counts as matching when exactly one
     * in the database has its definition ({@code ConstraintNameAlignment}): the reader names what the entities do not
     * name as PostgreSQL would, while Hibernate names it with a hash and migrations as they like. A constraint that
     * is missing or different is still a difference.
     */
    public static void assertMatchesEntities(DataSource dataSource, Database entities) {
        try (Connection connection = dataSource.getConnection()) {
            assertMatchesEntities(connection, entities);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database to compare it with the entities: "
                    + e.getMessage(), e);
        }
    }

    /** {@link #assertMatchesEntities(DataSource, Database)} on a connection the test owns. */
    public static void assertMatchesEntities(Connection connection, Database entities) throws SQLException {
        SchemaComparison comparison = SchemaComparison.of(connection, entities, ComparisonScope.DEFAULT,
                SchemaComparison.ConstraintNames.ALIGNED);
        if (!comparison.matches()) {
            throw new AssertionFailedError(comparison.describe("database " + connection.getCatalog(), ENTITIES_NAME));
        }
    }

    static final String MODEL_NAME = "the expected model";
    static final String ENTITIES_NAME = "the entities";

    static void assertMatches(Connection connection, DeclaredSchema declared, String expectedName) throws SQLException {
        assertMatches(connection, declared.database(), declared.scope(), expectedName);
    }

    private static void assertMatches(Connection connection, Database expected, ComparisonScope scope,
                                      String expectedName) throws SQLException {
        SchemaComparison comparison = SchemaComparison.of(connection, expected, scope);
        if (!comparison.matches()) {
            throw new AssertionFailedError(comparison.describe("database " + connection.getCatalog(), expectedName));
        }
    }
}
