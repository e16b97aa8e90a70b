package dev.schemaguard.junit;

import dev.schemaguard.model.Database;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The throwaway database a {@link SchemaGuardTest} class gets, with its migrations applied; injected into test
 * methods, {@code @BeforeEach} methods and constructors. The extension drops it; tests only use it.
 */
public final class MigratedDatabase {

    private final ThrowawayDatabase database;
    private final String expected;
    private final PGSimpleDataSource dataSource;

    MigratedDatabase(ThrowawayDatabase database, String expected) {
        this.database = database;
        this.expected = expected;
        this.dataSource = new PGSimpleDataSource();
        this.dataSource.setURL(database.jdbcUrl());
    }

    /** The database's name, e.g. {@code sg_test_3f9a0c2e7b1d4a55}. */
    public String name() {
        return database.name();
    }

    /** A superuser JDBC URL of the database, credentials as URL parameters: do not print it. */
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** A DataSource for the database (a new connection per call, as {@code PGSimpleDataSource} does). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** A new connection to the database; the caller closes it. */
    public Connection connect() throws SQLException {
        return database.connect();
    }

    /** The major version of the server the database is on, e.g. {@code 17}. */
    public int serverMajorVersion() {
        return database.server().majorVersion();
    }

    /** The schema {@link SchemaGuardTest#expected()} names, if it names one. */
    public Optional<String> expected() {
        return Optional.ofNullable(expected);
    }

    /**
     * Fails with every difference, each with the SQL that fixes it, when the database does not match the schema
     * {@link SchemaGuardTest#expected()} names.
     */
    public void assertMatches() {
        if (expected == null) {
            throw new IllegalStateException("no expected schema to compare with: name one in"
                    + " @SchemaGuardTest(expected = \"db/schema.yaml\"), or call assertMatches(\"db/schema.yaml\")");
        }
        assertMatches(expected);
    }

    /** Fails with every difference when the database does not match {@code expected} (resource, file or directory). */
    public void assertMatches(String expected) {
        SchemaAssertions.assertMatches(dataSource, expected);
    }

    /**
     * Fails with every difference when the database does not match the model {@code expected}: one built with the
     * DSL, or read from entities with {@code JpaSchemaReader}.
     */
    public void assertMatches(Database expected) {
        SchemaAssertions.assertMatches(dataSource, expected);
    }

    /**
     * Fails with every difference when the database does not match the model read from entities
     * ({@code JpaSchemaReader}); constraints and indexes the entities do not name match by definition
     * ({@link SchemaAssertions#assertMatchesEntities(DataSource, Database)}).
     */
    public void assertMatchesEntities(Database entities) {
        SchemaAssertions.assertMatchesEntities(dataSource, entities);
    }

    @Override
    public String toString() {
        return database.toString();
    }
}
