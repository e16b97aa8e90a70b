package dev.schemaguard.sql;

import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parallel read (several connections, one snapshot) gives exactly the sequential read's result. */
class ParallelIntrospectionTest {

    /** Kinds the query-count fixture does not have: partitions, identity, generated columns, domains, composites, matviews. */
    private static final String MORE = """
            create table app.events (id bigint generated always as identity, at date not null,
                                     total numeric(10, 2) generated always as (1.5 * id) stored) partition by range (at);
            create table app.events_2026 partition of app.events for values from ('2026-01-01') to ('2027-01-01');
            create domain app.positive as integer check (value > 0);
            create type app.pair as (left_side integer, right_side app.positive);
            create materialized view app.counts as select count(*) as n from app.t1;
            create unique index on app.counts (n);
            create index partial_name on app.t2 (name desc) where amount > 10;
            comment on table app.t3 is 'third';
            create aggregate app.total_sum (integer) (sfunc = int4pl, stype = integer);
            create cast (app.pair as text) with inout;
            create operator app.=== (leftarg = integer, rightarg = integer, function = int4eq);
            """;

    @Test
    void parallelReadEqualsSequentialRead() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute(IntrospectionQueryCountTest.script(30) + MORE);
            for (IntrospectionOptions options : List.of(IntrospectionOptions.ALL, IntrospectionOptions.only("app").withPrivileges())) {
                PostgresIntrospector introspector = new PostgresIntrospector(options);
                IntrospectionResult sequential;
                try (Connection connection = db.connect()) {
                    sequential = introspector.introspectWithReport(connection);
                }
                assertEquals(30 + 2, sequential.database().tableCount(), "the fixture's tables were read");
                assertFalse(sequential.unsupported().isEmpty(), "the operator is reported: " + sequential.unsupported());
                assertEquals(1, sequential.database().schema("app").orElseThrow().aggregates().size(), "the aggregate is read");
                assertEquals(1, sequential.database().casts().size(), "the cast is read");
                for (int connections : new int[] {1, 2, 4}) {
                    List<Connection> opened = new ArrayList<>();
                    IntrospectionResult parallel = introspector.introspectWithReport(() -> {
                        Connection connection = db.connect();
                        opened.add(connection);
                        return connection;
                    }, connections);
                    assertEquals(sequential.database(), parallel.database(), connections + " connections, " + options);
                    assertEquals(sequential.unsupported(), parallel.unsupported(), connections + " connections, " + options);
                    assertEquals(connections, opened.size(), "connections opened");
                    for (Connection connection : opened) {
                        assertTrue(connection.isClosed(), "every connection is closed afterwards");
                    }
                }
            }
        }
    }

    /** A table created after the leader exported its snapshot is seen by none of the connections. */
    @Test
    void everyConnectionReadsTheLeadersSnapshot() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute(IntrospectionQueryCountTest.script(3));
            List<Connection> opened = new ArrayList<>();
            PostgresIntrospector introspector = new PostgresIntrospector(IntrospectionOptions.only("app"));
            IntrospectionResult parallel = introspector.introspectWithReport(() -> {
                if (opened.size() == 1) { // the leader has exported its snapshot by now
                    db.execute("create table app.late (id int primary key check (id > 0)); create index on app.late (id);");
                }
                Connection connection = db.connect();
                opened.add(connection);
                return connection;
            }, 3);
            assertEquals(3, parallel.database().tableCount(), "app.late is not in the snapshot");
            assertTrue(parallel.database().schema("app").orElseThrow().tables().stream()
                    .allMatch(table -> table.name().matches("t\\d")), "no column, constraint or index of app.late either");
            try (Connection connection = db.connect()) {
                assertEquals(4, introspector.introspect(connection).tableCount(), "a new read sees app.late");
            }
        }
    }
}
