package dev.schemaguard.embedded;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Unpacks a tar stream (POSIX ustar, GNU and pax variants) into a directory: regular files with
 * their permission bits, directories, symbolic links and hard links (extracted as copies). Entries
 * that would land outside the target directory are refused.
 */
final class TarExtractor {

    private static final int BLOCK = 512;

    private final InputStream in;
    private final Path target;
    private final Map<Path, Integer> directoryModes = new LinkedHashMap<>();
    private String longName;
    private String longLinkName;
    private String paxPath;
    private String paxLinkPath;

    private TarExtractor(InputStream in, Path target) {
        this.in = in;
        this.target = target.toAbsolutePath().normalize();
    }

    /** Extracts every entry of {@code tar} below {@code target} (which must exist). Returns the number of entries. */
    static int extract(InputStream tar, Path target) throws IOException {
        return new TarExtractor(tar, target).run();
    }

    private int run() throws IOException {
        int entries = 0;
        byte[] header = new byte[BLOCK];
        while (readBlock(header)) {
            if (isZero(header)) {
                break; // end-of-archive marker
            }
            char type = (char) header[156];
            long size = number(header, 124, 12);
            switch (type) {
                case 'L' -> longName = string(readData(size));
                case 'K' -> longLinkName = string(readData(size));
                case 'x' -> readPaxHeaders(string(readData(size)));
                case 'g' -> readData(size); // global pax header: nothing we use
                default -> {
                    entry(type, header, size);
                    entries++;
                }
            }
        }
        applyDirectoryModes();
        return entries;
    }

    private void entry(char type, byte[] header, long size) throws IOException {
        String name = paxPath != null ? paxPath : longName != null ? longName : name(header);
        String linkName = paxLinkPath != null ? paxLinkPath : longLinkName != null ? longLinkName
                : cString(header, 157, 100);
        longName = longLinkName = paxPath = paxLinkPath = null;
        int mode = (int) number(header, 100, 8) & 07777;
        Path path = inside(name);
        switch (type) {
            case '0', '\0', '7' -> {
                Files.createDirectories(path.getParent());
                try (OutputStream out = Files.newOutputStream(path)) {
                    copy(size, out);
                }
                skipPadding(size);
                setMode(path, mode);
            }
            case '5' -> {
                Files.createDirectories(path);
                directoryModes.put(path, mode);
                skip(size);
            }
            case '2' -> {
                Path linkTarget = Path.of(linkName);
                if (linkTarget.isAbsolute() || !path.getParent().resolve(linkTarget).normalize().startsWith(target)) {
                    throw new IOException("tar entry " + name + " links outside the archive: " + linkName);
                }
                Files.createDirectories(path.getParent());
                Files.deleteIfExists(path);
                Files.createSymbolicLink(path, linkTarget);
                skip(size);
            }
            case '1' -> {
                Files.createDirectories(path.getParent());
                Files.copy(inside(linkName), path, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                skip(size);
            }
            default -> skip(size); // devices, FIFOs: not expected in a PostgreSQL distribution
        }
    }

    private Path inside(String name) throws IOException {
        Path path = target.resolve(name).normalize();
        if (!path.startsWith(target)) {
            throw new IOException("tar entry escapes the target directory: " + name);
        }
        return path;
    }

    private static String name(byte[] header) {
        String name = cString(header, 0, 100);
        boolean posixUstar = "ustar\0".equals(new String(header, 257, 6, StandardCharsets.US_ASCII));
        String prefix = posixUstar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** Pax records look like {@code "<length> <key>=<value>\n"}. */
    private void readPaxHeaders(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            int equals = record.indexOf('=');
            if (space < 0 || equals < space) {
                continue;
            }
            String key = record.substring(space + 1, equals);
            String value = record.substring(equals + 1);
            if (key.equals("path")) {
                paxPath = value;
            } else if (key.equals("linkpath")) {
                paxLinkPath = value;
            }
        }
    }

    private void applyDirectoryModes() throws IOException {
        for (Map.Entry<Path, Integer> directory : directoryModes.entrySet()) {
            setMode(directory.getKey(), directory.getValue() | 0700); // keep it usable by its owner
        }
    }

    private static void setMode(Path path, int mode) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        Files.setPosixFilePermissions(path, permissions);
    }

    private boolean readBlock(byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false; // archive without end marker
        }
        if (read < BLOCK) {
            throw new EOFException("truncated tar archive");
        }
        return true;
    }

    private byte[] readData(long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("tar metadata entry too large: " + size + " bytes");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("truncated tar archive");
        }
        skipPadding(size);
        return data;
    }

    private void copy(long size, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long remaining = size;
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new EOFException("truncated tar archive");
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
    }

    private void skip(long size) throws IOException {
        in.skipNBytes(size);
        skipPadding(size);
    }

    private void skipPadding(long size) throws IOException {
        long padding = (BLOCK - size % BLOCK) % BLOCK;
        in.skipNBytes(padding);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Octal ASCII, or GNU base-256 (high bit of the first byte set) for large values. */
    private static long number(byte[] header, int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            long value = header[offset] & 0x7f;
            for (int i = 1; i < length; i++) {
                value = (value << 8) | (header[offset + i] & 0xff);
            }
            return value;
        }
        String text = cString(header, offset, length).trim();
        return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    }

    private static String cString(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String string(byte[] data) {
        return cString(data, 0, data.length);
    }
}
