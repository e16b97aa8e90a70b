package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.Privilege;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grants read from, compared against and planned for real PostgreSQL, with roles the test creates. */
class PrivilegesTest {

    private static final String READER = "sg_privileges_reader";
    private static final String WRITER = "sg_privileges_writer";
    private static final IntrospectionOptions WITH_PRIVILEGES = IntrospectionOptions.only("app").withPrivileges();

    /** Objects of every kind that can carry privileges (an ordered-set aggregate among them), none granted yet. */
    private static final String OBJECTS = """
            create schema app;
            create type app.mood as enum ('sad', 'happy');
            create domain app.positive as integer check (value > 0);
            create type app.pair as (a integer, b integer);
            create sequence app.numbers;
            create table app.orders (id serial primary key, email text, total app.positive, mood app.mood);
            create view app.open_orders as select id, email from app.orders;
            create materialized view app.totals as select count(*) as n from app.orders;
            create function app.add(a integer, b integer) returns integer language sql as 'select a + b';
            create procedure app.archive() language sql as 'select 1';
            create aggregate app.tally(integer) (sfunc = int4pl, stype = integer);
            create aggregate app.pct(float8 order by anyelement) (sfunc = ordered_set_transition, stype = internal,
                                                                  finalfunc = percentile_disc_final, finalfunc_extra);
            """;

    /** Grants beyond the defaults on each of them, and defaults taken away. */
    private static final String GRANTS = """
            grant usage on schema app to %1$s;
            grant select, insert on app.orders to %1$s;
            grant update on app.orders to %2$s with grant option;
            grant select (email), update (email) on app.orders to %2$s;
            grant select on app.open_orders to %1$s;
            grant select (email) on app.open_orders to %2$s;
            grant select on app.totals to public;
            grant usage on sequence app.numbers to %1$s;
            grant usage on sequence app.orders_id_seq to %2$s;
            grant usage on type app.mood to %1$s;
            revoke usage on type app.positive from public;
            revoke usage on type app.pair from public;
            revoke execute on function app.add(integer, integer) from public;
            grant execute on function app.add(integer, integer) to %1$s;
            grant execute on procedure app.archive() to %2$s;
            revoke execute on function app.tally(integer) from public;
            grant execute on function app.pct(double precision, anyelement) to %1$s;
            revoke truncate on app.orders from current_user;
            """.formatted(READER, WRITER);

