package dev.schemaguard.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A database to connect to, given as a JDBC URL ({@code jdbc:postgresql://host:port/db?user=...}) or a libpq
 * URL ({@code postgres://user:password@host:port/db?sslmode=require}, also {@code postgresql://}). A libpq URL
 * is turned into a JDBC URL with user and password passed as connection properties, so that the password is
 * never part of a string that could end up in a message.
 *
 * @param jdbcUrl    what the PostgreSQL driver connects to
 * @param properties user and password taken from a libpq URL (empty for a JDBC URL)
 * @param display    the URL as given, password masked: safe for messages and logs
 */
record DatabaseUrl(String jdbcUrl, Properties properties, String display) {

    /** {@code scheme://}, any scheme: what a file name hardly ever starts with. */
    private static final Pattern ANY_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

    /** A URL of any kind (PostgreSQL or not, which {@link #parse} tells apart) rather than a path. */
    static boolean looksLikeUrl(String text) {
        return text.startsWith("jdbc:") || ANY_SCHEME.matcher(text).find();
    }

    static DatabaseUrl parse(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, new Properties(), PasswordMask.mask(url));
        }
        if (url.startsWith("jdbc:")) {
            throw CliFailure.error("unsupported database URL " + PasswordMask.mask(url) + ": schemaguard supports PostgreSQL only"
                    + " (jdbc:postgresql://host:port/database or postgres://user:password@host:port/database)");
        }
        String rest;
        if (url.startsWith("postgres://")) {
            rest = url.substring("postgres://".length());
        } else if (url.startsWith("postgresql://")) {
            rest = url.substring("postgresql://".length());
        } else {
            throw CliFailure.error((ANY_SCHEME.matcher(url).find() ? "unsupported database URL " : "not a database URL: ")
                    + PasswordMask.mask(url) + " (schemaguard supports PostgreSQL only: expected jdbc:postgresql://... or postgres://user:password@host:port/database)");
        }
        // the query starts after the user information: a password may hold a '?' of its own
        int queryStart = rest.indexOf('?', rest.lastIndexOf('@') + 1);
        String query = queryStart < 0 ? "" : rest.substring(queryStart);
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        int at = beforeQuery.lastIndexOf('@');
        String userInfo = at < 0 ? "" : beforeQuery.substring(0, at);
        String location = at < 0 ? beforeQuery : beforeQuery.substring(at + 1);
        int slash = location.indexOf('/');
        String hosts = slash < 0 ? location : location.substring(0, slash);
        String database = slash < 0 ? "" : decode(location.substring(slash + 1));
        if (hosts.isEmpty()) {
            hosts = "localhost";
        }
        Properties properties = new Properties();
        String user = userInfo;
        if (!userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = userInfo.substring(0, colon);
                properties.setProperty("password", decode(userInfo.substring(colon + 1)));
            }
            properties.setProperty("user", decode(user));
        }
        String jdbcUrl = "jdbc:postgresql://" + hosts + "/" + encodePath(database) + query;
        String scheme = url.substring(0, url.indexOf("://") + 3);
        String display = scheme + (userInfo.isEmpty() ? "" : user + (properties.containsKey("password") ? ":***" : "") + "@")
                + location + PasswordMask.mask(query);
        return new DatabaseUrl(jdbcUrl, properties, display);
    }

    /** The same server and credentials, another database. */
    DatabaseUrl withDatabase(String database) {
        String prefix = "jdbc:postgresql:";
        String rest = jdbcUrl.substring(prefix.length());
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart);
        String location = queryStart < 0 ? rest : rest.substring(0, queryStart);
        String hosts = "";
        if (location.startsWith("//")) {
            int slash = location.indexOf('/', 2);
            hosts = (slash < 0 ? location : location.substring(0, slash)) + "/";
        }
        return new DatabaseUrl(prefix + hosts + encodePath(database) + query, properties, display + " (database " + database + ")");
    }

    /** A JDBC URL without its {@code user} and {@code password} parameters, for connecting as someone else. */
    static String withoutCredentials(String jdbcUrl) {
        int queryStart = jdbcUrl.indexOf('?');
        if (queryStart < 0) {
            return jdbcUrl;
        }
        StringBuilder kept = new StringBuilder();
        for (String parameter : jdbcUrl.substring(queryStart + 1).split("&")) {
            String key = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            if (!key.equalsIgnoreCase("user") && !key.equalsIgnoreCase("password") && !parameter.isEmpty()) {
                kept.append(kept.length() == 0 ? "?" : "&").append(parameter);
            }
        }
        return jdbcUrl.substring(0, queryStart) + kept;
    }

    @Override
    public String toString() {
        return display;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encodePath(String database) {
        return database.replace("%", "%25").replace("/", "%2F").replace("?", "%3F").replace(" ", "%20");
    }
}
