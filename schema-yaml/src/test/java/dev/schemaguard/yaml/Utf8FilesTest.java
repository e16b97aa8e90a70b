package dev.schemaguard.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Utf8FilesTest {

    @TempDir
    Path directory;

    @Test
    void readsEveryByteAroundTheChunkSize() throws IOException {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 65_535, 65_536, 65_537, 3 * 65_536 + 11}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Path file = Files.write(directory.resolve("f" + size), bytes);
            assertArrayEquals(bytes, Utf8Files.readBytes(file), "a file of " + size + " bytes");
        }
    }

    @Test
    void readsTextAcrossChunksWithMultiByteCharacters() throws IOException {
        String text = "tables:\n" + "  café_ø: {}\n".repeat(20_000);
        Path file = Files.writeString(directory.resolve("schema.yaml"), text, StandardCharsets.UTF_8);
        assertEquals(text, Utf8Files.read(file));
    }

    @Test
    void namesWhereAFileStopsBeingUtf8() throws IOException {
        byte[] bytes = "schemas:\n  app:\n    comment: ok\n    x: \u00e9".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xFF;
        Path file = Files.write(directory.resolve("bad.yaml"), bytes);
        Utf8Files.NotUtf8Exception e = assertThrows(Utf8Files.NotUtf8Exception.class, () -> Utf8Files.read(file));
        assertEquals(new Position(file.toString(), 4, 8), e.position()); // the é whose second byte is not UTF-8
        assertTrue(e.getMessage().contains("byte 0xC3"), e.getMessage());
    }
}
