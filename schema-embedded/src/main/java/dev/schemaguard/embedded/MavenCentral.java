package dev.schemaguard.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads artifacts from Maven Central over HTTPS and checks them against the SHA-1 published
 * next to them. Maven Central is the only host contacted.
 */
final class MavenCentral {

    static final String BASE_URL = "https://repo1.maven.org/maven2/";
    private static final Logger LOG = LoggerFactory.getLogger(MavenCentral.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private MavenCentral() {
    }

    /**
     * Downloads {@code relativePath} (e.g. {@code io/zonky/.../x-1.0.jar}) to {@code target},
     * atomically: {@code target} either does not change or holds the complete, verified file. The
     * checksum is kept next to it in {@code <target>.sha1}, as in a Maven repository.
     */
    static void download(String relativePath, Path target) {
        URI uri = URI.create(BASE_URL + relativePath);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Path partial = target.resolveSibling(target.getFileName() + ".part-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(target.getParent());
            String expectedSha1 = fetchSha1(client, URI.create(uri + ".sha1"));
            LOG.info("downloading {}", uri);
            long started = System.nanoTime();
            HttpResponse<Path> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new EmbeddedPostgresException("downloading " + uri + " failed: HTTP " + response.statusCode());
            }
            String actualSha1 = sha1(partial);
            if (!actualSha1.equals(expectedSha1)) {
                throw new EmbeddedPostgresException("checksum mismatch for " + uri + ": SHA-1 " + actualSha1
                        + ", expected " + expectedSha1 + " (from " + uri + ".sha1); the download is corrupt, try again");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(target.resolveSibling(target.getFileName() + ".sha1"), expectedSha1);
            LOG.info("downloaded {} ({} MB) in {} ms", target.getFileName(), Files.size(target) / (1024 * 1024),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("downloading " + uri + " to " + target + " failed: " + e
                    + "; check the network connection to repo1.maven.org, or install the artifact into the local"
                    + " Maven repository (./mvnw dependency:get -Dartifact=...)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("interrupted while downloading " + uri, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // leftover partial files are overwritten by the next attempt
            }
        }
    }

    /** The SHA-1 recorded in a {@code .sha1} file next to {@code file}, if there is one. */
    static Optional<String> recordedSha1(Path file) throws IOException {
        Path sha1File = file.resolveSibling(file.getFileName() + ".sha1");
        if (!Files.isRegularFile(sha1File)) {
            return Optional.empty();
        }
        return Optional.of(firstToken(Files.readString(sha1File)));
    }

    static String sha1(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String fetchSha1(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new EmbeddedPostgresException("fetching the checksum " + uri + " failed: HTTP " + response.statusCode()
                    + (response.statusCode() == 404 ? " (no such artifact version on Maven Central)" : ""));
        }
        String sha1 = firstToken(response.body());
        if (!sha1.matches("[0-9a-f]{40}")) {
            throw new EmbeddedPostgresException("unexpected content in " + uri + ": " + response.body().strip());
        }
        return sha1;
    }

    /** {@code .sha1} files hold the hex digest, sometimes followed by the file name. */
    private static String firstToken(String text) {
        String trimmed = text.strip();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
    }
}
