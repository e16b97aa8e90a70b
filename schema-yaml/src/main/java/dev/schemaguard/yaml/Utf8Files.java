package dev.schemaguard.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads text files that must be UTF-8. Where {@link Files#readString} says only "Input length = 1", a file that
 * is not UTF-8 gets a {@link NotUtf8Exception} naming the line, column and byte offset of the first bad byte.
 */
public final class Utf8Files {

    /**
     * Files larger than this are refused before they are read: 400 times the YAML of a 10,000-table schema (6.5
     * MB), and small enough to read into memory on a default heap.
     */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private Utf8Files() {
    }

    /** Bytes per read: see {@link #readBytes}. */
    private static final int CHUNK_BYTES = 64 * 1024;

    /** The file's text. */
    public static String read(Path file) throws IOException {
        byte[] bytes = readBytes(file);
        // valid UTF-8 decodes without U+FFFD, which stands in for each bad byte; only text with one is decoded again,
        // strictly, to find where
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw NotUtf8Exception.at(file, bytes, in.position());
        }
        return out.flip().toString();
    }

    /**
     * The bytes of a schema file (YAML or SQL), refused beyond {@link #MAX_BYTES}. Read in chunks: one read of the
     * whole file, as {@link Files#readAllBytes} does, goes through a native buffer of the file's size, which the JDK
     * then keeps for the thread (6.5 MB for the YAML of 10,000 tables, held to the end of the run).
     */
    public static byte[] readBytes(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException(file + ": " + size + " bytes is more than the " + (MAX_BYTES >> 20)
                    + " MiB a schema file may have; is it the right file?");
        }
        byte[] bytes = new byte[(int) size];
        int read = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (read < bytes.length) {
                int n = in.read(bytes, read, Math.min(CHUNK_BYTES, bytes.length - read));
                if (n < 0) {
                    break;
                }
                read += n;
            }
            if (read == bytes.length && in.read() != -1) {
                throw new IOException(file + " grew while it was read; read it again when nothing writes to it");
            }
        }
        return read == bytes.length ? bytes : Arrays.copyOf(bytes, read);
    }

    /** A file that is not valid UTF-8; the message starts with {@code file:line:column}. */
    public static final class NotUtf8Exception extends IOException {
        private final Position position;

        private NotUtf8Exception(Position position, String message) {
            super(message);
            this.position = position;
        }

        static NotUtf8Exception at(Path file, byte[] bytes, int offset) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            // the column counts characters, as an editor does: bytes that start a UTF-8 sequence
            int column = 1;
            for (int i = lineStart; i < offset; i++) {
                if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            Position position = new Position(file.toString(), line, column);
            return new NotUtf8Exception(position, position + ": not UTF-8 text: byte 0x"
                    + String.format("%02X", bytes[offset] & 0xFF) + " at byte offset " + offset
                    + " cannot start or continue a UTF-8 character; save the file as UTF-8");
        }

        public Position position() {
            return position;
        }
    }
}
