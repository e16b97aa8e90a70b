package dev.schemaguard.sql;

import static dev.schemaguard.model.DataTypes.integer;
import static dev.schemaguard.model.DataTypes.text;
import static dev.schemaguard.sql.PlanTesting.apply;
import static dev.schemaguard.sql.PlanTesting.sqls;
import static dev.schemaguard.sql.PlanTesting.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * An index or constraint that differs only by its name is renamed, not dropped and built again: above all the
 * constraints of a table declared renamed, which keep the names PostgreSQL made from the old table's name.
 */
class SameDefinitionRenamesTest {

    /** As PostgreSQL names them: every constraint and index after its table. */
    private static final Database BEFORE = Schema.named("app").table("clients", t -> {
        t.column("id", integer()).primaryKey();
        t.column("email", text()).unique();
        t.column("age", integer());
        t.check("age >= 0").named("clients_age_check");
        t.index("age").named("clients_age_idx");
    }).table("orders", t -> {
        t.column("id", integer()).primaryKey();
        t.column("client_id", integer()).references("clients", "id");
    }).toDatabase();

    /** The table declared renamed; its constraints and index named after the new name, none of them declared. */
    private static final Database AFTER = Schema.named("app").table("customers", t -> {
        t.renamedFrom("clients");
        t.column("id", integer()).primaryKey();
        t.column("email", text()).unique();
        t.column("age", integer());
        t.check("age >= 0").named("customers_age_check");
        t.index("age").named("customers_age_idx");
    }).table("orders", t -> {
        t.column("id", integer()).primaryKey();
        t.column("client_id", integer()).references("customers", "id");
    }).toDatabase();

    static Stream<Named<PostgresServer>> servers() {
        return TestPostgres.all().stream().map(server -> Named.of(server.label(), server));
    }

    @Test
    void theConstraintsAndIndexOfARenamedTableAreRenamedNotRebuilt() {
        MigrationPlan plan = MigrationPlanner.plan(AFTER, BEFORE, PlanOptions.SAFE);
        assertEquals(List.of("ALTER TABLE app.clients RENAME TO customers",
                "ALTER INDEX app.clients_age_idx RENAME TO customers_age_idx",
                "ALTER TABLE app.customers RENAME CONSTRAINT clients_pkey TO customers_pkey",
                "ALTER TABLE app.customers RENAME CONSTRAINT clients_email_key TO customers_email_key",
                "ALTER TABLE app.customers RENAME CONSTRAINT clients_age_check TO customers_age_check"), sqls(plan));
        assertTrue(SchemaDiff.compare(AFTER, BEFORE).changes().stream().allMatch(c -> c instanceof SchemaChange.DeclaredRename),
                SchemaDiff.compare(AFTER, BEFORE).changes().toString());
        Schema after = AFTER.schemas().get(0);
        List<Table> reversed = new ArrayList<>(after.tables());
        Collections.reverse(reversed);
        Database tablesInOtherOrder = Database.of(after.withTables(reversed));
        assertEquals(sqls(plan), sqls(MigrationPlanner.plan(tablesInOtherOrder, BEFORE, PlanOptions.SAFE)));
    }

    @Test
    void onlyAnUnambiguousPairIsTakenForARename() {
        Database twoChecks = Schema.named("app").table("t", t -> {
            t.column("a", integer());
            t.check("a > 0").named("first");
            t.check("a > 0").named("second");
        }).toDatabase();
        Database otherNames = Schema.named("app").table("t", t -> {
            t.column("a", integer());
            t.check("a > 0").named("one");
            t.check("a > 0").named("two");
        }).toDatabase();
        List<String> sqls = sqls(MigrationPlanner.plan(otherNames, twoChecks, PlanOptions.ALLOW_DROPS));
        assertTrue(sqls.stream().noneMatch(sql -> sql.contains("RENAME")), String.join("\n", sqls));
    }

    @Test
    void aDifferentDefinitionIsNoRename() {
        Database before = Schema.named("app").table("t", t -> {
            t.column("a", integer());
            t.check("a > 0").named("t_a_check");
        }).toDatabase();
        Database after = Schema.named("app").table("t", t -> {
            t.column("a", integer());
            t.check("a > 1").named("t_a_positive");
        }).toDatabase();
        List<String> sqls = sqls(MigrationPlanner.plan(after, before, PlanOptions.ALLOW_DROPS));
        assertTrue(sqls.stream().noneMatch(sql -> sql.contains("RENAME")), String.join("\n", sqls));
        assertTrue(sqls.stream().anyMatch(sql -> sql.contains("DROP CONSTRAINT t_a_check")), String.join("\n", sqls));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void rowsStayAndTheWayBackRenamesBack(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            apply(db, MigrationPlanner.baseline(BEFORE));
            db.execute("insert into app.clients (id, email, age) values (1, 'ada@example.com', 36)");
            db.execute("insert into app.orders (id, client_id) values (10, 1)");
            MigrationPlan up = MigrationPlanner.plan(AFTER, BEFORE, PlanOptions.SAFE);
            apply(db, up);
            try (Connection connection = db.connect()) {
                Database migrated = new PostgresIntrospector(IntrospectionOptions.only("app")).introspect(connection);
                assertEquals(List.of(), SchemaDiff.compare(AFTER, migrated).changes(), "converged on " + server.label());
                apply(db, Rollback.of(up, BEFORE, migrated, PlanOptions.SAFE).down());
            }
            assertEquals(List.of("1 ada@example.com 10"), strings(db,
                    "select c.id || ' ' || c.email || ' ' || o.id from app.clients c join app.orders o on o.client_id = c.id"),
                    server.label());
            try (Connection connection = db.connect()) {
                Database back = new PostgresIntrospector(IntrospectionOptions.only("app")).introspect(connection);
                assertEquals(List.of(), SchemaDiff.compare(BEFORE, back).changes(), "back where it started on " + server.label());
            }
        }
    }
}
