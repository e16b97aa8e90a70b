package dev.schemaguard.cli;

import dev.schemaguard.model.Database;
import dev.schemaguard.testkit.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The canonical cache on disk, without a server: keys, entries, damaged entries, unsafe directories, eviction. */
class CanonicalCacheTest {

    private static final String SERVER = "embedded PostgreSQL 15.15.0 on Linux/amd64";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private CanonicalCache cache(Path directory) {
        return new CanonicalCache(directory, warnings::add, notes::add);
    }

    private static List<Database> models(int count) {
        return Databases.arbitrary().sampleStream().filter(d -> !d.schemas().isEmpty()).distinct().limit(count).toList();
    }

    @Test
    void theKeyCoversTheModelAndTheServer() {
        List<Database> models = models(2);
        CanonicalCache cache = cache(dir.resolve("canonical"));
        CanonicalCache.Key key = cache.key(models.get(0), () -> SERVER).orElseThrow();
        assertEquals(key, cache.key(models.get(0), () -> SERVER).orElseThrow());
        assertNotEquals(key.hex(), cache.key(models.get(1), () -> SERVER).orElseThrow().hex());
        assertNotEquals(key.hex(), cache.key(models.get(0), () -> "embedded PostgreSQL 16.15.0 on Linux/amd64").orElseThrow().hex());
        assertTrue(cache.key(models.get(0), () -> {
            throw new IllegalStateException("server unreachable");
        }).isEmpty(), "no key, no cache");
        assertTrue(notes.stream().anyMatch(n -> n.contains("server unreachable")), notes::toString);
    }

    @Test
    void anEntryComesBackEqualFromAPrivateDirectory() throws IOException {
        Path directory = dir.resolve("cache").resolve("canonical");
        CanonicalCache cache = cache(directory);
        Database declared = models(1).get(0);
        CanonicalCache.Key key = cache.key(declared, () -> SERVER).orElseThrow();
        assertTrue(cache.get(key).isEmpty());
        cache.put(key, declared);
        assertEquals(Optional.of(declared), cache(directory).get(key));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(key.fileName()))));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aDamagedEntryIsAWarningAndAMiss() throws IOException {
        Path directory = dir.resolve("canonical");
        Database declared = models(1).get(0);
        CanonicalCache cache = cache(directory);
        CanonicalCache.Key key = cache.key(declared, () -> SERVER).orElseThrow();
        cache.put(key, declared);
        Path entry = directory.resolve(key.fileName());
        byte[] bytes = Files.readAllBytes(entry);

        for (byte[] damaged : List.of(java.util.Arrays.copyOf(bytes, bytes.length / 2), flipped(bytes, bytes.length / 2),
                flipped(bytes, bytes.length - 5), "not gzip".getBytes(), new byte[0])) {
            Files.write(entry, damaged);
            warnings.clear();
            assertTrue(cache(directory).get(key).isEmpty());
            assertEquals(1, warnings.size(), warnings::toString);
            assertTrue(warnings.get(0).startsWith("canonical cache entry " + entry + " is unreadable"), warnings::toString);
        }
        // an entry stored under another key's name (a file copied around) is not taken for that key either
        CanonicalCache.Key other = cache.key(declared, () -> "another server").orElseThrow();
        Files.write(entry, bytes);
        Files.copy(entry, directory.resolve(other.fileName()));
        warnings.clear();
        assertTrue(cache(directory).get(other).isEmpty());
        assertEquals(1, warnings.size(), warnings::toString);
    }

    @Test
    void aDirectoryOthersMayWriteIsNotUsed() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("canonical"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        Database declared = models(1).get(0);
        CanonicalCache cache = cache(directory);
        CanonicalCache.Key key = cache.key(declared, () -> SERVER).orElseThrow();
        cache.put(key, declared);
        assertTrue(cache.get(key).isEmpty());
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(0, files.count(), "nothing written there");
        }
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("writable by others"), warnings::toString);
    }

    @Test
    void aDirectoryOfAnotherUserIsNotUsed() throws IOException {
        assumeTrue(System.getProperty("user.name").equals("root"), "only root can give a directory away");
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Path directory = Files.createDirectory(dir.resolve("canonical"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        Files.setOwner(directory, nobody);
        Database declared = models(1).get(0);
        CanonicalCache cache = cache(directory);
        CanonicalCache.Key key = cache.key(declared, () -> SERVER).orElseThrow();
        cache.put(key, declared);
        assertTrue(cache.get(key).isEmpty());
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("belongs to nobody"), warnings::toString);
    }

    @Test
    void aSymbolicLinkIsNotUsed() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"));
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwx------"));
        Path link = Files.createSymbolicLink(dir.resolve("canonical"), real);
        Database declared = models(1).get(0);
        CanonicalCache cache = cache(link);
        CanonicalCache.Key key = cache.key(declared, () -> SERVER).orElseThrow();
        cache.put(key, declared);
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("symbolic link"), warnings::toString);
    }

    @Test
    void theLeastRecentlyUsedEntriesGoBeyondTheLimit() throws IOException {
        Path directory = dir.resolve("canonical");
        CanonicalCache cache = cache(directory);
        Database declared = models(1).get(0);
        List<CanonicalCache.Key> keys = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < CanonicalCache.MAX_ENTRIES; i++) {
            CanonicalCache.Key key = cache.key(declared, () -> SERVER + " #" + keys.size()).orElseThrow();
            cache.put(key, declared);
            Files.setLastModifiedTime(directory.resolve(key.fileName()), FileTime.fromMillis(now - 1_000_000 + i * 1000L));
            keys.add(key);
        }
        assertTrue(cache.get(keys.get(0)).isPresent(), "a hit makes an entry the most recently used");
        Path staleTemporary = Files.createFile(directory.resolve(keys.get(0).fileName() + ".tmp-1-1"));
        Files.setLastModifiedTime(staleTemporary, FileTime.fromMillis(now - 2 * 3_600_000));
        for (int i = 0; i < 3; i++) {
            String server = SERVER + " later #" + i;
            cache.put(cache.key(declared, () -> server).orElseThrow(), declared);
        }

        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(CanonicalCache.MAX_ENTRIES, files.count(), "the stale temporary file is gone too");
        }
        for (int i : new int[] {1, 2, 3}) {
            assertTrue(Files.notExists(directory.resolve(keys.get(i).fileName())), "entry " + i + " evicted");
        }
        assertTrue(Files.exists(directory.resolve(keys.get(0).fileName())));
        assertTrue(Files.exists(directory.resolve(keys.get(4).fileName())));
    }

    private static byte[] flipped(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x5a;
        return copy;
    }
}
