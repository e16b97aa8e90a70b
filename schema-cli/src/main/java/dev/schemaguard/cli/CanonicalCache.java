package dev.schemaguard.cli;

import dev.schemaguard.embedded.PrivateDirectory;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.CanonicalSchema;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Canonical forms ({@link CanonicalSchema#canonicalize}) made before, kept on disk so that the same declared schema,
 * for the same server, is not built in a throwaway database again. An entry's name is the SHA-256 of everything the
 * canonical form depends on: this cache's format, the schemaguard code that builds and reads schemas (its jar), the
 * server it would be built on ({@link ThrowawayServer#identity}), the JVM's time zone (the driver gives it to every
 * session, and timestamps with time zone print in it), and the declared model as selected, field by field
 * ({@link ModelCodec}). An entry holds that key again and the canonical model, gzip-compressed (whose checksum catches
 * a damaged file).
 *
 * <p>The directory is {@code $XDG_CACHE_HOME/schemaguard/canonical}, else {@code ~/.cache/schemaguard/canonical}: made
 * with mode 0700 and used only while it belongs to the current user and nobody else may write it
 * ({@link PrivateDirectory}), since an entry decides a verdict. Entries are written to a temporary file and moved into
 * place, so a reader sees a whole entry or none; one that cannot be read is a warning and a rebuild. Beyond
 * {@value #MAX_ENTRIES} entries or {@value #MAX_MEGABYTES} MB the least recently used ones are deleted.
 */
final class CanonicalCache {

    /** Bump when the entry layout or {@link ModelCodec} changes. */
    static final int FORMAT = 1;
    static final int MAX_ENTRIES = 64;
    static final int MAX_MEGABYTES = 256;
    /** Overrides the directory (tests). */
    static final String DIRECTORY_PROPERTY = "schemaguard.canonicalCache";
    private static final int MAGIC = 0x53474343; // "SGCC"
    private static final String SUFFIX = ".canonical";
    private static final Duration STALE_TEMPORARY = Duration.ofHours(1);

    /** The name of an entry and what it was made of, for --verbose. */
    record Key(String hex, String server) {
        String fileName() {
            return hex + SUFFIX;
        }
    }

    private final Path configured;
    private final Consumer<String> warnings;
    private final Consumer<String> notes;
    private Optional<Path> directory;

    CanonicalCache(Path directory, Consumer<String> warnings, Consumer<String> notes) {
        this.configured = directory;
        this.warnings = warnings;
        this.notes = notes;
    }

    /** The cache at its usual place (or where {@value #DIRECTORY_PROPERTY} says). */
    static CanonicalCache atDefaultPlace(Consumer<String> warnings, Consumer<String> notes) {
        String property = System.getProperty(DIRECTORY_PROPERTY);
        Path directory = property != null && !property.isBlank() ? Path.of(property)
                : PrivateDirectory.cacheRoot().resolve("canonical");
        return new CanonicalCache(directory, warnings, notes);
    }

    /**
     * The key of {@code declared}'s canonical form on the server {@code server} describes; empty (and a note) when
     * there is none: the model holds something the codec does not know, or the server cannot say what it is.
     */
    Optional<Key> key(Database declared, Supplier<String> server) {
        String identity;
        try {
            identity = server.get();
        } catch (RuntimeException e) {
            notes.accept("canonical cache not used: " + Main.oneLine(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
        MessageDigest digest = sha256();
        try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
            out.writeInt(FORMAT);
            out.writeUTF(CodeIdentity.VALUE);
            out.writeUTF(identity);
            out.writeUTF(TimeZone.getDefault().getID());
            ModelCodec.encode(declared, new BufferedOutputStream(out, 1 << 16));
        } catch (IOException e) {
            notes.accept("canonical cache not used: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new Key(HexFormat.of().formatHex(digest.digest()), identity));
    }

    /** The canonical form stored under {@code key}, if there is a readable one. */
    Optional<Database> get(Key key) {
        Optional<Path> dir = directory();
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        Path entry = dir.get().resolve(key.fileName());
        if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(entry, LinkOption.NOFOLLOW_LINKS)), 1 << 16)) {
            DataInputStream data = new DataInputStream(in);
            if (data.readInt() != MAGIC || data.readInt() != FORMAT || !data.readUTF().equals(key.hex())) {
                throw new IOException("not an entry of this format for this key");
            }
            Database canonical = ModelCodec.decode(data);
            if (in.read() != -1) { // reading to the end checks the gzip checksum
                throw new IOException("bytes after the model");
            }
            touch(entry);
            return Optional.of(canonical);
        } catch (IOException | RuntimeException e) {
            warnings.accept("canonical cache entry " + entry + " is unreadable (" + Main.oneLine(String.valueOf(e.getMessage()))
                    + "); building the schema again");
            try {
                Files.deleteIfExists(entry);
            } catch (IOException ignored) {
                // the rebuild overwrites it
            }
            return Optional.empty();
        }
    }

    /** Stores {@code canonical} under {@code key}; a failure is a note, the run goes on. */
    void put(Key key, Database canonical) {
        Optional<Path> dir = directory();
        if (dir.isEmpty()) {
            return;
        }
        Path entry = dir.get().resolve(key.fileName());
        Path temporary = dir.get().resolve(key.fileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream file = Files.newOutputStream(temporary);
                 DataOutputStream out = new DataOutputStream(new FastGzip(new BufferedOutputStream(file, 1 << 16)))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(key.hex());
                ModelCodec.encode(canonical, out);
            }
            Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            notes.accept("canonical form stored in the cache as " + entry);
        } catch (IOException | RuntimeException e) {
            notes.accept("could not store the canonical form in the cache (" + Main.oneLine(String.valueOf(e.getMessage())) + ")");
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // swept later as a stale temporary file
            }
        }
        evict(dir.get());
    }

    /** gzip at its fastest level: an entry is written once per schema and server, on the way to a verdict. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    /** The directory, checked once per run; empty (with a warning or a note saying why) when it may not be used. */
    private Optional<Path> directory() {
        if (directory == null) {
            try {
                directory = Optional.of(PrivateDirectory.open(configured));
            } catch (PrivateDirectory.UnsafeDirectoryException e) {
                warnings.accept("canonical cache not used: " + e.getMessage());
                directory = Optional.empty();
            } catch (IOException | RuntimeException e) {
                notes.accept("canonical cache not used: cannot create " + configured + " (" + e + ")");
                directory = Optional.empty();
            }
        }
        return directory;
    }

    /** Keeps the {@value #MAX_ENTRIES} most recently used entries within {@value #MAX_MEGABYTES} MB; sweeps stale temporary files. */
    private void evict(Path dir) {
        record Entry(Path path, FileTime used, long size) {
        }
        List<Entry> entries = new ArrayList<>();
        long staleBefore = System.currentTimeMillis() - STALE_TEMPORARY.toMillis();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX) && attributes.isRegularFile()) {
                    entries.add(new Entry(file, attributes.lastModifiedTime(), attributes.size()));
                } else if (name.contains(SUFFIX + ".tmp-") && attributes.lastModifiedTime().toMillis() < staleBefore) {
                    Files.deleteIfExists(file);
                }
            }
            entries.sort(Comparator.comparing(Entry::used).reversed());
            long total = 0;
            for (int i = 0; i < entries.size(); i++) {
                total += entries.get(i).size();
                if (i >= MAX_ENTRIES || total > MAX_MEGABYTES * 1024L * 1024L) {
                    Files.deleteIfExists(entries.get(i).path());
                }
            }
        } catch (IOException e) {
            notes.accept("could not tidy the canonical cache " + dir + " (" + e + ")");
        }
    }

    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // eviction then takes it for older than it is; nothing else depends on it
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /**
     * The schemaguard code a canonical form comes from (planner, introspector, model): its version and, for each jar
     * or class directory it is loaded from, the path, size and time of the newest change, so that a rebuilt or
     * updated schemaguard never reuses forms an older one made.
     */
    static final class CodeIdentity {
        static final String VALUE = compute();

        private CodeIdentity() {
        }

        private static String compute() {
            StringBuilder identity = new StringBuilder(String.valueOf(Main.class.getPackage().getImplementationVersion()));
            for (Class<?> type : List.of(CanonicalSchema.class, Database.class, CanonicalCache.class,
                    dev.schemaguard.diff.SchemaDiff.class)) {
                identity.append('|').append(location(type));
            }
            return identity.toString();
        }

        private static String location(Class<?> type) {
            try {
                var source = type.getProtectionDomain().getCodeSource();
                if (source == null) {
                    return "unknown";
                }
                Path path = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(path)) {
                    return path + ":" + Files.size(path) + ":" + Files.getLastModifiedTime(path).toMillis();
                }
                try (Stream<Path> files = Files.walk(path)) {
                    long newest = files.filter(Files::isRegularFile).mapToLong(CodeIdentity::modified).max().orElse(0);
                    return path + ":" + newest;
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                return "unknown:" + System.nanoTime(); // no reuse rather than a wrong one
            }
        }

        private static long modified(Path file) {
            try {
                return Files.getLastModifiedTime(file).toMillis();
            } catch (IOException e) {
                return Long.MAX_VALUE;
            }
        }
    }
}
