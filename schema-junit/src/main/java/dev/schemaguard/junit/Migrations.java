package dev.schemaguard.junit;

import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import dev.schemaguard.model.Database;
import dev.schemaguard.yaml.DeclaredSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * "Do my migrations build the schema I declared?" in a test: runs Flyway migrations (or a Liquibase changelog)
 * on a throwaway PostgreSQL database and asserts that the result matches the expected YAML.
 *
 * <pre>{@code
 * Migrations.flyway("classpath:db/migration").assertMatches("db/schema.yaml");
 * }</pre>
 *
 * The server is found as {@link TestPostgres} finds one: the {@code SCHEMAGUARD_TEST_DATABASE_URL} environment
 * variable (or system property), else a Testcontainers PostgreSQL when Docker answers, else an embedded one. The
 * database is created for the run and dropped afterwards, whatever the outcome. Flyway must be on the test
 * classpath ({@code org.flywaydb:flyway-core} and {@code flyway-database-postgresql}), or Liquibase
 * ({@code org.liquibase:liquibase-core}) for {@link #liquibase}. The same as a JUnit 5 extension, with the migrated
 * database injected into the tests: {@link SchemaGuardTest}.
 */
public final class Migrations {

    private enum Tool {
        FLYWAY("Flyway", "org.flywaydb.core.Flyway", "org.flywaydb:flyway-core and org.flywaydb:flyway-database-postgresql"),
        LIQUIBASE("Liquibase", "liquibase.Liquibase", "org.liquibase:liquibase-core");

        private final String label;
        private final String mainClass;
        private final String artifacts;

        Tool(String label, String mainClass, String artifacts) {
            this.label = label;
            this.mainClass = mainClass;
            this.artifacts = artifacts;
        }
    }

    private final Tool tool;
    private final List<String> locations;
    private final PostgresServer server;

    private Migrations(Tool tool, List<String> locations, PostgresServer server) {
        this.tool = tool;
        this.locations = List.copyOf(locations);
        this.server = server;
    }

    /** Flyway migrations at {@code locations}, e.g. {@code classpath:db/migration} or {@code filesystem:sql}. */
    public static Migrations flyway(String... locations) {
        if (locations.length == 0) {
            throw new IllegalArgumentException("name at least one Flyway location, e.g. classpath:db/migration");
        }
        for (String location : locations) {
            Objects.requireNonNull(location, "location");
        }
        return new Migrations(Tool.FLYWAY, List.of(locations), null);
    }

    /** A Liquibase changelog on the classpath, e.g. {@code db/changelog/db.changelog-master.yaml}. */
    public static Migrations liquibase(String changelog) {
        Objects.requireNonNull(changelog, "changelog");
        return new Migrations(Tool.LIQUIBASE, List.of(changelog), null);
    }

    /** These migrations run on {@code server} rather than on {@link TestPostgres#primary()}. */
    public Migrations on(PostgresServer server) {
        return new Migrations(tool, locations, Objects.requireNonNull(server, "server"));
    }

    /**
     * Runs the migrations on a new database and fails with every difference (each with the SQL that fixes it)
     * when the result does not match {@code expected} (a classpath resource, else a file or directory).
     */
    public void assertMatches(String expected) {
        DeclaredSchema declared = ExpectedSchemaFile.load(expected);
        migrateAndCompare(connection -> SchemaAssertions.assertMatches(connection, declared, expected));
    }

    /**
     * Runs the migrations on a new database and fails with every difference when the result does not match the
     * model {@code expected} (built with the DSL, or read from JPA entities with {@code JpaSchemaReader}).
     */
    public void assertMatches(Database expected) {
        Objects.requireNonNull(expected, "expected");
        migrateAndCompare(connection -> SchemaAssertions.assertMatches(connection, expected));
    }

    /**
     * Runs the migrations on a new database and fails with every difference when the result does not match the
     * model read from entities; constraints and indexes the entities do not name match by definition
     * ({@link SchemaAssertions#assertMatchesEntities(Connection, Database)}).
     */
    public void assertMatchesEntities(Database entities) {
        Objects.requireNonNull(entities, "entities");
        migrateAndCompare(connection -> SchemaAssertions.assertMatchesEntities(connection, entities));
    }

    private interface Comparison {
        void run(Connection connection) throws SQLException;
    }

    private void migrateAndCompare(Comparison comparison) {
        requireTool(); // before a database is created for nothing
        PostgresServer target = server != null ? server : TestPostgres.primary();
        try (ThrowawayDatabase database = ThrowawayDatabase.create(target)) {
            migrate(database);
            try (Connection connection = database.connect()) {
                comparison.run(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create, read or drop the throwaway database on " + target.label()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Runs the migrations on {@code database}. */
    void migrate(ThrowawayDatabase database) throws SQLException {
        requireTool();
        if (tool == Tool.FLYWAY) {
            FlywayRun.migrate(database.jdbcUrl(), locations);
        } else {
            try (Connection connection = database.connect()) {
                LiquibaseRun.update(connection, locations.get(0));
            }
        }
    }

    /** What runs, for messages: e.g. {@code Flyway migrations [classpath:db/migration]}. */
    String describe() {
        return tool == Tool.FLYWAY ? "Flyway migrations " + locations : "Liquibase changelog " + locations.get(0);
    }

    private void requireTool() {
        try {
            Class.forName(tool.mainClass, false, Migrations.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(tool.label + " is not on the classpath: add " + tool.artifacts + " as test dependencies", e);
        }
    }
}
