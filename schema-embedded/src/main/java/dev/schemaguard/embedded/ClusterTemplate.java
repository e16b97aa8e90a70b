package dev.schemaguard.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the data directory of a new server. initdb runs once per release; its result is kept next
 * to the extracted binaries ({@code <binaries>.cluster-v1/data}) and copied for every later server,
 * which is several times faster than running initdb again. If the cached cluster cannot be made or
 * read (e.g. it belongs to another account), initdb runs directly in the data directory.
 *
 * <p>The cluster asks for a password (scram-sha-256) on every connection, local socket included, and its
 * superuser's password is random and forgotten at once: a copy is usable only after {@link EmbeddedPostgres}
 * has given it a password of its own.
 */
final class ClusterTemplate {

    /** Part of the cache key: bump it whenever {@link #initdbArguments} change. */
    private static final String TEMPLATE_SUFFIX = ".cluster-v2";
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterTemplate.class);

    private ClusterTemplate() {
    }

    /** Fills {@code dataDirectory} (which must not exist; its parent belongs to {@code account}). */
    static void createDataDirectory(PostgresBinaries.Installation installation, ServerAccount account, Path dataDirectory,
                                    String superuser) {
        Path template = installation.home().resolveSibling(installation.home().getFileName() + TEMPLATE_SUFFIX
                + (superuser.equals("postgres") ? "" : "-" + superuser));
        try {
            if (!Files.isDirectory(template)) {
                CacheLock.holding(template, () -> {
                    if (!Files.isDirectory(template)) {
                        createTemplate(installation, account, template, superuser);
                    }
                    return null;
                });
            }
            copy(template.resolve("data"), dataDirectory, account);
            return;
        } catch (IOException | EmbeddedPostgresException e) {
            LOG.debug("cached cluster {} not usable ({}); running initdb directly", template, e.toString());
            try {
                if (Files.exists(dataDirectory)) {
                    PostgresBinaries.deleteRecursively(dataDirectory);
                }
            } catch (IOException cleanup) {
                throw new EmbeddedPostgresException("could not clear " + dataDirectory + " after a failed copy: " + cleanup,
                        cleanup);
            }
        }
        initdb(installation, account, dataDirectory, superuser);
    }

    private static void createTemplate(PostgresBinaries.Installation installation, ServerAccount account, Path template,
                                       String superuser) throws IOException {
        Path staging = CacheLock.stagingPath(template);
        Files.createDirectory(staging);
        try {
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            account.handOver(staging);
            initdb(installation, account, staging.resolve("data"), superuser);
            Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(staging)) {
                PostgresBinaries.deleteRecursively(staging);
            }
        }
    }

    /** Runs initdb; its parent directory must belong to {@code account}. */
    private static void initdb(PostgresBinaries.Installation installation, ServerAccount account, Path dataDirectory,
                               String superuser) {
        Path passwordFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".initdb-password");
        try {
            Files.writeString(passwordFile, "", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(passwordFile, Secrets.newPassword() + System.lineSeparator(), StandardCharsets.UTF_8);
            account.handOver(passwordFile);
            Commands.runChecked("initdb of " + installation.release() + " (as '" + account.userName() + "')",
                    account.command(initdbArguments(installation, dataDirectory, passwordFile, superuser)), INITDB_TIMEOUT);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not write the initial password file " + passwordFile + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", passwordFile, e.toString());
            }
        }
    }

    private static List<String> initdbArguments(PostgresBinaries.Installation installation, Path dataDirectory,
                                                Path passwordFile, String superuser) {
        return List.of(installation.program("initdb").toString(), "-D", dataDirectory.toString(),
                "-U", superuser, "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C",
                "--no-sync");
    }

    /** Copies a tree with its permission bits, handing every copy to the server account. */
    private static void copy(Path source, Path target, ServerAccount account) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                return copyOne(directory);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                return copyOne(file);
            }

            private FileVisitResult copyOne(Path path) throws IOException {
                Path copy = target.resolve(source.relativize(path).toString());
                Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                account.handOver(copy);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
