package dev.schemaguard.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serialises the creation of one cache entry across threads (a JVM-wide monitor) and processes (a
 * file lock on {@code <entry>.lock}). Entries are built in a {@code <entry>.tmp-*} staging directory
 * and renamed into place, so an entry that exists is complete; staging directories left behind by
 * a killed process are removed by the next lock holder.
 */
final class CacheLock {

    interface Action<T> {
        T run() throws IOException;
    }

    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private CacheLock() {
    }

    static <T> T holding(Path entry, Action<T> action) throws IOException {
        Path lockFile = entry.resolveSibling(entry.getFileName() + ".lock");
        synchronized (MONITORS.computeIfAbsent(lockFile, key -> new Object())) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                deleteStaleStaging(entry);
                return action.run();
            }
        }
    }

    /** A fresh staging path for {@code entry} (not yet created). */
    static Path stagingPath(Path entry) {
        return entry.resolveSibling(entry.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    }

    private static void deleteStaleStaging(Path entry) throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(entry.getParent(), entry.getFileName() + ".tmp-*")) {
            for (Path path : stale) {
                PostgresBinaries.deleteRecursively(path);
            }
        }
    }
}
