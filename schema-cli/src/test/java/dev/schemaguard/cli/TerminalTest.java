package dev.schemaguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A result written as it is made: all of it, or on failure none of it in place of the file it was to replace. */
class TerminalTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Terminal.Style.PLAIN);

    @TempDir
    Path directory;

    @Test
    void aResultGoesToStdoutOrToTheFileInPieces() throws Exception {
        Terminal.Result result = writer -> {
            writer.write("schemas:\n");
            writer.write("  naïve_日本: {}\n");
        };
        terminal.writeResult(result, null);
        assertEquals("schemas:\n  naïve_日本: {}\n", out.toString(StandardCharsets.UTF_8));

        Path file = directory.resolve("nested/snapshot.yaml");
        terminal.writeResult(result, file);
        assertEquals("schemas:\n  naïve_日本: {}\n", Files.readString(file));
        assertEquals("wrote " + file + "\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(file.getFileName()), names(file.getParent()), "no file left beside it");
    }

    @Test
    void aResultThatFailsHalfWayLeavesTheFileAsItWas() throws Exception {
        Path file = directory.resolve("snapshot.yaml");
        Files.writeString(file, "the previous snapshot\n");
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> terminal.writeResult(writer -> {
            writer.write("schemas:\n");
            throw new IllegalArgumentException("the type of column x reads back differently from YAML");
        }, file));
        assertTrue(failure.getMessage().startsWith("the type of column x"));
        assertEquals("the previous snapshot\n", Files.readString(file));
        assertEquals(List.of(file.getFileName()), names(directory), "no partial file left");

        terminal.writeResult("a new snapshot\n", file);
        assertEquals("a new snapshot\n", Files.readString(file));
    }

    @Test
    void aSymbolicLinkKeepsPointingAtTheFileItNames() throws Exception {
        Path target = Files.writeString(directory.resolve("target.yaml"), "old\n");
        Path link = Files.createSymbolicLink(directory.resolve("link.yaml"), target);
        terminal.writeResult("new\n", link);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(target));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws Exception {
        Path file = Files.writeString(directory.resolve("schema.sql"), "old\n");
        java.util.Set<java.nio.file.attribute.PosixFilePermission> ownerOnly =
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
        Files.setPosixFilePermissions(file, ownerOnly);
        terminal.writeResult("new\n", file);
        assertEquals("new\n", Files.readString(file));
        assertEquals(ownerOnly, Files.getPosixFilePermissions(file));
    }

    private static List<Path> names(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.map(Path::getFileName).sorted().toList();
        }
    }
}
