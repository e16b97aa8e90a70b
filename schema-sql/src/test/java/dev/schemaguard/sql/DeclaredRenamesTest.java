package dev.schemaguard.sql;

import static dev.schemaguard.sql.PlanTesting.sqls;
import static dev.schemaguard.sql.PlanTesting.apply;
import static dev.schemaguard.sql.PlanTesting.strings;
import static dev.schemaguard.model.DataTypes.integer;
import static dev.schemaguard.model.DataTypes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.diff.DeclaredRenameException;
import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.RangeType;
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
import java.util.List;
import java.util.Map;
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

    @Test
    void theWayBackRenamesBackInsteadOfDroppingAndCreating() {
        MigrationPlan up = MigrationPlanner.plan(AFTER, BEFORE, PlanOptions.SAFE);
        // migrated as a diff gives it: the declared target, renamed_from and all
        MigrationPlan down = Rollback.of(up, BEFORE, AFTER, PlanOptions.SAFE).down();
        assertEquals(List.of("ALTER TABLE app.customers RENAME TO clients",
                "ALTER TABLE app.clients RENAME COLUMN full_name TO name",
                "ALTER TABLE app.clients DROP COLUMN email"), sqls(down));
    }

    @Test
    void theWayBackRenamesSchemaTypesConstraintsAndIndexBack() {
        MigrationPlan up = MigrationPlanner.plan(OBJECTS_AFTER, OBJECTS_BEFORE, PlanOptions.SAFE);
        List<String> down = sqls(Rollback.of(up, OBJECTS_BEFORE, OBJECTS_AFTER, PlanOptions.SAFE).down());
        assertEquals("ALTER SCHEMA app RENAME TO old_app", down.get(0), String.join("\n", down));
        for (String rename : List.of("ALTER TYPE old_app.feeling RENAME TO mood", "ALTER DOMAIN old_app.positive RENAME TO pos",
                "ALTER TYPE old_app.numr RENAME TO floatrange", "ALTER INDEX old_app.t_n_idx RENAME TO t_old_idx",
                "ALTER TABLE old_app.t RENAME CONSTRAINT t_pkey TO t_old_pkey",
                "ALTER TABLE old_app.t RENAME CONSTRAINT t_id_check TO t_old_check")) {
            assertTrue(down.contains(rename), rename + " missing from\n" + String.join("\n", down));
        }
        assertTrue(down.stream().noneMatch(sql -> sql.startsWith("DROP") || sql.startsWith("CREATE") || sql.contains(" DROP ")),
                String.join("\n", down));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aRowSurvivesTheRenameAndTheWayBack(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            apply(db, MigrationPlanner.baseline(BEFORE));
            db.execute("insert into app.clients (id, name) values (1, 'Ada')");
            MigrationPlan up = MigrationPlanner.plan(AFTER, BEFORE, PlanOptions.SAFE);
            apply(db, up);
            try (Connection connection = db.connect()) {
                Database migrated = new PostgresIntrospector(IntrospectionOptions.only("app")).introspect(connection);
                apply(db, Rollback.of(up, BEFORE, migrated, PlanOptions.SAFE).down());
            }
            assertEquals(List.of("1 Ada"), strings(db, "select id || ' ' || name from app.clients"), server.label());
            try (Connection connection = db.connect()) {
                Database back = new PostgresIntrospector(IntrospectionOptions.only("app")).introspect(connection);
                assertEquals(List.of(), SchemaDiff.compare(BEFORE, back).changes(), "back where it started on " + server.label());
            }
        }
    }

    private static final Database OBJECTS_BEFORE = Database.of(Schema.named("old_app")
            .enumType("mood", "sad", "happy")
            .domain(new Domain("pos", integer(), false, null, null, List.of(), null, Map.of(), null))
            .rangeType(RangeType.of("floatrange", DataType.of("double precision")))
            .table("t", t -> {
                t.column("id", integer());
                t.primaryKey("id").named("t_old_pkey");
                t.column("m", DataType.userDefined("old_app", "mood"));
                t.column("n", DataType.userDefined("old_app", "pos"));
                t.column("r", DataType.userDefined("old_app", "floatrange"));
                t.check("id > 0").named("t_old_check");
                t.index("n").named("t_old_idx");
            }).build());

    private static final Database OBJECTS_AFTER = Database.of(Schema.named("app").renamedFrom("old_app")
            .enumType(new EnumType("feeling", List.of("sad", "happy"), null, "mood"))
            .domain(new Domain("positive", integer(), false, null, null, List.of(), null, Map.of(), "pos"))
            .rangeType(RangeType.of("numr", DataType.of("double precision")).withRenamedFrom("floatrange"))
            .table("t", t -> {
                t.column("id", integer());
                t.primaryKey("id").named("t_pkey").renamedFrom("t_old_pkey");
                t.column("m", DataType.userDefined("app", "feeling"));
                t.column("n", DataType.userDefined("app", "positive"));
                t.column("r", DataType.userDefined("app", "numr"));
                t.check("id > 0").named("t_id_check").renamedFrom("t_old_check");
                t.index("n").named("t_n_idx").renamedFrom("t_old_idx");
            }).build());

    @Test
    void schemaTypeConstraintAndIndexRenamesComeFirstInThatOrderAndNothingElseIsPlanned() {
        MigrationPlan plan = MigrationPlanner.plan(OBJECTS_AFTER, OBJECTS_BEFORE, PlanOptions.SAFE);
        assertEquals(List.of("ALTER SCHEMA old_app RENAME TO app",
                "ALTER TYPE app.mood RENAME TO feeling",
                "ALTER DOMAIN app.pos RENAME TO positive",
                "ALTER TYPE app.floatrange RENAME TO numr",
                renameConstructors("floatrange", "numr"),
                "DO $rename$ BEGIN IF to_regtype('app.floatmultirange') IS NOT NULL THEN"
                        + " ALTER TYPE app.floatmultirange RENAME TO numr_multirange; END IF; END $rename$",
                renameConstructors("floatmultirange", "numr_multirange"),
                "ALTER INDEX app.t_old_idx RENAME TO t_n_idx",
                "ALTER TABLE app.t RENAME CONSTRAINT t_old_pkey TO t_pkey",
                "ALTER TABLE app.t RENAME CONSTRAINT t_old_check TO t_id_check"), sqls(plan));
        assertTrue(plan.skipped().isEmpty(), plan.skipped().toString());
    }

    /** The DO block renaming the functions that construct values of a range or multirange type of app. */
    private static String renameConstructors(String oldName, String newName) {
        return "DO $rename$ DECLARE f regprocedure; BEGIN FOR f IN SELECT p.oid::regprocedure FROM pg_proc p"
                + " WHERE p.pronamespace = 'app'::regnamespace AND p.proname = '" + oldName + "'"
                + " AND p.prorettype = to_regtype('app." + newName + "')"
                + " LOOP EXECUTE format('ALTER FUNCTION %s RENAME TO %I', f, '" + newName + "'); END LOOP; END $rename$";
    }

    @Test
    void eachKindWithBothNamesOrNeitherIsAnErrorNamingBoth() {
        Schema before = OBJECTS_BEFORE.schemas().get(0);
        Database bothSchemas = Database.of(before, Schema.named("app").build());
        Database neitherSchema = Database.of(Schema.named("other").build());
        assertRenameError(bothSchemas, "schema app is declared renamed from schema old_app", "has both");
        assertRenameError(neitherSchema, "schema app is declared renamed from schema old_app", "has neither");
        Database renamedSchema = Database.of(before.withName("app"));
        Database bothTypes = Database.of(renamedSchema.schemas().get(0)
                .withEnums(List.of(new EnumType("mood", List.of("a"), null, null), new EnumType("feeling", List.of("a"), null, null))));
        assertRenameError(bothTypes, "enum app.feeling is declared renamed from enum app.mood", "has both");
        Database neitherType = Database.of(renamedSchema.schemas().get(0).withEnums(List.of()));
        assertRenameError(neitherType, "enum app.feeling is declared renamed from enum app.mood", "has neither");
        Schema typesRenamed = renamedSchema.schemas().get(0)
                .withEnums(List.of(new EnumType("feeling", List.of("sad", "happy"), null, null)))
                .withDomains(List.of(new Domain("positive", integer(), false, null, null, List.of(), null, Map.of(), null)))
                .withRangeTypes(List.of(RangeType.of("numr", DataType.of("double precision"))));
        Table t = typesRenamed.tables().get(0);
        assertRenameError(Database.of(typesRenamed.withTables(List.of(t.withIndexes(List.of()).withCheckConstraints(List.of())))),
                "index t_n_idx is declared renamed from index t_old_idx", "has neither");
        assertRenameError(Database.of(typesRenamed.withTables(List.of(t.withIndexes(List.of(t.indexes().get(0),
                        t.indexes().get(0).withName("t_n_idx")))))),
                "index t_n_idx is declared renamed from index t_old_idx", "has both");
        assertRenameError(Database.of(typesRenamed.withTables(List.of(t.withCheckConstraints(List.of(
                        t.checkConstraints().get(0), t.checkConstraints().get(0).withName("t_id_check")))))),
                "check constraint t_id_check is declared renamed from t_old_check", "has both");
        assertRenameError(Database.of(typesRenamed.withTables(List.of(t.withPrimaryKey(null)))),
                "primary key t_pkey is declared renamed from t_old_pkey", "has neither");
    }

    private static void assertRenameError(Database actual, String what, String how) {
        DeclaredRenameException e = assertThrows(DeclaredRenameException.class,
                () -> SchemaDiff.compare(OBJECTS_AFTER, actual));
        assertTrue(e.getMessage().contains(what) && e.getMessage().contains(how), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void checksIndexesAndGeneratedColumnsOverARenamedColumnAreKeptNotCreatedAgain(PostgresServer server) throws SQLException {
        String before = "create table public.t (id int primary key, a int constraint t_positive check (a > 0),"
                + " b int generated always as (a * 2) stored); create index t_expr on public.t ((a + 1)) where a > 2;"
                + " create index t_plain on public.t (a); insert into public.t (id, a) values (1, 5)";
        String after = "create table public.t (id int primary key, c int constraint t_positive check (c > 0),"
                + " b int generated always as (c * 2) stored); create index t_expr on public.t ((c + 1)) where c > 2;"
                + " create index t_plain on public.t (c)";
        try (ThrowawayDatabase old = ThrowawayDatabase.create(server); ThrowawayDatabase target = ThrowawayDatabase.create(server)) {
            old.execute(before);
            target.execute(after);
            try (Connection o = old.connect(); Connection n = target.connect()) {
                IntrospectionOptions only = IntrospectionOptions.only("public");
                Database have = new PostgresIntrospector(only).introspect(o);
                Database want = renamedColumn(new PostgresIntrospector(only).introspect(n), "t", "c", "a");
                MigrationPlan plan = MigrationPlanner.plan(want, have, PlanOptions.SAFE);
                assertEquals(List.of("ALTER TABLE public.t RENAME COLUMN a TO c"), sqls(plan), server.label());
                PlanExecutor.apply(o, plan);
                assertEquals(List.of(), SchemaDiff.compare(want, new PostgresIntrospector(only).introspect(o)).changes());
            }
            assertEquals(List.of("1 5 10"), strings(old, "select id || ' ' || c || ' ' || b from public.t"));
        }
    }

    private static Database renamedColumn(Database database, String table, String column, String oldName) {
        Schema schema = database.schemas().get(0);
        return Database.of(schema.withTables(schema.tables().stream().map(t -> !t.name().equals(table) ? t
                : t.withColumns(t.columns().stream().map(c -> c.name().equals(column) ? c.withRenamedFrom(oldName) : c)
                .toList())).toList()));
    }
}
