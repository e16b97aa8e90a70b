package dev.schemaguard.junit;

import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import dev.schemaguard.model.Database;
import dev.schemaguard.yaml.YamlSchemaReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaAssertionsTest {

    private static final String EXPECTED = "junitkit/schema.yaml";

    private static final String MATCHING = """
            CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), note text);
            CREATE INDEX orders_customer_idx ON orders (customer_id);
            """;

    static List<PostgresServer> servers() {
        return TestPostgres.all();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aMatchingDatabasePassesWithIgnoredAndHistoryTablesLeftOut(PostgresServer server) throws Exception {
        try (ThrowawayDatabase database = ThrowawayDatabase.create(server)) {
            database.execute(MATCHING);
            database.execute("CREATE TABLE legacy_import (line text)");
            database.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, script text)");
            database.execute("CREATE TABLE databasechangelog (id text)");

            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(database.jdbcUrl());
            assertDoesNotThrow(() -> SchemaAssertions.assertMatches(dataSource, EXPECTED));
            assertDoesNotThrow(() -> SchemaAssertions.assertMatches(database.jdbcUrl(),
                    "src/test/resources/" + EXPECTED));
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aDriftedDatabaseFailsListingEveryDifferenceWithItsSql(PostgresServer server) throws Exception {
        try (ThrowawayDatabase database = ThrowawayDatabase.create(server)) {
            database.execute("""
                    CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
                    CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));
                    CREATE INDEX orders_customer_idx ON orders (customer_id);
                    CREATE TABLE stray (id int);
                    """);

            AssertionFailedError failure;
            try (Connection connection = database.connect()) {
                failure = assertThrows(AssertionFailedError.class,
                        () -> SchemaAssertions.assertMatches(connection, EXPECTED));
            }
            assertEquals("""
                    database %s does not match junitkit/schema.yaml: 2 differences
                      - missing column public.orders.note text
                          ALTER TABLE public.orders ADD COLUMN note text;
                      - unexpected table public.stray
                          DROP TABLE public.stray;
                      warning: classpath:junitkit/schema.yaml:3:5: ignore rule 'public.legacy_*' matches nothing on\
                     either side of the comparison""".formatted(database.name()), failure.getMessage());
        }
    }

    /**
     * Entities name no constraint; Hibernate (or a migration generated from its DDL) names them with hashes: the
     * names do not count for assertMatchesEntities, what is missing still does.
     */
    @ParameterizedTest
    @MethodSource("servers")
    void entitiesMatchConstraintsAndIndexesByDefinitionWhateverTheirNames(PostgresServer server) throws Exception {
        Database entities = YamlSchemaReader.readDeclared(Path.of("src/test/resources/" + EXPECTED)).database();
        try (ThrowawayDatabase database = ThrowawayDatabase.create(server)) {
            database.execute("""
                    CREATE TABLE customers (id bigint CONSTRAINT pk_customers PRIMARY KEY, name text NOT NULL);
                    CREATE TABLE orders (id bigint PRIMARY KEY,
                        customer_id bigint NOT NULL CONSTRAINT fk6l0xjn48l4790oawco19v9es8 REFERENCES customers (id));
                    CREATE INDEX idx8b8qxo54irfyj5dhtu33gpa9d ON orders (customer_id);
                    """);
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(database.jdbcUrl());

            AssertionFailedError byName = assertThrows(AssertionFailedError.class,
                    () -> SchemaAssertions.assertMatches(dataSource, entities));
            assertTrue(byName.getMessage().contains("fk6l0xjn48l4790oawco19v9es8"), byName.getMessage());

            AssertionFailedError byDefinition = assertThrows(AssertionFailedError.class,
                    () -> SchemaAssertions.assertMatchesEntities(dataSource, entities));
            assertEquals("""
                    database %s does not match the entities: 1 difference
                      - missing column public.orders.note text
                          ALTER TABLE public.orders ADD COLUMN note text;""".formatted(database.name()),
                    byDefinition.getMessage());

            database.execute("ALTER TABLE orders ADD COLUMN note text");
            assertDoesNotThrow(() -> SchemaAssertions.assertMatchesEntities(dataSource, entities));
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aMissingExpectedSchemaIsNamed(PostgresServer server) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> SchemaAssertions.assertMatches(server.adminJdbcUrl(), "no/such/schema.yaml"));
        assertTrue(failure.getMessage().contains("no/such/schema.yaml"), failure.getMessage());
    }
}
