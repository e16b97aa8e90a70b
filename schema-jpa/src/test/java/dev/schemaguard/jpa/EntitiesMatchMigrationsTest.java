package dev.schemaguard.jpa;

import dev.schemaguard.diff.ConstraintNameAlignment;
import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What an application's own test looks like: run the migrations on a fresh PostgreSQL, then check that the
 * entities (plus what entities cannot say: row-level security, a policy, a partial index) match the result.
 */
class EntitiesMatchMigrationsTest {

    private static final List<String> MIGRATIONS = List.of(
            "db/migration/V1__accounts_and_notes.sql", "db/migration/V2__row_level_security.sql");

    /** Declared beside the entities; in an application this would come from a YAML file. */
    private static final Database NOT_IN_ENTITIES = Schema.named("app")
            .table("note", t -> {
                t.column("account_id", DataType.of("bigint")).notNull();
                t.column("archived", DataType.of("boolean")).notNull();
                t.rowLevelSecurity();
                t.policy("note_owner").using("(account_id = (current_setting('app.account_id'::text))::bigint)");
                t.index("account_id").named("note_open_idx").where("(NOT archived)");
            })
            .toDatabase();

    @Test
    void entitiesMatchTheMigratedSchema() throws Exception {
        Database entities = new JpaSchemaReader(NamingStrategy.SNAKE_CASE, "app")
                .read(EntityScanner.scan(getClass().getClassLoader(), "dev.schemaguard.jpa.example"));
        Database expected = SchemaMerge.merge("entities", entities, "overlay", NOT_IN_ENTITIES);

        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect()) {
            migrate(connection);
            Database actual = new PostgresIntrospector(IntrospectionOptions.only("app")).introspect(connection);

            SchemaDiff diff = SchemaDiff.compare(ConstraintNameAlignment.align(expected, actual), actual);

            assertEquals(List.of(), diff.changes().stream().map(SchemaChange::describe).toList());
        }
    }

    private static void migrate(Connection connection) throws IOException, java.sql.SQLException {
        for (String migration : MIGRATIONS) {
            try (InputStream in = EntitiesMatchMigrationsTest.class.getClassLoader().getResourceAsStream(migration);
                 Statement statement = connection.createStatement()) {
                statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
