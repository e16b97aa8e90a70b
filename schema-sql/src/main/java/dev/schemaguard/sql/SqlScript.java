package dev.schemaguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script cut into its statements the way psql cuts it: at each semicolon outside string literals
 * ({@code '...'}, {@code E'...'} with backslash escapes), quoted identifiers, dollar-quoted bodies
 * ({@code $fn$ ... $fn$}), and comments ({@code --} and nested {@code /* ... *}{@code /}). Each statement keeps its
 * offset in the script, so that an error the server reports in it can be located in the file. Running the
 * statements one at a time, each in its own transaction, is what lets a script use {@code CREATE INDEX
 * CONCURRENTLY} or a new enum value right after {@code ALTER TYPE ... ADD VALUE}, as it does under psql.
 */
public final class SqlScript {

    /** One statement: its text (without the semicolon) and where it starts in the script. */
    public record Statement(String sql, int offset) {
    }

    private static final java.util.regex.Pattern CLIENT_ENCODING = java.util.regex.Pattern.compile(
            "(?is)set\\s+(?:session\\s+)?client_encoding\\s*(?:=|to)\\s*'?([A-Za-z0-9_-]+)'?");
    /** PostgreSQL's client encodings that scripts set, as Java charsets. */
    private static final java.util.Map<String, java.nio.charset.Charset> ENCODINGS = java.util.Map.of(
            "utf8", java.nio.charset.StandardCharsets.UTF_8, "unicode", java.nio.charset.StandardCharsets.UTF_8,
            "latin1", java.nio.charset.StandardCharsets.ISO_8859_1, "iso88591", java.nio.charset.StandardCharsets.ISO_8859_1,
            "sqlascii", java.nio.charset.StandardCharsets.ISO_8859_1,
            "latin9", java.nio.charset.Charset.forName("ISO-8859-15"), "win1252", java.nio.charset.Charset.forName("windows-1252"));

    /** A script that cannot be read: bytes that are not text in its client encoding, or an encoding unknown here. */
    public static final class UnreadableScriptException extends Exception {
        private final int offset;

        UnreadableScriptException(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        /** Where in the file (a byte offset) the problem is. */
        public int offset() {
            return offset;
        }
    }

    private SqlScript() {
    }

    /**
     * The statements of a script file as psql runs it: UTF-8 unless the script sets {@code client_encoding}, from
     * which statement on its bytes are read in that encoding (the {@code SET} itself is not returned: the connection
     * that runs the statements stays UTF-8). Offsets are byte offsets into the file.
     */
    public static List<Statement> statements(byte[] file) throws UnreadableScriptException {
        // ISO-8859-1 maps each byte to one char: the lexer sees the bytes, whatever the encoding
        String bytes = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.nio.charset.Charset encoding = java.nio.charset.StandardCharsets.UTF_8;
        List<Statement> result = new ArrayList<>();
        for (Statement raw : statements(bytes)) {
            java.util.regex.Matcher setEncoding = CLIENT_ENCODING.matcher(raw.sql());
            if (setEncoding.matches()) {
                encoding = encoding(setEncoding.group(1), raw.offset());
                continue;
            }
            try {
                String text = encoding.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(raw.sql().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                        .toString();
                result.add(new Statement(text, raw.offset()));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new UnreadableScriptException("this statement is not valid " + encoding.name()
                        + " text (a binary file, or another encoding: save the file as UTF-8, or start it with"
                        + " SET client_encoding = 'LATIN1' as psql understands it)", raw.offset());
            }
        }
        return result;
    }

    /**
     * A script file as text, read as psql reads it: UTF-8 until a {@code SET client_encoding} statement, in that
     * encoding after it. The {@code SET} statements themselves are blanked out (the connection that runs the script
     * stays UTF-8); line breaks are kept, so lines of the text are lines of the file.
     */
    public static String text(byte[] file) throws UnreadableScriptException {
        String bytes = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        StringBuilder text = new StringBuilder(file.length);
        int done = 0;
        java.nio.charset.Charset encoding = java.nio.charset.StandardCharsets.UTF_8;
        for (Statement raw : statements(bytes)) {
            java.util.regex.Matcher setEncoding = CLIENT_ENCODING.matcher(raw.sql());
            if (!setEncoding.matches()) {
                continue;
            }
            text.append(decode(file, done, raw.offset(), encoding));
            text.append(raw.sql().replaceAll("[^\\n]", " "));
            done = raw.offset() + raw.sql().length();
            encoding = encoding(setEncoding.group(1), raw.offset());
        }
        return text.append(decode(file, done, file.length, encoding)).toString();
    }

    private static java.nio.charset.Charset encoding(String name, int offset) throws UnreadableScriptException {
        java.nio.charset.Charset encoding = ENCODINGS.get(name.toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("-", ""));
        if (encoding == null) {
            throw new UnreadableScriptException("client_encoding " + name
                    + " is not one schemaguard reads (UTF8, LATIN1, LATIN9, WIN1252); save the file as UTF-8", offset);
        }
        return encoding;
    }

    private static String decode(byte[] file, int from, int to, java.nio.charset.Charset encoding)
            throws UnreadableScriptException {
        try {
            return encoding.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(file, from, to - from)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            int at = from;
            while (at < to && (file[at] & 0x80) == 0) {
                at++;
            }
            throw new UnreadableScriptException("this is not valid " + encoding.name() + " text (a binary file, or"
                    + " another encoding: save the file as UTF-8, or start it with SET client_encoding = 'LATIN1' as"
                    + " psql understands it)", at);
        }
    }

    /** {@code line:column} (1-based) of a byte offset in a script file, counting bytes as columns. */
    public static String position(byte[] file, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < file.length; i++) {
            if (file[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return line + ":" + column;
    }

    /** The statements of {@code script} in order; empty ones (only white space and comments) are left out. */
    public static List<Statement> statements(String script) {
        List<Statement> statements = new ArrayList<>();
        int start = 0;
        boolean hasContent = false;
        int i = 0;
        int parenthesisDepth = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end = skipToken(script, i);
            if (end > i + 1 || !Character.isWhitespace(c)) {
                boolean comment = isCommentStart(script, i);
                if (c == ';' && parenthesisDepth == 0) {
                    if (hasContent) {
                        statements.add(statement(script, start, i));
                    }
                    start = i + 1;
                    hasContent = false;
                    i++;
                    continue;
                }
                if (!comment) {
                    hasContent = true;
                }
                if (c == '(') {
                    parenthesisDepth++;
                } else if (c == ')' && parenthesisDepth > 0) {
                    parenthesisDepth--;
                }
            }
            i = end;
        }
        if (hasContent) {
            statements.add(statement(script, start, script.length()));
        }
        return statements;
    }

    /** The statement from its first token on: white space and comments before it are left out. */
    private static Statement statement(String script, int from, int to) {
        int begin = from;
        while (begin < to && (Character.isWhitespace(script.charAt(begin)) || isCommentStart(script, begin))) {
            begin = Character.isWhitespace(script.charAt(begin)) ? begin + 1 : Math.min(to, skipToken(script, begin));
        }
        return new Statement(script.substring(begin, to).stripTrailing(), begin);
    }

    private static boolean isCommentStart(String script, int i) {
        return script.startsWith("--", i) || script.startsWith("/*", i);
    }

    /** The index just past the token (string, identifier, comment, dollar quote or single character) at {@code i}. */
    private static int skipToken(String script, int i) {
        char c = script.charAt(i);
        if (script.startsWith("--", i)) {
            int newline = script.indexOf('\n', i);
            return newline < 0 ? script.length() : newline + 1;
        }
        if (script.startsWith("/*", i)) {
            int depth = 0;
            int j = i;
            while (j < script.length()) {
                if (script.startsWith("/*", j)) {
                    depth++;
                    j += 2;
                } else if (script.startsWith("*/", j)) {
                    depth--;
                    j += 2;
                    if (depth == 0) {
                        return j;
                    }
                } else {
                    j++;
                }
            }
            return script.length();
        }
        if (c == '\'') {
            boolean escapes = i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
                    && (i < 2 || !Character.isLetterOrDigit(script.charAt(i - 2)) && script.charAt(i - 2) != '_');
            return skipQuoted(script, i, '\'', escapes);
        }
        if (c == '"') {
            return skipQuoted(script, i, '"', false);
        }
        if (c == '$') {
            String tag = dollarTag(script, i);
            if (tag != null) {
                int close = script.indexOf(tag, i + tag.length());
                return close < 0 ? script.length() : close + tag.length();
            }
        }
        if (Character.isLetterOrDigit(c) || c == '_') {
            int j = i;
            while (j < script.length() && (Character.isLetterOrDigit(script.charAt(j)) || script.charAt(j) == '_'
                    || script.charAt(j) == '$')) {
                j++;
            }
            return j;
        }
        return i + 1;
    }

    private static int skipQuoted(String script, int i, char quote, boolean backslashEscapes) {
        int j = i + 1;
        while (j < script.length()) {
            char c = script.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < script.length() && script.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return script.length();
    }

    /** {@code $tag$} or {@code $$} starting at {@code i}, or null when the dollar sign starts no quote ({@code $1}). */
    private static String dollarTag(String script, int i) {
        int j = i + 1;
        while (j < script.length() && (Character.isLetterOrDigit(script.charAt(j)) || script.charAt(j) == '_')) {
            if (j == i + 1 && Character.isDigit(script.charAt(j))) {
                return null;
            }
            j++;
        }
        return j < script.length() && script.charAt(j) == '$' ? script.substring(i, j + 1) : null;
    }
}
