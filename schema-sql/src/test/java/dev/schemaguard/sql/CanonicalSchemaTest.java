package dev.schemaguard.sql;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.Publication;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static dev.schemaguard.model.DataTypes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalSchemaTest {

    private static final PostgresServer SERVER = TestPostgres.primary();

    private static Database documents(String check) {
        return Database.of(Schema.named("public").table("documents", t -> {
            t.column("status", text()).notNull().defaultValue("'draft'");
            t.check(check).named("status_known");
            t.rowLevelSecurity();
            t.policy("editors_only").to("schemaguard_test_editor").using("status <> 'sent'");
        }).build());
    }

    @Test
    void readsTheExpectedSchemaBackInPostgresSpelling() throws Exception {
        try (ThrowawayDatabaseOnServer throwaway = ThrowawayDatabaseOnServer.create(SERVER.adminJdbcUrl(), new Properties())) {
            Database canonical = CanonicalSchema.canonicalize(documents("status in ('draft','sent')"), throwaway);

            var table = canonical.schema("public").orElseThrow().table("documents").orElseThrow();
            assertEquals("'draft'::text", table.column("status").orElseThrow().defaultExpression());
            CheckConstraint check = table.checkConstraints().get(0);
            assertEquals("status_known", check.name());
            assertTrue(check.expression().contains("ANY (ARRAY['draft'::text, 'sent'::text])"), check.expression());
            assertEquals(List.of("schemaguard_test_editor"), table.policies().get(0).roles(),
                    "a role the server lacks is created for the occasion");
        }
    }

    /** Names written bare, as people write them, come back schema-qualified as introspection spells them. */
    @Test
    void aggregatesAndCastsComeBackWithQualifiedFunctions() throws Exception {
        String step = "CREATE OR REPLACE FUNCTION public.tally_step(bigint, integer) RETURNS bigint LANGUAGE sql"
                + " AS 'SELECT $1 + $2'";
        String label = "CREATE OR REPLACE FUNCTION public.mood_label(mood) RETURNS text LANGUAGE sql AS 'SELECT $1::text'";
        Schema schema = Schema.named("public")
                .enumType("mood", "sad", "happy")
                .routine(new dev.schemaguard.model.Routine("tally_step", "bigint, integer", null, step, null))
                .routine(new dev.schemaguard.model.Routine("mood_label", "mood", null, label, null))
                .aggregate(dev.schemaguard.model.Aggregate.of("tally", "int4", "tally_step", DataType.parse("int8")))
                .build();
        Database declared = Database.of(schema).withCasts(List.of(dev.schemaguard.model.Cast.withFunction(
                DataType.parse("mood"), DataType.parse("text"), "mood_label", "mood")));
        try (ThrowawayDatabaseOnServer throwaway = ThrowawayDatabaseOnServer.create(SERVER.adminJdbcUrl(), new Properties())) {
            Database canonical = CanonicalSchema.canonicalize(declared, throwaway);
            assertEquals(List.of(dev.schemaguard.model.Aggregate.of("tally", "integer", "public.tally_step",
                    DataType.parse("bigint"))), canonical.schema("public").orElseThrow().aggregates());
            assertEquals(List.of(dev.schemaguard.model.Cast.withFunction(DataType.userDefined("public", "mood"),
                    DataType.parse("text"), "public.mood_label", "mood")), canonical.casts());
        }
    }

    @Test
    void leavesTheThrowawayDatabaseEmptyAndDropsItOnClose() throws Exception {
        String name;
        try (ThrowawayDatabaseOnServer throwaway = ThrowawayDatabaseOnServer.create(SERVER.adminJdbcUrl(), new Properties())) {
            name = throwaway.name();
            assertTrue(databaseExists(name));
            CanonicalSchema.canonicalize(documents("status <> ''"), throwaway);
            CanonicalSchema.canonicalize(documents("status <> 'x'"), throwaway); // the same names again: still empty
            try (Connection connection = throwaway.open()) {
                Database left = new PostgresIntrospector(IntrospectionOptions.ALL).introspect(connection);
                assertTrue(left.schemas().stream().allMatch(s -> s.tables().isEmpty()), left::toString);
            }
        }
        assertFalse(databaseExists(name));
        assertFalse(roleExists("schemaguard_test_editor"), "the role vanished with the rolled-back transaction");
    }

    @Test
    void theServersHintComesWithTheReasonToFallBack() throws Exception {
        try (ThrowawayDatabaseOnServer throwaway = ThrowawayDatabaseOnServer.create(SERVER.adminJdbcUrl(), new Properties())) {
            List<String> warnings = new ArrayList<>();
            CanonicalSchema.canonicalizeOrKeep(documents("schemaguard_no_such_function(status) > 0"), throwaway, warnings::add);
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).contains("schemaguard_no_such_function(text) does not exist (Hint: No function"
                    + " matches the given name and argument types."), warnings.get(0));
        }
    }

    @Test
    void keepsTheDeclaredExtensionsAndPublicationsAsDeclared() throws Exception {
        Database expected = documents("status <> ''")
                .withExtensions(List.of(new Extension("pgcrypto", null, null), new Extension("citext", "public", null)))
                .withPublications(List.of(new Publication("docs", false,
                        List.of(Publication.Table.of(QualifiedName.of("public", "documents"))), List.of(), null, false, null)));
        try (ThrowawayDatabaseOnServer throwaway = ThrowawayDatabaseOnServer.create(SERVER.adminJdbcUrl(), new Properties())) {
            Database canonical = CanonicalSchema.canonicalize(expected, throwaway);
            assertEquals(expected.extensions(), canonical.extensions(),
                    "a schema or version the declaration leaves open stays open (the throwaway server's is not pinned)");
            assertEquals(expected.publications(), canonical.publications());
        }
    }

    @Test
    void anExtensionTheThrowawayServerLacksIsAReasonToFallBack() throws Exception {
        Database expected = documents("status <> ''")
                .withExtensions(List.of(new Extension("schemaguard_no_such_extension", "public", null)));
        try (ThrowawayDatabaseOnServer throwaway = ThrowawayDatabaseOnServer.create(SERVER.adminJdbcUrl(), new Properties())) {
            CanonicalizationException e = assertThrows(CanonicalizationException.class,
                    () -> CanonicalSchema.canonicalize(expected, throwaway));
            assertTrue(e.getMessage().contains("schemaguard_no_such_extension"), e.getMessage());

            List<String> warnings = new ArrayList<>();
            assertSame(expected, CanonicalSchema.canonicalizeOrKeep(expected, throwaway, warnings::add));
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).contains("schemaguard_no_such_extension")
                    && warnings.get(0).contains("text normalization only"), warnings.get(0));
        }
    }

    private static boolean databaseExists(String name) throws SQLException {
        return exists("SELECT 1 FROM pg_database WHERE datname = ?", name);
    }

    private static boolean roleExists(String name) throws SQLException {
        return exists("SELECT 1 FROM pg_roles WHERE rolname = ?", name);
    }

    private static boolean exists(String sql, String name) throws SQLException {
        try (Connection connection = SERVER.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }
}
