package dev.schemaguard.yaml;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Grant;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grants written by hand in YAML match what PostgreSQL reports for the same GRANT and REVOKE statements. */
class GrantsYamlTest {

    private static final String READER = "sg_yaml_reader";
    private static final String WRITER = "sg_yaml_writer";

    private static final String YAML = """
            schemas:
              app:
                tables:
                  orders:
                    columns:
                      id: bigserial primary key
                      email: text
                  "Mixed Case":
                    columns:
                      x: integer
                views:
                  open_orders: SELECT id FROM app.orders
                enums:
                  mood: [sad, happy]
                procedures:
                  archive(): |
                    CREATE OR REPLACE PROCEDURE app.archive()
                     LANGUAGE sql
                    AS $procedure$SELECT 1$procedure$
                aggregates:
                  tally(integer): {sfunc: int4pl, stype: integer}
                grants:
                  - grant: usage
                    object: schema
                    to: %1$s
                  - grant: [Select, INSERT]
                    object: table orders
                    to: [%1$s, %2$s]
                  - grant: update
                    object: column orders.email
                    to: %2$s
                    with_grant_option: true
                  - grant: select
                    object: table "Mixed Case"
                    to: public
                  - grant: select
                    object: view open_orders
                    to: %1$s
                  - grant: usage
                    object: sequence orders_id_seq
                    to: %2$s
                  - revoke: usage
                    object: type mood
                    from: public
                  - revoke: execute
                    object: procedure archive()
                    from: public
                  - revoke: truncate
                    object: table orders
                    from: %3$s
                  - revoke: execute
                    object: aggregate tally(integer)
                    from: public
            """;

    private static final String SQL = """
            create schema app;
            create table app.orders (id bigserial primary key, email text);
            create table app."Mixed Case" (x integer);
            create view app.open_orders as select id from app.orders;
            create type app.mood as enum ('sad', 'happy');
            create procedure app.archive() language sql as $$select 1$$;
            grant usage on schema app to %1$s;
            grant select, insert on app.orders to %1$s, %2$s;
            grant update (email) on app.orders to %2$s with grant option;
            grant select on app."Mixed Case" to public;
            grant select on app.open_orders to %1$s;
            grant usage on sequence app.orders_id_seq to %2$s;
            revoke usage on type app.mood from public;
            revoke execute on procedure app.archive() from public;
            revoke truncate on app.orders from current_user;
            create aggregate app.tally(integer) (sfunc = int4pl, stype = integer);
            revoke execute on function app.tally(integer) from public;
            """;

    @Test
    void handWrittenGrantsMatchTheDatabaseAndSurviveARoundTrip() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            for (String role : List.of(READER, WRITER)) {
                db.execute("DO $$ BEGIN CREATE ROLE " + role + " NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation"
                        + " THEN NULL; END $$");
            }
            db.execute(SQL.formatted(READER, WRITER));
            Database actual;
            String owner;
            try (Connection connection = db.connect(); var statement = connection.createStatement();
                 var row = statement.executeQuery("select current_user")) {
                row.next();
                owner = row.getString(1);
                actual = new PostgresIntrospector(IntrospectionOptions.only("app").withPrivileges()).introspect(connection);
            }
            Database expected = YamlSchemaReader.readString(YAML.formatted(READER, WRITER, owner), "grants.yaml");

            List<Grant> grants = expected.schema("app").orElseThrow().grants();
            assertEquals(13, grants.size(), "one grant per privilege and role: " + grants);
            assertEquals(grants, actual.schema("app").orElseThrow().grants());
            assertEquals(List.of(), SchemaDiff.compare(expected, actual).changes().stream()
                    .filter(c -> c instanceof SchemaChange.GrantAdded || c instanceof SchemaChange.GrantDropped
                            || c instanceof SchemaChange.GrantOptionChanged)
                    .map(SchemaChange::describe).toList());

            String written = YamlSchemaWriter.write(actual);
            assertTrue(written.contains("object: procedure archive()"), written);
            assertTrue(written.contains("object: aggregate tally(integer)"), written);
            assertEquals(actual.withDependencies(List.of()), YamlSchemaReader.readString(written, "snapshot.yaml"));
        }
    }

    @Test
    void mistakesInGrantsNameTheirPlace() {
        YamlSchemaException missingRole = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString("""
                grants:
                  - grant: select
                    object: table orders
                """, "g.yaml"));
        assertTrue(missingRole.getMessage().startsWith("g.yaml:2:5: a grant of schema public needs 'to'"), missingRole.getMessage());
        YamlSchemaException wrongPrivilege = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString("""
                grants:
                  - grant: execute
                    object: table orders
                    to: app
                """, "g.yaml"));
        assertTrue(wrongPrivilege.getMessage().contains("privilege EXECUTE does not apply to table orders"), wrongPrivilege.getMessage());
        YamlSchemaException unknownKind = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString("""
                grants:
                  - revoke: usage
                    object: tabel orders
                    from: public
                """, "g.yaml"));
        assertTrue(unknownKind.getMessage().contains("'object' of a grant of schema public is 'tabel orders'"),
                unknownKind.getMessage());
        YamlSchemaException both = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString("""
                grants:
                  - grant: select
                    object: table orders
                    to: app
                  - revoke: select
                    object: table orders
                    from: app
                """, "g.yaml"));
        assertTrue(both.getMessage().contains("both grants and revokes SELECT on public.orders for app"), both.getMessage());
        YamlSchemaException wrongKind = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString("""
                views:
                  totals:
                    query: SELECT 1 AS n
                    materialized: true
                grants:
                  - grant: select
                    object: table totals
                    to: app
                """, "g.yaml"));
        assertTrue(wrongKind.getMessage().startsWith("g.yaml:6:5: a grant of schema public names table totals, but totals"
                + " is a materialized view here; write 'object: materialized view totals'"), wrongKind.getMessage());
    }
}
