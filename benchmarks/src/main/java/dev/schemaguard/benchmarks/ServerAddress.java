package dev.schemaguard.benchmarks;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a PostgreSQL server is and how to log in, read from a JDBC URL of the form
 * {@code jdbc:postgresql://host:port/database?user=...&password=...}; the URL's database is ignored.
 */
public record ServerAddress(String host, int port, String user, String password) {

    public static ServerAddress parse(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl
                    + "; expected jdbc:postgresql://host:port/database?user=...&password=...");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return new ServerAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                query.getOrDefault("user", "postgres"), query.getOrDefault("password", ""));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public java.util.Properties credentials() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }

    public java.sql.Connection connect(String database) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(database), credentials());
    }
}
