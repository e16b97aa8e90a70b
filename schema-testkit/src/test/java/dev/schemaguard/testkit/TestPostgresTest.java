package dev.schemaguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void allServersHaveDistinctMajorVersions() throws Exception {
        List<PostgresServer> servers = TestPostgres.all();
        System.out.println("[schema-testkit] test servers: " + servers);
        Set<Integer> majors = servers.stream().map(PostgresServer::majorVersion).collect(Collectors.toSet());
        assertEquals(servers.size(), majors.size(), "one server per major version: " + servers);
        assertTrue(servers.contains(TestPostgres.primary()), "all() includes the primary server");
        assertSame(servers, TestPostgres.all(), "cached");
        for (PostgresServer server : servers) {
            assertTrue(server.majorVersion() >= TestPostgres.MINIMUM_MAJOR_VERSION, server.toString());
            assertTrue(server.label().startsWith("PostgreSQL " + server.majorVersion()), server.label());
            try (Connection c = server.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int / 10000")) {
                rs.next();
                assertEquals(server.majorVersion(), rs.getInt(1), server.toString());
            }
        }
    }

    @Test
    void toStringHidesThePassword() {
        PostgresServer server = new PostgresServer("PostgreSQL 15.8", 15,
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=secret");
        assertTrue(!server.toString().contains("secret"), server.toString());
    }

    @Test
    void noServerMessageSaysHowToProvideOne() {
        String message = TestPostgres.noServerMessage("");
        assertTrue(message.contains("bash scripts/postgres-servers"), message);
        assertTrue(message.contains(TestPostgres.URL_VARIABLE), message);
    }
}
