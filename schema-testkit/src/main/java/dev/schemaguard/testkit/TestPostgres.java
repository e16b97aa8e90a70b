package dev.schemaguard.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import dev.schemaguard.embedded.EmbeddedPostgres;
import dev.schemaguard.embedded.PostgresRelease;

/**
 * Finds the PostgreSQL servers tests run against.
 *
 * <p>Lookup order:
 * <ol>
 *   <li>{@value #URL_VARIABLE} (primary server) and {@value #URLS_VARIABLE} (comma-separated, all
 *       servers), each read as a JVM system property first, then as an environment variable.
 *       {@code bash scripts/postgres-servers} starts PostgreSQL 13 to 17 locally and prints both.</li>
 *   <li>A Testcontainers {@code postgres:17} container, but only if a Docker daemon answers.</li>
 *   <li>Otherwise one {@link EmbeddedPostgres} (PostgreSQL 17, or the major version in
 *       {@value Embedded#VERSION_VARIABLE}) shared by all tests and stopped when the JVM exits.</li>
 *   <li>If that fails too, {@link #primary()} and {@link #all()} throw {@link IllegalStateException}
 *       explaining how to provide a server. Tests are never skipped silently.</li>
 * </ol>
 * Every server is queried once for its version; results are cached for the life of the JVM.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "SCHEMAGUARD_TEST_DATABASE_URL";
    public static final String URLS_VARIABLE = "SCHEMAGUARD_TEST_DATABASE_URLS";
    public static final int MINIMUM_MAJOR_VERSION = 13;
    static final String CONTAINER_IMAGE = "postgres:17";

    private static final Map<String, PostgresServer> SERVERS_BY_URL = new LinkedHashMap<>();
    private static PostgresServer primary;
    private static List<PostgresServer> all;
    private static String failure;

    private TestPostgres() {
    }

    /** The server most tests should use. */
    public static synchronized PostgresServer primary() {
        if (primary == null) {
            primary = describe(primaryUrl());
        }
        return primary;
    }

    /** Every configured server (the primary included), without duplicates, oldest version first. */
    public static synchronized List<PostgresServer> all() {
        if (all == null) {
            Set<String> urls = new LinkedHashSet<>();
            String configured = setting(URLS_VARIABLE);
            if (configured != null) {
                for (String url : configured.split(",(?=\\s*jdbc:)")) {
                    if (!url.isBlank()) {
                        urls.add(url.trim());
                    }
                }
            }
            urls.add(primary().adminJdbcUrl());
            List<PostgresServer> servers = new ArrayList<>();
            for (String url : urls) {
                servers.add(describe(url));
            }
            servers.sort(Comparator.comparingInt(PostgresServer::majorVersion));
            all = List.copyOf(servers);
        }
        return all;
    }

    private static String primaryUrl() {
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        String url = setting(URL_VARIABLE);
        if (url != null) {
            return url;
        }
        String urls = setting(URLS_VARIABLE);
        if (urls != null) {
            return urls.split(",(?=\\s*jdbc:)")[0].trim();
        }
        if (DockerProbe.dockerAnswers()) {
            try {
                return Containers.startPostgres();
            } catch (RuntimeException | LinkageError e) {
                failure = noServerMessage("Docker seemed available but starting " + CONTAINER_IMAGE
                        + " with Testcontainers failed: " + e);
                throw new IllegalStateException(failure, e);
            }
        }
        try {
            return Embedded.startPostgres();
        } catch (RuntimeException | LinkageError e) {
            failure = noServerMessage("No Docker daemon was found for Testcontainers, and starting an embedded"
                    + " PostgreSQL failed: " + e.getMessage());
            throw new IllegalStateException(failure, e);
        }
    }

    static String noServerMessage(String dockerNote) {
        return "No PostgreSQL server configured for tests. " + dockerNote + System.lineSeparator()
                + "Provide one of these:" + System.lineSeparator()
                + "  1. run `bash scripts/postgres-servers` (starts PostgreSQL 13-17 on 127.0.0.1) and export the"
                + " variables it prints, e.g. `source /var/tmp/schemaguard-pg/env`; or just run `bash scripts/test`;"
                + System.lineSeparator()
                + "  2. set " + URL_VARIABLE + " (environment variable or -D" + URL_VARIABLE + "=...) to a JDBC URL"
                + " of any PostgreSQL " + MINIMUM_MAJOR_VERSION + "+ superuser, e.g."
                + " jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=postgres"
                + " (optionally also " + URLS_VARIABLE + ", a comma-separated list of such URLs).";
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static PostgresServer describe(String url) {
        PostgresServer cached = SERVERS_BY_URL.get(url);
        if (cached != null) {
            return cached;
        }
        PostgresServer probe = new PostgresServer("PostgreSQL", 0, url);
        int versionNum;
        String version;
        try (Connection connection = probe.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "select current_setting('server_version_num')::int, current_setting('server_version'),"
                             + " (select rolsuper from pg_roles where rolname = current_user)")) {
            rs.next();
            versionNum = rs.getInt(1);
            version = rs.getString(2).split("\\s+")[0];
            if (!rs.getBoolean(3)) {
                throw new IllegalStateException("Test server " + PostgresServer.redact(url)
                        + " must be reached as a superuser (tests create databases and roles)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the PostgreSQL test server "
                    + PostgresServer.redact(url) + ": " + e.getMessage()
                    + System.lineSeparator() + "Is it running? `bash scripts/postgres-servers` starts the local ones.", e);
        }
        int major = versionNum / 10000;
        if (major < MINIMUM_MAJOR_VERSION) {
            throw new IllegalStateException("Test server " + PostgresServer.redact(url) + " runs PostgreSQL "
                    + version + "; PostgreSQL " + MINIMUM_MAJOR_VERSION + " or newer is required");
        }
        PostgresServer server = new PostgresServer("PostgreSQL " + version, major, url);
        SERVERS_BY_URL.put(url, server);
        return server;
    }

    /**
     * Decides quickly and silently whether a Docker daemon might answer, before Testcontainers is
     * touched at all (its own discovery logs stack traces and can take seconds when there is none).
     */
    static final class DockerProbe {
        private static final int TIMEOUT_MILLIS = 500;

        static boolean dockerAnswers() {
            if (System.getProperty("os.name", "").toLowerCase().contains("win")) {
                return Containers.dockerAvailable(); // named pipes: let Testcontainers decide
            }
            for (String endpoint : candidateEndpoints()) {
                if (answers(endpoint)) {
                    return Containers.dockerAvailable();
                }
            }
            return false;
        }

        private static List<String> candidateEndpoints() {
            List<String> endpoints = new ArrayList<>();
            String dockerHost = System.getenv("DOCKER_HOST");
            if (dockerHost != null && !dockerHost.isBlank()) {
                endpoints.add(dockerHost.trim());
            }
            String home = System.getProperty("user.home", "");
            Path properties = Path.of(home, ".testcontainers.properties");
            if (Files.isReadable(properties)) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(properties)) {
                    p.load(in);
                    String host = p.getProperty("docker.host");
                    if (host != null && !host.isBlank()) {
                        endpoints.add(host.trim());
                    }
                } catch (IOException ignored) {
                    // unreadable: fall through to the well-known sockets
                }
            }
            String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
            List<String> sockets = new ArrayList<>(List.of(
                    "/var/run/docker.sock",
                    home + "/.docker/run/docker.sock",
                    home + "/.docker/desktop/docker.sock",
                    home + "/.colima/default/docker.sock",
                    home + "/.rd/docker.sock"));
            if (runtimeDir != null) {
                sockets.add(runtimeDir + "/docker.sock");
                sockets.add(runtimeDir + "/podman/podman.sock");
            }
            for (String socket : sockets) {
                endpoints.add("unix://" + socket);
            }
            return endpoints;
        }

        private static boolean answers(String endpoint) {
            try {
                if (endpoint.startsWith("unix://")) {
                    Path socket = Path.of(endpoint.substring("unix://".length()));
                    if (!Files.exists(socket)) {
                        return false;
                    }
                    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                        return channel.connect(UnixDomainSocketAddress.of(socket));
                    }
                }
                if (endpoint.startsWith("tcp://") || endpoint.startsWith("http://") || endpoint.startsWith("https://")) {
                    URI uri = URI.create(endpoint.replaceFirst("^tcp://", "http://"));
                    int port = uri.getPort() > 0 ? uri.getPort() : 2375;
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(uri.getHost(), port), TIMEOUT_MILLIS);
                        return true;
                    }
                }
                return false;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }

    /** The last resort: one PostgreSQL started by schema-embedded, shared by every test of this JVM. */
    static final class Embedded {
        static final String VERSION_VARIABLE = "SCHEMAGUARD_TEST_PG_VERSION";
        private static EmbeddedPostgres server;

        static synchronized String startPostgres() {
            if (server == null) {
                String configured = setting(VERSION_VARIABLE);
                int major;
                try {
                    major = configured == null ? PostgresRelease.DEFAULT_MAJOR_VERSION : Integer.parseInt(configured);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(VERSION_VARIABLE + " must be a PostgreSQL major version such as 16,"
                            + " not '" + configured + "'", e);
                }
                // EmbeddedPostgres' shutdown hook stops it when the JVM exits
                server = EmbeddedPostgres.start(EmbeddedPostgres.Options.defaults().withMajorVersion(major));
                System.err.println("[schema-testkit] no test server configured and no Docker: started embedded "
                        + server + " in " + server.timings().total().toMillis() + " ms (set " + URL_VARIABLE
                        + " to use another server)");
            }
            // the password of this start, inside the URL: PostgresServer takes URLs only and masks them when printed
            return server.jdbcUrlWithPassword("postgres");
        }
    }

    /** Kept separate so that Testcontainers classes are loaded only when Docker answers. */
    static final class Containers {
        private static org.testcontainers.containers.PostgreSQLContainer<?> container;

        static boolean dockerAvailable() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        static synchronized String startPostgres() {
            if (container == null) {
                var postgres = new org.testcontainers.containers.PostgreSQLContainer<>(
                        org.testcontainers.utility.DockerImageName.parse(CONTAINER_IMAGE));
                postgres.start(); // Testcontainers' Ryuk removes it when the JVM exits
                container = postgres;
            }
            String url = container.getJdbcUrl();
            return url + (url.contains("?") ? "&" : "?")
                    + "user=" + container.getUsername() + "&password=" + container.getPassword();
        }
    }
}
