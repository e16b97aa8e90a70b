package dev.schemaguard.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class EmbeddedPostgresTest {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresTest.class);

    @ParameterizedTest
    @ValueSource(ints = {13, 14, 15, 16, 17})
    void startsTheRequestedMajorVersion(int major) throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(EmbeddedPostgres.Options.defaults().withMajorVersion(major))) {
            assertEquals(major, postgres.majorVersion());
            String version = query(postgres, "select version()");
            assertTrue(version.startsWith("PostgreSQL " + major + "."), version);
            assertEquals(Integer.toString(major), query(postgres, "select current_setting('server_version_num')::int / 10000"));
        }
    }

    @Test
    void runsAsAnUnprivilegedAccountWhenTheJvmIsRoot() throws SQLException, IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            assertEquals("on", query(postgres, "select current_setting('is_superuser')"));
            assertEquals("127.0.0.1", query(postgres, "select current_setting('listen_addresses')"));
            assertEquals("off", query(postgres, "select current_setting('fsync')"));
            assertEquals("UTF8", query(postgres, "select pg_encoding_to_char(encoding) from pg_database where datname = 'postgres'"));
            // the postmaster, which outlives any one connection (a backend may be gone by the time /proc is read)
            String serverPid = Files.readAllLines(postgres.directory().resolve("data").resolve("postmaster.pid")).get(0).strip();
            String uid = Files.readAllLines(Path.of("/proc", serverPid, "status")).stream()
                    .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[2];
            if (ServerAccount.runningAsRoot()) {
                assertNotEquals("0", uid, "the server must not run as root");
                assertNotEquals("root", ownerOf(postgres.directory().resolve("data")));
            } else {
                assertEquals(System.getProperty("user.name"), ownerOf(postgres.directory().resolve("data")));
            }
        }
    }

    @Test
    void onlyThePasswordOfThisStartLetsAnyoneIn() throws SQLException, IOException {
        org.postgresql.Driver driver = new org.postgresql.Driver();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            SQLException noPassword = assertThrows(SQLException.class,
                    () -> driver.connect(postgres.jdbcUrl(), new java.util.Properties()).close());
            assertTrue(noPassword.getMessage().contains("password"), noPassword.getMessage());

            java.util.Properties wrong = postgres.credentials();
            wrong.setProperty("password", "postgres");
            SQLException wrongPassword = assertThrows(SQLException.class,
                    () -> driver.connect(postgres.jdbcUrl(), wrong).close());
            assertEquals("28P01", wrongPassword.getSQLState(), wrongPassword.getMessage());

            try (Connection connection = driver.connect(postgres.jdbcUrlWithPassword("postgres"), new java.util.Properties());
                 Statement statement = connection.createStatement();
                 ResultSet rules = statement.executeQuery("select string_agg(distinct auth_method, ',')"
                         + " || ' ' || bool_and(type = 'local' or address = '127.0.0.1') from pg_hba_file_rules")) {
                assertTrue(rules.next());
                assertEquals("scram-sha-256 true", rules.getString(1), "no rule without a password, none but loopback");
            }
            assertEquals("scram-sha-256", query(postgres, "select current_setting('password_encryption')"));
            assertTrue(query(postgres, "select rolpassword from pg_authid where rolname = 'postgres'")
                    .startsWith("SCRAM-SHA-256$"));
            String log = Files.readString(postgres.directory().resolve("server.log"));
            assertFalse(log.contains(postgres.credentials().getProperty("password")), "the server log holds the password");
        }
    }

    @Test
    void everyStartHasItsOwnPassword() {
        try (EmbeddedPostgres first = EmbeddedPostgres.start(); EmbeddedPostgres second = EmbeddedPostgres.start()) {
            String firstPassword = first.credentials().getProperty("password");
            assertNotEquals(firstPassword, second.credentials().getProperty("password"));
            java.util.Properties borrowed = second.credentials();
            borrowed.setProperty("password", firstPassword);
            SQLException refused = assertThrows(SQLException.class,
                    () -> new org.postgresql.Driver().connect(second.jdbcUrl(), borrowed).close());
            assertEquals("28P01", refused.getSQLState(), refused.getMessage());
            assertFalse(first.toString().contains(firstPassword));
            assertFalse(first.jdbcUrl().contains(firstPassword));
        }
    }

    @Test
    void twoServersRunSideBySide() throws SQLException {
        try (EmbeddedPostgres first = EmbeddedPostgres.start();
             EmbeddedPostgres second = EmbeddedPostgres.start(EmbeddedPostgres.Options.defaults().withMajorVersion(16))) {
            assertNotEquals(first.port(), second.port());
            assertNotEquals(first.directory(), second.directory());
            execute(first, "create table only_on_first (id int)");
            assertEquals("1", query(first, "select count(*) from pg_tables where tablename = 'only_on_first'"));
            assertEquals("0", query(second, "select count(*) from pg_tables where tablename = 'only_on_first'"));
            assertTrue(query(second, "select version()").startsWith("PostgreSQL 16."));
        }
    }

    @Test
    void closeStopsTheServerRemovesItsDirectoryAndFreesThePort() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        Path directory = postgres.directory();
        int port = postgres.port();
        assertTrue(Files.isDirectory(directory.resolve("data")));
        postgres.close();
        assertFalse(Files.exists(directory), directory + " should be deleted");
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, socket.getLocalPort());
        }
        assertThrowsSql(postgres);
        postgres.close(); // idempotent
    }

    @Test
    void extractsOnceEvenWhenStartedConcurrentlyThenReusesTheCache() throws Exception {
        Path cache = worldReadableTempDirectory("schemaguard-cache-test-");
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            EmbeddedPostgres.Options options = EmbeddedPostgres.Options.defaults().withMajorVersion(14).withCacheDirectory(cache);
            List<Future<EmbeddedPostgres>> starts = List.of(
                    executor.submit(() -> EmbeddedPostgres.start(options)),
                    executor.submit(() -> EmbeddedPostgres.start(options)));
            List<EmbeddedPostgres.Timings> cold = new ArrayList<>();
            Set<Path> binaries = new HashSet<>();
            for (Future<EmbeddedPostgres> start : starts) {
                try (EmbeddedPostgres postgres = start.get(5, TimeUnit.MINUTES)) {
                    cold.add(postgres.timings());
                    binaries.add(postgres.binaries());
                    assertTrue(query(postgres, "select version()").startsWith("PostgreSQL 14."));
                }
            }
            assertEquals(1, binaries.size(), "both servers use the same extraction");
            assertEquals(1, cold.stream().filter(EmbeddedPostgres.Timings::extracted).count(), "extracted exactly once");
            EmbeddedPostgres.Timings extracting = cold.stream().filter(EmbeddedPostgres.Timings::extracted).findFirst().orElseThrow();

            EmbeddedPostgres.Timings warm;
            try (EmbeddedPostgres again = EmbeddedPostgres.start(options)) {
                warm = again.timings();
                assertEquals(binaries.iterator().next(), again.binaries());
            }
            LOG.info("PostgreSQL 14 cold start {} ms (binaries {} ms, cluster {} ms), warm start {} ms (binaries {} ms,"
                            + " cluster {} ms)", extracting.total().toMillis(), extracting.binaries().toMillis(),
                    extracting.cluster().toMillis(), warm.total().toMillis(), warm.binaries().toMillis(),
                    warm.cluster().toMillis());
            assertFalse(warm.extracted());
            assertTrue(warm.binaries().compareTo(extracting.binaries()) < 0, "a cached extraction should be quicker to find");
        } finally {
            executor.shutdownNow();
            PostgresBinaries.deleteRecursively(cache);
        }
    }

    @Test
    void downloadsFromMavenCentralWhenTheLocalRepositoryLacksTheBinaries() throws IOException, SQLException {
        Path emptyRepository = Files.createTempDirectory("schemaguard-empty-m2-");
        Path cache = worldReadableTempDirectory("schemaguard-download-test-");
        try {
            EmbeddedPostgres.Options options = EmbeddedPostgres.Options.defaults().withMajorVersion(16)
                    .withMavenRepository(emptyRepository).withCacheDirectory(cache);
            try (EmbeddedPostgres postgres = EmbeddedPostgres.start(options)) {
                LOG.info("PostgreSQL 16 start including download and extraction: {} ms (binaries {} ms)",
                        postgres.timings().total().toMillis(), postgres.timings().binaries().toMillis());
                assertTrue(query(postgres, "select version()").startsWith("PostgreSQL 16."));
                String jar = PostgresBinaries.artifactId() + "-" + PostgresRelease.forMajor(16).artifactVersion() + ".jar";
                Path downloaded = cache.resolve("downloads").resolve(jar);
                assertTrue(Files.isRegularFile(downloaded), downloaded + " should have been downloaded");
                assertEquals(Files.readString(downloaded.resolveSibling(jar + ".sha1")), MavenCentral.sha1(downloaded));
            }
            try (var files = Files.list(emptyRepository)) {
                assertEquals(0, files.count(), "the local Maven repository is only read, never written");
            }
        } finally {
            PostgresBinaries.deleteRecursively(cache);
            PostgresBinaries.deleteRecursively(emptyRepository);
        }
    }

    @Test
    void matchingPicksTheClosestAvailableMajorVersion() {
        assertEquals(15, PostgresRelease.matching(15).majorVersion());
        assertEquals(17, PostgresRelease.matching(18).majorVersion());
        assertEquals(13, PostgresRelease.matching(12).majorVersion());
        assertEquals(16, EmbeddedPostgres.Options.defaults().matchingServer(PostgresRelease.majorOf(160004)).majorVersion());
    }

    /** Under /tmp with mode 0755, so that the unprivileged server account (when running as root) can read it. */
    private static Path worldReadableTempDirectory(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(Path.of("/tmp"), prefix);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        return directory;
    }

    private static String ownerOf(Path path) {
        try {
            return Files.getOwner(path).getName();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertThrowsSql(EmbeddedPostgres closed) {
        try (Connection ignored = closed.connect()) {
            throw new AssertionError("connected to a closed server");
        } catch (SQLException expected) {
            // the server is gone
        }
    }

    private static String query(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
