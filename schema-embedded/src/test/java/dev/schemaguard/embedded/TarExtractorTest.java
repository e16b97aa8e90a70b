package dev.schemaguard.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Archives are written by the system's GNU tar in each of its formats, then read back by {@link TarExtractor}. */
class TarExtractorTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "ustar", "pax"})
    void extractsFilesDirectoriesLinksAndPermissions(String format) throws IOException {
        Path source = Files.createDirectories(temp.resolve("source"));
        Path bin = Files.createDirectories(source.resolve("bin"));
        Files.writeString(bin.resolve("tool"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(bin.resolve("tool"), PosixFilePermissions.fromString("rwxr-x---"));
        Path deep = Files.createDirectories(source.resolve("share/" + "nested-directory-name/".repeat(5)));
        Files.writeString(deep.resolve("a-file-whose-path-is-longer-than-one-hundred-characters.txt"), "deep");
        Files.writeString(source.resolve("lib.so.1.2"), "library");
        Files.createSymbolicLink(source.resolve("lib.so"), Path.of("lib.so.1.2"));
        Files.createLink(source.resolve("hardlink"), source.resolve("lib.so.1.2"));

        Path archive = temp.resolve("archive.tar");
        Commands.runChecked("tar", List.of("tar", "--format=" + format, "-cf", archive.toString(), "-C",
                source.toString(), "."), Duration.ofSeconds(30));
        Path target = Files.createDirectories(temp.resolve("target"));
        try (InputStream in = Files.newInputStream(archive)) {
            assertTrue(TarExtractor.extract(in, target) >= 8);
        }

        assertEquals("#!/bin/sh\necho hi\n", Files.readString(target.resolve("bin/tool")));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("bin/tool"))));
        Path relative = source.relativize(deep.resolve("a-file-whose-path-is-longer-than-one-hundred-characters.txt"));
        assertTrue(relative.toString().length() > 100);
        assertEquals("deep", Files.readString(target.resolve(relative.toString())));
        assertEquals(Path.of("lib.so.1.2"), Files.readSymbolicLink(target.resolve("lib.so")));
        assertEquals("library", Files.readString(target.resolve("hardlink")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.txt", "/etc/escape.txt"})
    void refusesEntriesOutsideTheTarget(String name) throws IOException {
        byte[] header = new byte[1024];
        byte[] nameBytes = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
        writeOctal(header, 100, 8, 0644);
        writeOctal(header, 124, 12, 0);
        header[156] = '0';
        Path target = Files.createDirectories(temp.resolve("target"));
        IOException e = assertThrows(IOException.class,
                () -> TarExtractor.extract(new ByteArrayInputStream(header), target.resolve("inner")));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertTrue(Files.notExists(temp.resolve("escape.txt")));
    }

    private static void writeOctal(byte[] header, int offset, int length, long value) {
        String text = String.format("%0" + (length - 1) + "o", value);
        System.arraycopy(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, header, offset, length - 1);
    }
}
