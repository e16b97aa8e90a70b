package dev.schemaguard.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway PostgreSQL server started from binaries this library fetches itself (see
 * {@link PostgresRelease}): fresh cluster in a temporary directory, listening on a free port of
 * 127.0.0.1 only (Unix socket in the data directory), durability switched off for speed. {@link #close()}
 * stops it and deletes the directory; a JVM shutdown hook does the same for servers still running when the
 * JVM exits.
 *
 * <p>Only this process can log in: every connection, over TCP or the socket, needs the password of the
 * superuser ({@code postgres} unless {@link Options#superuser()} names another; scram-sha-256), which is random, new for every start and never printed or
 * logged. {@link #connect()} passes it; {@link #jdbcUrl()} leaves it out; {@link #credentials()} and
 * {@link #jdbcUrlWithPassword(String)} hand it to code that opens connections itself.
 *
 * <pre>{@code
 * try (EmbeddedPostgres postgres = EmbeddedPostgres.start(EmbeddedPostgres.Options.defaults().withMajorVersion(16))) {
 *     try (Connection c = postgres.connect()) { ... }
 * }
 * }</pre>
 *
 * When the JVM runs as root, initdb and the server run as an unprivileged account (see
 * {@code SCHEMAGUARD_PG_USER}), because PostgreSQL refuses to run as root.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 3;
    private static final Set<EmbeddedPostgres> RUNNING = ConcurrentHashMap.newKeySet();
    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();
    private static final String DEFAULT_SUPERUSER = "postgres";
    private static final Duration PASSWORD_TIMEOUT = Duration.ofSeconds(60);

    /** Who may connect, and how: no line without a password, no address but loopback. */
    private static final List<String> HBA_RULES = List.of(
            "# schemaguard embedded server: a password (scram-sha-256) for every connection",
            "local all all scram-sha-256",
            "host all all 127.0.0.1/32 scram-sha-256");

    /**
     * Test-only settings: durability traded for speed, connections over loopback or the private socket. Lock slots
     * for 102,400 objects in all (the default 6,400): canonical comparison creates the whole expected schema in one
     * transaction, which holds about five locks per table of the synthetic benchmark schema; the lock table ran out
     * after 3,200 of its tables with the default, after 5,500 with 256 per transaction.
     */
    private static final List<String> SERVER_SETTINGS = List.of(
            "listen_addresses = '127.0.0.1'",
            "password_encryption = 'scram-sha-256'",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "max_connections = 100",
            "max_locks_per_transaction = 1024",
            "logging_collector = off");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgres::closeAllRunning, "embedded-postgres-shutdown"));
    }

    /**
     * How to start a server.
     *
     * @param majorVersion    PostgreSQL major version, 13 to 17
     * @param startupTimeout  how long to wait for the server to accept connections
     * @param mavenRepository local Maven repository searched for the binaries first; null means
     *                        the {@code maven.repo.local} system property, else {@code ~/.m2/repository}
     * @param cacheDirectory  where downloaded and extracted binaries are kept; null means
     *                        {@code $XDG_CACHE_HOME/schemaguard}, else {@code ~/.cache/schemaguard}
     * @param superuser       name of the bootstrap superuser (lower-case letters, digits, underscores), by
     *                        default {@code postgres}
     */
    public record Options(int majorVersion, Duration startupTimeout, Path mavenRepository, Path cacheDirectory,
                          String superuser) {

        public Options {
            PostgresRelease.forMajor(majorVersion); // validates
            Objects.requireNonNull(startupTimeout, "startupTimeout");
            Objects.requireNonNull(superuser, "superuser");
            if (!superuser.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("superuser must be lower-case letters, digits and underscores: "
                        + superuser);
            }
        }

        public Options(int majorVersion, Duration startupTimeout, Path mavenRepository, Path cacheDirectory) {
            this(majorVersion, startupTimeout, mavenRepository, cacheDirectory, DEFAULT_SUPERUSER);
        }

        /** PostgreSQL 17, 60 s startup timeout, default repository and cache, superuser {@code postgres}. */
        public static Options defaults() {
            return new Options(PostgresRelease.DEFAULT_MAJOR_VERSION, Duration.ofSeconds(60), null, null);
        }

        public Options withMajorVersion(int major) {
            return new Options(major, startupTimeout, mavenRepository, cacheDirectory, superuser);
        }

        /**
         * Another name for the bootstrap superuser, e.g. to keep the name {@code postgres} free for a script that
         * expects an ordinary role of that name.
         */
        public Options withSuperuser(String name) {
            return new Options(majorVersion, startupTimeout, mavenRepository, cacheDirectory, name);
        }

        /** The major version closest to a target server's (see {@link PostgresRelease#matching}). */
        public Options matchingServer(int serverMajorVersion) {
            return withMajorVersion(PostgresRelease.matching(serverMajorVersion).majorVersion());
        }

        public Options withStartupTimeout(Duration timeout) {
            return new Options(majorVersion, timeout, mavenRepository, cacheDirectory, superuser);
        }

        public Options withMavenRepository(Path repository) {
            return new Options(majorVersion, startupTimeout, repository, cacheDirectory, superuser);
        }

        public Options withCacheDirectory(Path directory) {
            return new Options(majorVersion, startupTimeout, mavenRepository, directory, superuser);
        }
    }

    /**
     * Where the startup time went.
     *
     * @param binaries  locating (and, if {@code extracted}, downloading/extracting) the binaries
     * @param cluster   creating the cluster (a copy of a cached initdb result, or initdb itself)
     * @param startup   starting the server until it accepted a connection
     * @param extracted whether the binaries had to be extracted (false: cached extraction reused)
     */
    public record Timings(Duration binaries, Duration cluster, Duration startup, boolean extracted) {
        public Duration total() {
            return binaries.plus(cluster).plus(startup);
        }
    }

    private final PostgresRelease release;
    private final PostgresBinaries.Installation installation;
    private final ServerAccount account;
    private final Path directory;
    private final Path dataDirectory;
    private final Path logFile;
    private final String superuser;
    private final String password = Secrets.newPassword();
    private int port;
    private Timings timings;
    private boolean closed;

    private EmbeddedPostgres(PostgresBinaries.Installation installation, ServerAccount account, Path directory,
                             String superuser) {
        this.release = installation.release();
        this.superuser = superuser;
        this.installation = installation;
        this.account = account;
        this.directory = directory;
        this.dataDirectory = directory.resolve("data");
        this.logFile = directory.resolve("server.log");
    }

    /** Starts PostgreSQL {@value PostgresRelease#DEFAULT_MAJOR_VERSION} with default options. */
    public static EmbeddedPostgres start() {
        return start(Options.defaults());
    }

    /** Starts a fresh server; the caller closes it. */
    public static EmbeddedPostgres start(Options options) {
        PostgresRelease release = PostgresRelease.forMajor(options.majorVersion());
        long t0 = System.nanoTime();
        PostgresBinaries.Installation installation = install(release, options);
        ServerAccount account = ServerAccount.forBinary(installation.program("postgres"));
        long t1 = System.nanoTime();
        Path directory = createDirectory(release, account);
        EmbeddedPostgres postgres = new EmbeddedPostgres(installation, account, directory, options.superuser());
        RUNNING.add(postgres);
        try {
            postgres.createCluster();
            postgres.setSuperuserPassword();
            long t2 = System.nanoTime();
            postgres.startServer(options.startupTimeout());
            long t3 = System.nanoTime();
            postgres.timings = new Timings(Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2),
                    installation.extracted());
            LOG.info("{} started on 127.0.0.1:{} as '{}' in {} ms (binaries {} ms{}, cluster {} ms, start {} ms), data in {}",
                    release, postgres.port, account.userName(), postgres.timings.total().toMillis(),
                    postgres.timings.binaries().toMillis(), installation.extracted() ? " incl. extraction" : ", cached",
                    postgres.timings.cluster().toMillis(), postgres.timings.startup().toMillis(), directory);
            return postgres;
        } catch (RuntimeException | Error e) {
            try {
                postgres.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * JDBC URL of the {@code postgres} database, as the superuser, without the password (safe to
     * print): connect with {@link #credentials()}.
     */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** JDBC URL of another database on this server, as the superuser, without the password. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + superuser;
    }

    /**
     * JDBC URL of {@code database} with the superuser's password as a parameter, for code that takes nothing but
     * a URL. It is a secret: never print or log it.
     */
    public String jdbcUrlWithPassword(String database) {
        return jdbcUrl(database) + "&password=" + password;
    }

    /** Connection properties {@code user} and {@code password} of the superuser; a fresh copy each time. */
    public Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", superuser);
        properties.setProperty("password", password);
        return properties;
    }

    /** Opens a superuser connection to the {@code postgres} database; the caller closes it. */
    public Connection connect() throws SQLException {
        return connect("postgres");
    }

    /** Opens a superuser connection to {@code database}; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DRIVER.connect(jdbcUrl(database), credentials());
    }

    public int port() {
        return port;
    }

    public int majorVersion() {
        return release.majorVersion();
    }

    public PostgresRelease release() {
        return release;
    }

    /** The temporary directory holding the cluster ({@code data/}) and the server log; deleted on close. */
    public Path directory() {
        return directory;
    }

    /** Directory holding {@code bin/}, {@code lib/} and {@code share/} of the release. */
    public Path binaries() {
        return installation.home();
    }

    public Timings timings() {
        return timings;
    }

    /**
     * Stops the server ({@code pg_ctl stop -m immediate}: it is thrown away, so it need not write a shutdown
     * checkpoint first) and deletes its directory. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        long started = System.nanoTime();
        try {
            if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
                stopServer();
            }
            PostgresBinaries.deleteRecursively(directory);
            closed = true;
            LOG.debug("{} on port {} stopped, {} deleted, in {} ms", release, port, directory,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("stopped " + release + " but could not delete " + directory + ": " + e, e);
        } finally {
            if (closed) {
                RUNNING.remove(this);
            }
        }
    }

    @Override
    public String toString() {
        return release + " on 127.0.0.1:" + port + (closed ? " (closed)" : "");
    }

    private static PostgresBinaries.Installation install(PostgresRelease release, Options options) {
        Path cache = options.cacheDirectory() != null ? options.cacheDirectory() : defaultCacheDirectory();
        Path extractions = cache.resolve("postgres");
        if (ServerAccount.runningAsRoot() && !ServerAccount.traversableByOthers(extractions)) {
            // e.g. /root/.cache: the unprivileged server account could not reach binaries there
            extractions = Path.of("/var/tmp/schemaguard/postgres");
            LOG.debug("{} is not reachable by other users; keeping extracted binaries in {}", cache, extractions);
        }
        Path repository = options.mavenRepository() != null ? options.mavenRepository() : defaultMavenRepository();
        return PostgresBinaries.install(release, repository, cache.resolve("downloads"), extractions);
    }

    static Path defaultCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "schemaguard");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "schemaguard");
    }

    static Path defaultMavenRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * A private directory for one server. As root it lives under /tmp with mode 0700 and belongs to
     * the server account (the JVM's temp directory may sit inside /root, which the account cannot enter).
     */
    private static Path createDirectory(PostgresRelease release, ServerAccount account) {
        Path parent = Path.of(account.switchesUser() ? "/tmp" : System.getProperty("java.io.tmpdir"));
        try {
            Path directory = Files.createTempDirectory(parent, "schemaguard-pg" + release.majorVersion() + "-");
            if (account.switchesUser()) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
                account.handOver(directory);
            }
            return directory;
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not create a directory for the embedded server in " + parent
                    + ": " + e, e);
        }
    }

    private void createCluster() {
        ClusterTemplate.createDataDirectory(installation, account, dataDirectory, superuser);
        StringBuilder settings = new StringBuilder(System.lineSeparator()
                + "# --- schemaguard embedded server ---" + System.lineSeparator());
        settings.append("unix_socket_directories = '").append(dataDirectory.toString().replace("'", "''"))
                .append('\'').append(System.lineSeparator());
        SERVER_SETTINGS.forEach(line -> settings.append(line).append(System.lineSeparator()));
        try {
            Files.writeString(dataDirectory.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            Files.write(dataDirectory.resolve("pg_hba.conf"), HBA_RULES, StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not write the settings of " + release + " to "
                    + dataDirectory.resolve("postgresql.conf") + ": " + e, e);
        }
    }

    /**
     * Gives the superuser this server's password before the server first starts, in single-user mode: the
     * statement goes in on standard input, so the password is on no command line and in no file.
     */
    private void setSuperuserPassword() {
        List<String> command = List.of(installation.program("postgres").toString(), "--single", "-D",
                dataDirectory.toString(), "-c", "password_encryption=scram-sha-256", "-c", "log_min_messages=fatal",
                "postgres");
        String statement = "ALTER ROLE " + superuser + " PASSWORD '" + password + "';" + System.lineSeparator();
        Commands.Result result = Commands.run(account.command(command), statement, PASSWORD_TIMEOUT);
        if (!result.succeeded() || result.output().contains("ERROR")) {
            throw new EmbeddedPostgresException("could not set the superuser password of " + release
                    + " in single-user mode (exit code " + result.exitCode() + "): `"
                    + String.join(" ", account.command(command)) + "`" + System.lineSeparator()
                    + result.output().replace(password, "***").strip());
        }
    }

    private void startServer(Duration timeout) {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            List<String> command = List.of(installation.program("pg_ctl").toString(), "-D", dataDirectory.toString(),
                    "-l", logFile.toString(), "-o", "-p " + port, "-w", "-t", Long.toString(timeout.toSeconds()), "start");
            Commands.Result result = Commands.run(account.command(command), timeout.plusSeconds(10));
            if (result.succeeded()) {
                break;
            }
            String log = logTail();
            if (attempt < PORT_ATTEMPTS && log.contains("could not bind")) {
                LOG.debug("port {} was taken in the meantime; retrying", port);
                continue;
            }
            throw new EmbeddedPostgresException("pg_ctl could not start " + release + " (exit code " + result.exitCode()
                    + "): `" + String.join(" ", account.command(command)) + "`" + System.lineSeparator()
                    + result.output().strip() + System.lineSeparator() + "server log " + logFile + ":"
                    + System.lineSeparator() + log);
        }
        awaitConnection(timeout);
    }

    /** pg_ctl -w already waited for the postmaster; this confirms that JDBC gets through as well. */
    private void awaitConnection(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last;
        do {
            try (Connection ignored = connect()) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedPostgresException("interrupted while waiting for " + release + " to start", e);
            }
        } while (System.nanoTime() < deadline);
        throw new EmbeddedPostgresException(release + " did not accept connections at " + jdbcUrl() + " within "
                + timeout.toSeconds() + " s: " + last.getMessage() + System.lineSeparator() + "server log " + logFile
                + ":" + System.lineSeparator() + logTail(), last);
    }

    /**
     * {@code pg_ctl stop -m immediate}: the server's processes quit at once, without the shutdown checkpoint a fast
     * stop writes (after a large schema was created, seconds of writing for a directory about to be deleted). Its
     * next start would run crash recovery; there is none, the directory goes.
     */
    private void stopServer() {
        List<String> immediate = List.of(installation.program("pg_ctl").toString(), "-D", dataDirectory.toString(),
                "-m", "immediate", "-w", "-t", Long.toString(STOP_TIMEOUT.toSeconds()), "stop");
        Commands.Result result = Commands.run(account.command(immediate), STOP_TIMEOUT.plusSeconds(10));
        if (!result.succeeded() && Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            throw new EmbeddedPostgresException("could not stop " + release + " on port " + port + ": `"
                    + String.join(" ", account.command(immediate)) + "` said: " + result.output().strip()
                    + System.lineSeparator() + "The server may still run; its directory " + directory + " was kept.");
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not find a free TCP port on 127.0.0.1: " + e, e);
        }
    }

    private static void closeAllRunning() {
        for (EmbeddedPostgres postgres : List.copyOf(RUNNING)) {
            try {
                postgres.close();
            } catch (RuntimeException e) {
                System.err.println("schemaguard: could not stop embedded " + postgres + ": " + e.getMessage());
            }
        }
    }
}
