package dev.schemaguard.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * A PostgreSQL server that tests may use, reached through a superuser JDBC URL.
 *
 * @param label        human readable name, e.g. {@code "PostgreSQL 15.8"}
 * @param majorVersion major version, e.g. {@code 15}
 * @param adminJdbcUrl JDBC URL of the server's maintenance database, credentials included
 *                     as URL parameters ({@code ?user=...&password=...})
 */
public record PostgresServer(String label, int majorVersion, String adminJdbcUrl) {

    public PostgresServer {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(adminJdbcUrl, "adminJdbcUrl");
        if (!adminJdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + adminJdbcUrl);
        }
    }

    /** Opens a connection to the admin (maintenance) database as superuser. */
    public Connection connect() throws SQLException {
        return open(adminJdbcUrl);
    }

    /** Opens a superuser connection to another database on this server. */
    public Connection connect(String database) throws SQLException {
        return open(jdbcUrl(database));
    }

    /** The admin URL with its database replaced by {@code database}; all parameters are kept. */
    public String jdbcUrl(String database) {
        return withDatabase(adminJdbcUrl, database);
    }

    /** Creates a fresh, uniquely named database on this server; close it to drop it. */
    public ThrowawayDatabase newDatabase() throws SQLException {
        return ThrowawayDatabase.create(this);
    }

    @Override
    public String toString() {
        return label + " (" + redact(adminJdbcUrl) + ")";
    }

    /**
     * Uses the PostgreSQL driver directly rather than {@code DriverManager}, whose driver scan would
     * also initialise Testcontainers' JDBC driver (and with it an SLF4J "no providers" warning).
     */
    private static Connection open(String url) throws SQLException {
        Connection connection = DRIVER.connect(url, new Properties());
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + redact(url));
        }
        return connection;
    }

    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    static String withDatabase(String url, String database) {
        String prefix = "jdbc:postgresql:";
        String rest = url.substring(prefix.length());
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart);
        String location = queryStart < 0 ? rest : rest.substring(0, queryStart);
        String hosts;
        if (location.startsWith("//")) {
            int slash = location.indexOf('/', 2);
            hosts = slash < 0 ? location : location.substring(0, slash);
        } else {
            hosts = ""; // jdbc:postgresql:database form
        }
        return prefix + (hosts.isEmpty() ? "" : hosts + "/") + database + query;
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