    static List<PostgresServer> servers() {
        return TestPostgres.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void readsGrantsAndRevokedDefaultsOfEveryKind(PostgresServer server) throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            createRoles(db);
            db.execute(OBJECTS + GRANTS);
            String owner = currentUser(db);
            IntrospectionResult result = introspect(db, WITH_PRIVILEGES);
            Set<String> grants = result.database().schema("app").orElseThrow().grants().stream()
                    .map(Grant::describe).collect(Collectors.toSet());

            assertEquals(Set.of(
                    "USAGE on schema app to " + READER,
                    "INSERT on table app.orders to " + READER,
                    "SELECT on table app.orders to " + READER,
                    "UPDATE on table app.orders to " + WRITER + " with grant option",
                    "TRUNCATE on table app.orders from " + owner,
                    "SELECT on column app.orders.email to " + WRITER,
                    "UPDATE on column app.orders.email to " + WRITER,
                    "SELECT on view app.open_orders to " + READER,
                    "SELECT on column app.open_orders.email to " + WRITER,
                    "SELECT on materialized view app.totals to public",
                    "USAGE on sequence app.numbers to " + READER,
                    "USAGE on sequence app.orders_id_seq to " + WRITER,
                    "USAGE on type app.mood to " + READER,
                    "USAGE on type app.positive from public",
                    "USAGE on type app.pair from public",
                    "EXECUTE on routine app.add(a integer, b integer) from public",
                    "EXECUTE on routine app.add(a integer, b integer) to " + READER,
                    "EXECUTE on routine app.archive() to " + WRITER,
                    "EXECUTE on routine app.tally(integer) from public",
                    "EXECUTE on routine app.pct(double precision ORDER BY anyelement) to " + READER), grants);
            assertTrue(result.database().schema("app").orElseThrow().grants().stream()
                    .filter(g -> g.privilege() == Privilege.TRUNCATE).allMatch(Grant::revoked), "the owner's TRUNCATE is a revoked default");
            assertEquals(List.of(), result.unsupported(), "nothing about privileges is left out");
        }
    }

    @Test
    void explicitDefaultsCompareEqualToImplicitOnes() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute(OBJECTS + """
                    grant all on app.orders to current_user;
                    grant usage on type app.mood to public;
                    grant execute on function app.add(integer, integer) to public;
                    grant usage, create on schema app to current_user;
                    revoke select on app.open_orders from current_user;
                    grant select on app.open_orders to current_user;
                    """);
            Schema app = introspect(db, WITH_PRIVILEGES).database().schema("app").orElseThrow();
            assertEquals(List.of(), app.grants(), "ACLs that spell out the defaults are the defaults");
            Database publicSchema = introspect(db, IntrospectionOptions.only("public").withPrivileges()).database();
            assertEquals(List.of(), publicSchema.schema("public").orElseThrow().grants(),
                    "schema public has what initdb gave it (pg_init_privs)");
        }
    }

    @Test
    void withoutTheOptionPrivilegesAreNeitherReadNorReported() throws SQLException {
        try (ThrowawayDatabase withGrants = ThrowawayDatabase.create(TestPostgres.primary());
             ThrowawayDatabase without = ThrowawayDatabase.create(TestPostgres.primary())) {
            createRoles(withGrants);
            withGrants.execute(OBJECTS + GRANTS + "alter default privileges in schema app grant select on tables to "
                    + READER + ";");
            without.execute(OBJECTS);
            IntrospectionResult granted = introspect(withGrants, IntrospectionOptions.only("app"));
            IntrospectionResult plain = introspect(without, IntrospectionOptions.only("app"));

            assertEquals(List.of(), granted.database().schema("app").orElseThrow().grants());
            assertEquals(List.of(), granted.unsupported(), "no privilege reports, not even default privileges");
            assertTrue(SchemaDiff.compare(plain.database(), granted.database()).isEmpty(), "no drift");
            assertTrue(MigrationPlanner.plan(plain.database(), granted.database(), PlanOptions.ALLOW_DROPS).isEmpty());

            IntrospectionResult read = introspect(withGrants, WITH_PRIVILEGES);
            assertEquals(List.of("default privileges for role " + currentUser(withGrants) + " in schema app on tables:"
                    + " not supported yet"), read.unsupported(), "with the option, what is still not read is reported");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void plansGrantsAndRevokesThatConverge(PostgresServer server) throws SQLException {
        assertConverges(server, OBJECTS + GRANTS, OBJECTS + """
                grant select on app.orders to %2$s with grant option;
                grant update on app.orders to %2$s;
                grant insert (email) on app.orders to %1$s;
                grant usage on schema app to %2$s;
                grant select on app.totals to %1$s;
                revoke execute on procedure app.archive() from public;
                grant usage on type app.positive to %1$s;
                grant execute on function app.tally(integer) to %2$s;
                revoke execute on function app.pct(double precision, anyelement) from public;
                """.formatted(READER, WRITER));
    }

    /**
     * The plan re-creates a view (its query changes), rebuilds an enum (a value goes), adds a column that starts
     * fresh, creates a table and drops a function: the re-created and new objects get every expected grant, the
     * dropped one is not revoked from.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void objectsThePlanCreatesAgainGetTheirGrants(PostgresServer server) throws SQLException {
        String target = """
                create schema app;
                create type app.mood as enum ('sad', 'happy');
                create table app.orders (id integer primary key, mood app.mood, note text);
                create view app.v as select id, mood from app.orders;
                create table app.fresh (id serial primary key);
                grant select on app.v to %1$s;
                grant select (id) on app.v to %2$s;
                grant usage on type app.mood to %1$s;
                revoke usage on type app.mood from public;
                grant update (note) on app.orders to %2$s;
                grant select on app.fresh to %1$s;
                grant usage on sequence app.fresh_id_seq to %2$s;
                """.formatted(READER, WRITER);
        String current = """
                create schema app;
                create type app.mood as enum ('sad', 'ok', 'happy');
                create table app.orders (id integer primary key, mood app.mood);
                create view app.v as select mood, id from app.orders;
                create function app.gone() returns integer language sql as 'select 1';
                grant select on app.v to %1$s;
                grant usage on type app.mood to %1$s;
                revoke execute on function app.gone() from public;
                """.formatted(READER, WRITER);
        MigrationPlan plan = assertConverges(server, target, current);
        List<String> sql = plan.statements().stream().map(PlanStatement::sql).toList();
        assertTrue(sql.contains("GRANT SELECT ON TABLE app.v TO " + READER), "re-created view: " + sql);
        assertTrue(sql.contains("REVOKE USAGE ON TYPE app.mood FROM PUBLIC"), "rebuilt enum: " + sql);
        assertTrue(sql.stream().noneMatch(s -> s.contains("app.gone")) || sql.stream().filter(s -> s.contains("app.gone"))
                .allMatch(s -> s.startsWith("DROP")), "nothing is granted on or revoked from a dropped function: " + sql);
    }

    @Test
    void baselineRendersGrantsAfterTheObjects() throws SQLException {
        try (ThrowawayDatabase source = ThrowawayDatabase.create(TestPostgres.primary());
             ThrowawayDatabase copy = ThrowawayDatabase.create(TestPostgres.primary())) {
            createRoles(source);
            source.execute(OBJECTS + GRANTS);
            Database model = introspect(source, WITH_PRIVILEGES).database();
            MigrationPlan baseline = MigrationPlanner.baseline(model);
            List<String> sql = baseline.statements().stream().map(PlanStatement::sql).toList();
            int lastCreate = 0;
            int firstGrant = Integer.MAX_VALUE;
            for (int i = 0; i < sql.size(); i++) {
                if (sql.get(i).startsWith("CREATE")) {
                    lastCreate = i;
                } else if (sql.get(i).startsWith("GRANT") || sql.get(i).startsWith("REVOKE")) {
                    firstGrant = Math.min(firstGrant, i);
                }
            }
            assertTrue(firstGrant > lastCreate, "grants follow every CREATE: " + sql);
            assertTrue(sql.contains("REVOKE EXECUTE ON ROUTINE app.add(a integer, b integer) FROM PUBLIC"), sql.toString());
            assertTrue(sql.contains("GRANT UPDATE ON TABLE app.orders TO " + WRITER + " WITH GRANT OPTION"), sql.toString());

            try (Connection connection = copy.connect()) {
                PlanExecutor.apply(connection, baseline);
            }
            Database copied = introspect(copy, WITH_PRIVILEGES).database();
            assertEquals(List.of(), SchemaDiff.compare(model, copied).changes(), "the baseline recreates every grant");
            assertEquals(model.schema("app").orElseThrow().grants(), copied.schema("app").orElseThrow().grants());
        }
    }

    @Test
    void describesGrantChanges() {
        ObjectRef orders = ObjectRef.of(ObjectRef.Kind.TABLE, "app", "orders");
        Database want = Database.of(Schema.named("app").grant(Grant.of(orders, READER, Privilege.SELECT))
                .grant(Grant.of(orders, WRITER, Privilege.UPDATE).withGrantOption(true)).build());
        Database have = Database.of(Schema.named("app").grant(Grant.revokedDefault(orders, "owner", Privilege.DELETE))
                .grant(Grant.of(orders, WRITER, Privilege.UPDATE)).build());
        List<String> changes = SchemaDiff.compare(want, have).changes().stream().map(SchemaChange::describe).toList();
        assertEquals(List.of(
                "missing grant SELECT on table app.orders to " + READER,
                "grant UPDATE on table app.orders to " + WRITER + " lacks the grant option, expected WITH GRANT OPTION",
                "unexpected revoke of default DELETE on table app.orders from owner"), changes);
        assertEquals(QualifiedName.of("app", "orders").toString(), SchemaDiff.compare(want, have).changes().get(0).subject());
        assertTrue(SchemaDiff.compare(want.withoutGrants(), have.withoutGrants()).isEmpty());
    }

    /** Plans {@code target}'s model from {@code current}'s with privileges, applies it, and requires no difference left. */
    private static MigrationPlan assertConverges(PostgresServer server, String target, String current) throws SQLException {
        try (ThrowawayDatabase wanted = ThrowawayDatabase.create(server);
             ThrowawayDatabase actual = ThrowawayDatabase.create(server)) {
            createRoles(wanted);
            wanted.execute(target);
            actual.execute(current);
            Database expected = introspect(wanted, WITH_PRIVILEGES).database();
            Database before = introspect(actual, WITH_PRIVILEGES).database();
            assertFalse(SchemaDiff.compare(expected, before).isEmpty());
            MigrationPlan plan = MigrationPlanner.plan(expected, before, PlanOptions.ALLOW_DROPS);
            try (Connection connection = actual.connect()) {
                PlanExecutor.apply(connection, plan);
            }
            Database after = introspect(actual, WITH_PRIVILEGES).database();
            assertEquals(List.of(), SchemaDiff.compare(expected, after).changes().stream().map(SchemaChange::describe).toList(),
                    () -> "still differs after " + plan.statements().stream().map(PlanStatement::sql).toList());
            assertTrue(MigrationPlanner.plan(expected, after, PlanOptions.ALLOW_DROPS).isEmpty(), "planning again is empty");
            return plan;
        }
    }

    private static void createRoles(ThrowawayDatabase db) throws SQLException {
        for (String role : List.of(READER, WRITER)) {
            db.execute("DO $$ BEGIN CREATE ROLE " + role + " NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation"
                    + " THEN NULL; END $$");
        }
    }

    private static String currentUser(ThrowawayDatabase db) throws SQLException {
        try (Connection connection = db.connect(); var statement = connection.createStatement();
             var row = statement.executeQuery("select current_user")) {
            row.next();
            return row.getString(1);
        }
    }

    private static IntrospectionResult introspect(ThrowawayDatabase db, IntrospectionOptions options) throws SQLException {
        try (Connection connection = db.connect()) {
            return new PostgresIntrospector(options).introspectWithReport(connection);
        }
    }
}
