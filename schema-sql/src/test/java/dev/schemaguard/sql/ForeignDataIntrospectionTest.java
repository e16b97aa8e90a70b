package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.model.ForeignTable;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Privilege;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Table;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.schemaguard.model.DataTypes.bigint;
import static dev.schemaguard.model.DataTypes.text;
import static dev.schemaguard.testkit.ThrowawayDatabase.TEST_ROLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Foreign-data wrappers, servers and foreign tables created with SQL and introspected: the model equals the same
 * objects written in the DSL, user mappings are named (their options never read), and a read of some schemas
 * keeps the servers those schemas' foreign tables use and the servers no foreign table uses.
 */
class ForeignDataIntrospectionTest {

    private static final String PASSWORD = "Um-S3cret-5520";

    static Stream<Named<PostgresServer>> servers() {
        return TestPostgres.all().stream().map(server -> Named.of(server.label(), server));
    }

    private static final String SCRIPT = """
            create extension postgres_fdw;
            create foreign data wrapper "Plain FDW" options (mode 'it''s');
            comment on foreign data wrapper "Plain FDW" is 'no handler';
            create foreign data wrapper my_pg handler public.postgres_fdw_handler validator public.postgres_fdw_validator;
            create server remote type 'postgres' version '13' foreign data wrapper postgres_fdw
                options (host 'localhost', dbname 'nowhere');
            comment on server remote is 'nowhere';
            create server plain foreign data wrapper "Plain FDW" options ("Odd Option" 'x', empty '');
            create server unused foreign data wrapper my_pg;
            create user mapping for current_user server remote options (user 'someone', password '%s');
            create user mapping for public server plain;
            create schema app;
            create schema other;
            create foreign table app.items (
                id bigint options (column_name 'item_id') not null default 1,
                label text options (column_name 'name') collate "C",
                constraint items_id_check check (id > 0)
            ) server remote options (schema_name 'public', table_name 'items');
            comment on foreign table app.items is 'remote rows';
            comment on column app.items.label is 'what it is called';
            create table app.events (id int, at date) partition by range (at);
            create foreign table app.events_2020 partition of app.events
                for values from ('2020-01-01') to ('2021-01-01') server plain;
            alter foreign table app.events_2020 alter column id options (add column_name 'ident');
            create table app.base (id int);
            create foreign table app.child (extra text) inherits (app.base) server plain;
            create foreign table other.elsewhere (x int) server plain;
            grant select on app.items to %s;
            grant update (label) on app.items to %s;
            grant usage on foreign server remote to %s;
            """.formatted(PASSWORD, TEST_ROLE, TEST_ROLE, TEST_ROLE);

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void wrappersServersAndForeignTablesEqualTheSameObjectsWrittenInTheDsl(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(SCRIPT);
            IntrospectionResult result = introspect(db, IntrospectionOptions.only("app"));
            Database actual = result.database();

            Table items = Table.named("items", t -> {
                t.column("id", bigint()).notNull().defaultValue("1");
                t.column("label", text()).collate("C").comment("what it is called");
                t.check("(id > 0)").named("items_id_check");
                t.comment("remote rows");
            }).withForeign(new ForeignTable("remote", Map.of("schema_name", "public", "table_name", "items"),
                    Map.of("id", Map.of("column_name", "item_id"), "label", Map.of("column_name", "name"))));
            Table partition = Table.empty("events_2020").withPartitionOf(new PartitionBound(QualifiedName.of("app", "events"),
                    "FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')"))
                    .withForeign(new ForeignTable("plain", Map.of(), Map.of("id", Map.of("column_name", "ident"))));
            Table child = Table.named("child", t -> t.column("extra", text())).withInherits(List.of(QualifiedName.of("app", "base")))
                    .withForeign(ForeignTable.on("plain"));
            assertEquals(items, actual.table(QualifiedName.of("app", "items")).orElseThrow());
            assertEquals(partition, actual.table(QualifiedName.of("app", "events_2020")).orElseThrow());
            assertEquals(child, actual.table(QualifiedName.of("app", "child")).orElseThrow());
            assertTrue(SchemaDiff.compare(actual, actual).isEmpty());

            assertEquals(List.of(
                            new ForeignDataWrapper("Plain FDW", null, null, Map.of("mode", "it's"), "no handler"),
                            new ForeignDataWrapper("my_pg", "public.postgres_fdw_handler", "public.postgres_fdw_validator",
                                    Map.of(), null)),
                    actual.foreignDataWrappers(), "the wrappers no extension owns (postgres_fdw's belongs to postgres_fdw)");
            assertEquals(List.of(
                            new ForeignServer("plain", "Plain FDW", null, null, Map.of("Odd Option", "x", "empty", ""), null),
                            new ForeignServer("remote", "postgres_fdw", "postgres", "13",
                                    Map.of("host", "localhost", "dbname", "nowhere"), "nowhere"),
                            ForeignServer.of("unused", "my_pg")),
                    actual.foreignServers(), "the servers app's foreign tables use, and the one no foreign table uses");
            assertEquals(List.of(
                            "user mapping for role PUBLIC on server plain: not modelled (its options may hold passwords)",
                            "user mapping for role postgres on server remote: not modelled (its options may hold passwords)"),
                    result.unsupported().stream().map(line -> line.replace(currentUser(db), "postgres")).toList());
            assertFalse(result.toString().contains(PASSWORD) || String.join("\n", result.unsupported()).contains("someone"),
                    "no option value of a user mapping is read");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aReadOfSomeSchemasKeepsTheirServersAndTheUnusedOnes(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(SCRIPT);
            db.execute("create foreign data wrapper lonely; create foreign data wrapper only_other;"
                    + " create server other_only foreign data wrapper only_other;"
                    + " create foreign table other.far (x int) server other_only;");

            Database other = introspect(db, IntrospectionOptions.only("other")).database();
            assertEquals(List.of("other_only", "plain", "unused"), other.foreignServers().stream().map(ForeignServer::name).toList());
            assertEquals(List.of("Plain FDW", "lonely", "my_pg", "only_other"),
                    other.foreignDataWrappers().stream().map(ForeignDataWrapper::name).toList());

            Database app = introspect(db, IntrospectionOptions.only("app")).database();
            assertEquals(List.of("plain", "remote", "unused"), app.foreignServers().stream().map(ForeignServer::name).toList(),
                    "other_only serves only schema other");
            assertEquals(List.of("Plain FDW", "lonely", "my_pg"),
                    app.foreignDataWrappers().stream().map(ForeignDataWrapper::name).toList());

            Database all = introspect(db, IntrospectionOptions.ALL).database();
            assertEquals(4, all.foreignServers().size());
            assertEquals(4, all.foreignDataWrappers().size());
            assertEquals(app.foreignServers(), all.retainForeignDataOf("app"::equals).foreignServers(),
                    "a declared model restricted to app keeps what a read of app keeps");
            assertEquals(app.foreignDataWrappers(), all.retainForeignDataOf("app"::equals).foreignDataWrappers());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void grantsOnForeignTablesAreReadAndThoseOnServersReported(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            db.execute(SCRIPT);
            IntrospectionResult result = introspect(db, IntrospectionOptions.only("app").withPrivileges());
            List<Grant> grants = result.database().schema("app").orElseThrow().grants();
            QualifiedName items = QualifiedName.of("app", "items");
            assertTrue(grants.contains(Grant.of(ObjectRef.of(ObjectRef.Kind.TABLE, "app", "items"), TEST_ROLE, Privilege.SELECT)),
                    grants.toString());
            assertTrue(grants.contains(Grant.of(ObjectRef.column(items, "label"), TEST_ROLE, Privilege.UPDATE)), grants.toString());
            assertTrue(result.unsupported().stream().anyMatch(line -> line.startsWith("privileges on server remote: ")
                    && line.contains(TEST_ROLE + "=U/")), result.unsupported().toString());
            assertTrue(result.unsupported().stream().noneMatch(line -> line.contains("foreign table")),
                    "privileges on foreign tables are modelled: " + result.unsupported());
        }
    }

    private static IntrospectionResult introspect(ThrowawayDatabase db, IntrospectionOptions options) throws SQLException {
        try (Connection connection = db.connect()) {
            return new PostgresIntrospector(options).introspectWithReport(connection);
        }
    }

    private static String currentUser(ThrowawayDatabase db) {
        try (Connection connection = db.connect(); var statement = connection.createStatement();
             var row = statement.executeQuery("select quote_ident(current_user)")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
