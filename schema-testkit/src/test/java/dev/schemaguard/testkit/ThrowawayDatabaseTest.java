package dev.schemaguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ThrowawayDatabaseTest {

    @Test
    void createsUsesAndDropsADatabase() throws Exception {
        PostgresServer server = TestPostgres.primary();
        String name;
        Connection leftOpen;
        try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
            name = db.name();
            assertTrue(name.startsWith(ThrowawayDatabase.NAME_PREFIX), name);
            assertTrue(databaseExists(server, name));
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            db.execute("create table t (id int primary key); insert into t values (1), (2);"
                    + " grant select on t to " + ThrowawayDatabase.TEST_ROLE + ";");
            leftOpen = db.connect(); // close() must drop the database despite this session
            try (Statement s = leftOpen.createStatement();
                 ResultSet rs = s.executeQuery("select count(*), current_database() from t")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
                assertEquals(name, rs.getString(2));
            }
        }
        assertFalse(databaseExists(server, name), "database " + name + " should be dropped after close");
        assertThrows(SQLException.class, () -> leftOpen.createStatement().executeQuery("select 1"));
        leftOpen.close();
    }

    @Test
    void everyServerHandsOutThrowawayDatabases() throws Exception {
        for (PostgresServer server : TestPostgres.all()) {
            String name;
            try (ThrowawayDatabase db = ThrowawayDatabase.create(server)) {
                name = db.name();
                db.execute("create schema s; create table s.t (x text collate \"C\");");
                try (Connection c = db.connect(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int / 10000")) {
                    rs.next();
                    assertEquals(server.majorVersion(), rs.getInt(1));
                }
            }
            assertFalse(databaseExists(server, name), server + ": " + name + " should be dropped");
        }
    }

    @Test
    void namesAreUniqueAndCloseIsIdempotent() throws Exception {
        PostgresServer server = TestPostgres.primary();
        ThrowawayDatabase a = ThrowawayDatabase.create(server);
        ThrowawayDatabase b = ThrowawayDatabase.create(server);
        assertNotEquals(a.name(), b.name());
        a.close();
        a.close();
        b.close();
        assertThrows(IllegalStateException.class, a::connect);
    }

    @Test
    void jdbcUrlKeepsParametersAndSwapsTheDatabase() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/x?user=postgres&password=postgres",
                PostgresServer.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=postgres", "x"));
        assertEquals("jdbc:postgresql://h1:1,h2:2/x", PostgresServer.withDatabase("jdbc:postgresql://h1:1,h2:2/", "x"));
        assertEquals("jdbc:postgresql://h/x?ssl=true", PostgresServer.withDatabase("jdbc:postgresql://h?ssl=true", "x"));
        assertEquals("jdbc:postgresql:x", PostgresServer.withDatabase("jdbc:postgresql:postgres", "x"));
    }

    private static boolean databaseExists(PostgresServer server, String name) throws SQLException {
        try (Connection c = server.connect();
             PreparedStatement s = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
