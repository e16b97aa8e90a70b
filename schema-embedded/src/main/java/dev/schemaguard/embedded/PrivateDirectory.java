package dev.schemaguard.embedded;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * A directory of schemaguard's cache that only the current user may write: what is read from it is trusted (a
 * cached canonical schema decides a verdict), so it is used only when it is a real directory (no symbolic link),
 * owned by the current user and writable by nobody else. A missing one is created with mode 0700.
 */
public final class PrivateDirectory {

    private PrivateDirectory() {
    }

    /** Why a directory cannot be used; its message names the directory and the reason. */
    public static final class UnsafeDirectoryException extends IOException {
        UnsafeDirectoryException(String message) {
            super(message);
        }
    }

    /**
     * schemaguard's cache root: {@code $XDG_CACHE_HOME/schemaguard}, else {@code ~/.cache/schemaguard} (where the
     * embedded server's binaries are kept too).
     */
    public static Path cacheRoot() {
        return EmbeddedPostgres.defaultCacheDirectory();
    }

    /**
     * {@code directory}, created (mode 0700, parents as the umask says) when missing, after checking that only the
     * current user can write it.
     *
     * @throws UnsafeDirectoryException when it exists but belongs to someone else, is a link, or others may write it
     * @throws IOException              when it cannot be created or inspected (also where POSIX permissions are unknown)
     */
    public static Path open(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(absolute.getParent());
            try {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rwx------")); // whatever the umask
            } catch (FileAlreadyExistsException e) {
                // created concurrently: checked below like any existing one
            } catch (UnsupportedOperationException e) {
                throw new IOException("no POSIX file permissions on this file system", e);
            }
        }
        requirePrivate(absolute);
        return absolute;
    }

    private static void requirePrivate(Path directory) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new IOException("no POSIX file permissions on this file system");
        }
        PosixFileAttributes attributes = view.readAttributes();
        if (!attributes.isDirectory()) {
            throw new UnsafeDirectoryException(directory + " is not a directory" + (attributes.isSymbolicLink() ? " (a symbolic link)" : ""));
        }
        UserPrincipal me = currentUser();
        if (!attributes.owner().equals(me)) {
            throw new UnsafeDirectoryException(directory + " belongs to " + attributes.owner().getName() + ", not to "
                    + me.getName());
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new UnsafeDirectoryException(directory + " is writable by others (mode "
                    + PosixFilePermissions.toString(permissions) + "; chmod 700 it)");
        }
    }

    /**
     * The user this process runs as: the owner of {@code /proc/self} where there is one (the effective user, whatever
     * {@code user.name} says), else the account {@code user.name} names.
     */
    static UserPrincipal currentUser() throws IOException {
        Path self = Path.of("/proc/self");
        if (Files.exists(self)) {
            return Files.getOwner(self);
        }
        return Path.of("/").getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }
}
