package dev.schemaguard.sql;

import static dev.schemaguard.model.DataTypes.integer;
import static dev.schemaguard.model.DataTypes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.diff.DeclaredRenameException;
import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A table or column declared {@code renamedFrom} its old name is renamed, rows kept, and the key is harmless once
 * done; both names or neither is an error.
 */
class DeclaredRenamesTest {

    private static final Database BEFORE = Schema.named("app").table("clients", t -> {
        t.column("id", integer()).primaryKey();
        t.column("name", text()).unique();
        t.index("name").named("clients_name_idx");
    }).table("orders", t -> {
        t.column("id", integer());
        t.column("client_id", integer());
        t.column("client_name", text());
        t.foreignKey("client_id").references("clients", "id").named("orders_client_fkey");
        t.foreignKey("client_name").references("clients", "name").named("orders_client_name_fkey");
    }).toDatabase();

    private static final Database AFTER = Schema.named("app").table("customers", t -> {
        t.renamedFrom("clients");
        t.column("id", integer());
        t.primaryKey("id").named("clients_pkey");
        t.column("full_name", text()).renamedFrom("name");
        t.unique("full_name").named("clients_name_key");
        t.index("full_name").named("clients_name_idx");
        t.column("email", text());
    }).table("orders", t -> {
        t.column("id", integer());
        t.column("client_id", integer());
        t.column("client_name", text());
        t.foreignKey("client_id").references("customers", "id").named("orders_client_fkey");
        t.foreignKey("client_name").references("customers", "full_name").named("orders_client_name_fkey");
    }).toDatabase();

    static Stream<Named<PostgresServer>> servers() {
        return TestPostgres.all().stream().map(server -> Named.of(server.label(), server));
    }

    @Test
    void theRenameComesFirstAndTheRestOfThePlanUsesTheNewNameAndKeysFollowIt() {
        MigrationPlan plan = MigrationPlanner.plan(AFTER, BEFORE, PlanOptions.SAFE);
        assertEquals(List.of("ALTER TABLE app.clients RENAME TO customers",
                "ALTER TABLE app.customers RENAME COLUMN name TO full_name",
                "ALTER TABLE app.customers ADD COLUMN email text"), sqls(plan));
        assertTrue(plan.statements().get(0).cause() instanceof PlanStatement.Cause.Planned p
                && p.change() instanceof SchemaChange.TableRenamed, plan.statements().get(0).cause().toString());
        assertTrue(plan.skipped().isEmpty(), plan.skipped().toString());
    }

    @Test
    void bothNamesOrNeitherIsAnErrorNamingBoth() {
        Database both = Schema.named("app")
                .table("clients", t -> t.column("id", integer()))
                .table("customers", t -> t.column("id", integer())).toDatabase();
        Database neither = Schema.named("app").table("other", t -> t.column("id", integer())).toDatabase();
        for (Database actual : List.of(both, neither)) {
            DeclaredRenameException e = assertThrows(DeclaredRenameException.class, () -> SchemaDiff.compare(AFTER, actual));
            assertTrue(e.getMessage().contains("app.customers") && e.getMessage().contains("app.clients"), e.getMessage());
        }
    }

    @Test
    void aColumnWithBothNamesOrNeitherIsAnErrorNamingBoth() {
        Database both = Schema.named("app").table("customers", t -> {
            t.column("id", integer());
            t.column("name", text());
            t.column("full_name", text());
        }).toDatabase();
        Database neither = Schema.named("app").table("customers", t -> t.column("id", integer())).toDatabase();
        for (Database actual : List.of(both, neither)) {
            DeclaredRenameException e = assertThrows(DeclaredRenameException.class, () -> SchemaDiff.compare(AFTER, actual));
            assertTrue(e.getMessage().contains("app.customers.full_name") && e.getMessage().contains("from name"),
                    e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aRowInsertedBeforeTheRenameSurvivesIt(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            apply(db, MigrationPlanner.baseline(BEFORE));
            db.execute("insert into app.clients (id, name) values (1, 'Ada')");
            apply(db, MigrationPlanner.plan(AFTER, BEFORE, PlanOptions.SAFE));
            assertEquals(List.of("1 Ada"), strings(db, "select id || ' ' || full_name from app.customers"), server.label());
            try (Connection connection = db.connect()) {
                Database introspected = new PostgresIntrospector(IntrospectionOptions.only("app")).introspect(connection);
                assertEquals(List.of(), SchemaDiff.compare(AFTER, introspected).changes(),
                        "once renamed, the declaration is harmless on " + server.label());
                assertEquals(List.of(), MigrationPlanner.plan(AFTER, introspected, PlanOptions.ALLOW_DROPS).statements());
            }
        }
    }

    private static List<String> sqls(MigrationPlan plan) {
        return plan.statements().stream().map(PlanStatement::sql).toList();
    }

    private static void apply(ThrowawayDatabase db, MigrationPlan plan) throws SQLException {
        try (Connection connection = db.connect()) {
            PlanExecutor.apply(connection, plan);
        } catch (SQLException e) {
            throw new AssertionError("plan failed on " + db + ":\n" + plan.sql() + "\n" + e.getMessage(), e);
        }
    }

    private static List<String> strings(ThrowawayDatabase db, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
