package dev.schemaguard.jpa;

import dev.schemaguard.diff.ConstraintNameAlignment;
import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.CanonicalSchema;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reader's model of the 23 shop entities against the schema Hibernate itself creates for them, on a real
 * PostgreSQL: no drift, with Hibernate's default naming and with Spring Boot's snake_case naming.
 */
class HibernateAgreementTest {

    @Test
    void entitiesMatchTheSchemaHibernateCreates() throws Exception {
        String ddl = HibernateDdl.createScript(ShopEntities.ALL, null);
        Database expected = new JpaSchemaReader().read(ShopEntities.ALL);
        assertEquals(List.of(), drift(expected, ddl));
    }

    @Test
    void snakeCaseEntitiesMatchTheSchemaHibernateCreatesWithSpringNaming() throws Exception {
        String ddl = HibernateDdl.createScript(ShopEntities.ALL, new CamelCaseToUnderscoresNamingStrategy());
        Database expected = new JpaSchemaReader(NamingStrategy.SNAKE_CASE, "public").read(ShopEntities.ALL);
        assertEquals(List.of(), drift(expected, ddl));
    }

    /**
     * Every difference between the expected model and the database {@code ddl} creates, for a person to read.
     * Sequences are compared through pg_sequences, tables through the introspector; schema comments are not
     * compared, since entities cannot declare them and PostgreSQL comments {@code public} itself.
     */
    static List<String> drift(Database expected, String ddl) throws Exception {
        return drift(expected, db -> db.execute(ddl));
    }

    /** What creates the actual schema in a throwaway database. */
    interface SchemaCreation {
        void create(ThrowawayDatabase database) throws Exception;
    }

    static List<String> drift(Database expected, SchemaCreation creation) throws Exception {
        return drift(TestPostgres.primary(), expected, creation);
    }

    /** {@link #drift(Database, SchemaCreation)} on {@code server}. */
    static List<String> drift(PostgresServer server, Database expected, SchemaCreation creation) throws Exception {
        Database canonical;
        try (ThrowawayDatabase scratch = ThrowawayDatabase.create(server)) {
            // the expected side in PostgreSQL's spelling (checks, defaults), as a comparison through SchemaGuard does
            canonical = CanonicalSchema.canonicalize(expected, new dev.schemaguard.sql.ThrowawayDatabase() {
                @Override
                public Connection open() throws java.sql.SQLException {
                    return scratch.connect();
                }

                @Override
                public int majorVersion() {
                    return scratch.server().majorVersion();
                }

                @Override
                public void close() {
                }
            });
        }
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            creation.create(db);
            try (Connection connection = db.connect()) {
                Database actual = new PostgresIntrospector(IntrospectionOptions.ALL).introspect(connection);
                List<String> drift = new ArrayList<>(SchemaDiff.compare(
                                Models.tablesOnly(ConstraintNameAlignment.align(canonical, actual)), Models.tablesOnly(actual))
                        .changes().stream()
                        .filter(change -> !(change instanceof SchemaChange.SchemaCommentChanged))
                        .map(SchemaChange::describe).toList());
                drift.addAll(Models.sequenceDrift(expected, connection));
                return drift;
            }
        }
    }
}
