package dev.schemaguard.sql;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;

/**
 * A {@link ThrowawayDatabase} created on a given server ({@code CREATE DATABASE schemaguard_tmp_... TEMPLATE
 * template0}) and dropped on close. The user of the admin URL needs the CREATEDB privilege.
 */
public final class ThrowawayDatabaseOnServer implements ThrowawayDatabase {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private final String adminJdbcUrl;
    private final Properties properties;
    private final String name;
    private final int majorVersion;
    private boolean closed;

    private ThrowawayDatabaseOnServer(String adminJdbcUrl, Properties properties, String name, int majorVersion) {
        this.adminJdbcUrl = adminJdbcUrl;
        this.properties = properties;
        this.name = name;
        this.majorVersion = majorVersion;
    }

    /**
     * Creates an empty database on the server {@code adminJdbcUrl} points to (any database of it), connecting
     * with {@code properties} (user, password, ...; may be empty when the URL carries them).
     */
    public static ThrowawayDatabaseOnServer create(String adminJdbcUrl, Properties properties) throws SQLException {
        Objects.requireNonNull(adminJdbcUrl, "adminJdbcUrl");
        Properties copy = new Properties();
        copy.putAll(properties);
        copy.putIfAbsent("ApplicationName", "schemaguard");
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String name = "schemaguard_tmp_" + HexFormat.of().formatHex(random);
        try (Connection admin = connect(adminJdbcUrl, copy); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
            return new ThrowawayDatabaseOnServer(adminJdbcUrl, copy, name, admin.getMetaData().getDatabaseMajorVersion());
        }
    }

    /** The throwaway database's name, {@code schemaguard_tmp_} and 12 hex digits. */
    public String name() {
        return name;
    }

    /** The JDBC URL of the throwaway database (without the connection properties). */
    public String jdbcUrl() {
        return withDatabase(adminJdbcUrl, name);
    }

    /** The connection properties given to {@link #create}. */
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    @Override
    public Connection open() throws SQLException {
        return connect(jdbcUrl(), properties);
    }

    @Override
    public int majorVersion() {
        return majorVersion;
    }

    /** Drops the database, ending sessions still connected to it. Failures are logged, not thrown: the run is over. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Connection admin = connect(adminJdbcUrl, properties); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(ThrowawayDatabaseOnServer.class)
                    .warn("could not drop the throwaway database {}: {} (drop it by hand)", name, e.getMessage());
        }
    }

    private static Connection connect(String url, Properties properties) throws SQLException {
        Connection connection = DRIVER.connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url.replaceAll("(?i)(password=)[^&]*", "$1***"));
        }
        return connection;
    }

    /** {@code url} with its database replaced; host, port and parameters kept. */
    static String withDatabase(String url, String database) {
        String prefix = "jdbc:postgresql:";
        if (!url.startsWith(prefix)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url.replaceAll("(?i)(password=)[^&]*", "$1***"));
        }
        String rest = url.substring(prefix.length());
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart);
        String location = queryStart < 0 ? rest : rest.substring(0, queryStart);
        if (!location.startsWith("//")) {
            return prefix + database + query;
        }
        int slash = location.indexOf('/', 2);
        String hosts = slash < 0 ? location : location.substring(0, slash);
        return prefix + hosts + "/" + database + query;
    }
}
