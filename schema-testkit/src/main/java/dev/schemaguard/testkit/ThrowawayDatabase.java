package dev.schemaguard.testkit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A uniquely named database ({@code sg_test_<random>}) created on a {@link PostgresServer} for one
 * test and dropped, with {@code WITH (FORCE)}, when closed: the test kit's throwaway database (the library's is
 * {@code dev.schemaguard.sql.ThrowawayDatabase}).
 *
 * <pre>{@code
 * try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
 *     db.execute("create table t (id int primary key); create index on t (id);");
 *     try (Connection c = db.connect()) { ... }
 * }
 * }</pre>
 *
 * The database is created from {@code template0} with UTF8 encoding and the {@code C} locale, so
 * it starts empty and sorts the same way on every server. The role {@value #TEST_ROLE}, which
 * some fixtures grant privileges to, is created once per server if missing.
 */
public final class ThrowawayDatabase implements AutoCloseable {

    public static final String TEST_ROLE = "schemainspect_test_role";
    public static final String NAME_PREFIX = "sg_test_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> SERVERS_WITH_TEST_ROLE = ConcurrentHashMap.newKeySet();

    private final PostgresServer server;
    private final String name;
    private volatile boolean closed;

    private ThrowawayDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates a fresh database on {@code server}. */
    public static ThrowawayDatabase create(PostgresServer server) throws SQLException {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String name = NAME_PREFIX + HexFormat.of().formatHex(random);
        try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
            ensureTestRole(server, admin);
            statement.execute("CREATE DATABASE " + quote(name)
                    + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        return new ThrowawayDatabase(server, name);
    }

    public PostgresServer server() {
        return server;
    }

    /** The database name, e.g. {@code sg_test_3f9a0c2e7b1d4a55}. */
    public String name() {
        return name;
    }

    /** Superuser JDBC URL of this database (credentials included as URL parameters). */
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** Opens a new superuser connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        checkOpen();
        return server.connect(name);
    }

    /**
     * Runs a SQL script, which may hold several statements separated by {@code ;}, on a fresh
     * connection in autocommit mode.
     */
    public void execute(String sqlScript) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sqlScript);
        }
    }

    /** Drops the database, terminating any connections still open to it. Idempotent. */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
        }
        closed = true;
    }

    @Override
    public String toString() {
        return name + " on " + server.label();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("database " + name + " was already dropped");
        }
    }

    private static void ensureTestRole(PostgresServer server, Connection admin) throws SQLException {
        if (SERVERS_WITH_TEST_ROLE.contains(server.adminJdbcUrl())) {
            return;
        }
        if (!roleExists(admin)) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE ROLE " + quote(TEST_ROLE));
            } catch (SQLException e) {
                // Another JVM may have created it concurrently (duplicate_object / unique_violation).
                if (!roleExists(admin)) {
                    throw e;
                }
            }
        }
        SERVERS_WITH_TEST_ROLE.add(server.adminJdbcUrl());
    }

    private static boolean roleExists(Connection admin) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            statement.setString(1, TEST_ROLE);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
