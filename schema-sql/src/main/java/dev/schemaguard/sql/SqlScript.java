package dev.schemaguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script cut into its statements the way psql cuts it: at each semicolon outside parentheses and outside
 * the tokens of {@link SqlLexer} (string literals, quoted identifiers, dollar-quoted bodies, comments). Each statement keeps its
 * offset in the script, so that an error the server reports in it can be located in the file. Running the
 * statements one at a time, each in its own transaction, is what lets a script use {@code CREATE INDEX
 * CONCURRENTLY} or a new enum value right after {@code ALTER TYPE ... ADD VALUE}, as it does under psql.
 */
public final class SqlScript {

    /**
     * One statement: its text (without the semicolon), where it starts in the script, and its tokens (their offsets
     * are offsets into the script).
     */
    public record Statement(String sql, int offset, List<SqlLexer.Token> tokens) {

        public Statement {
            tokens = List.copyOf(tokens);
        }

        /** The n-th token, or null past the end. */
        public SqlLexer.Token token(int index) {
            return index < tokens.size() ? tokens.get(index) : null;
        }

        /** Whether the statement starts with these unquoted words (ignoring case). */
        public boolean startsWith(String... words) {
            for (int i = 0; i < words.length; i++) {
                SqlLexer.Token token = token(i);
                if (token == null || !token.isWord(words[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final java.util.regex.Pattern CLIENT_ENCODING = java.util.regex.Pattern.compile(
            "(?is)set\\s+(?:session\\s+|local\\s+)?(?:client_encoding\\s*(?:=|to)|names)\\s*'?([A-Za-z0-9_-]+)'?");
    /** PostgreSQL's client encodings that scripts set, as Java charsets. */
    private static final java.util.Map<String, java.nio.charset.Charset> ENCODINGS = java.util.Map.of(
            "utf8", java.nio.charset.StandardCharsets.UTF_8, "unicode", java.nio.charset.StandardCharsets.UTF_8,
            "latin1", java.nio.charset.StandardCharsets.ISO_8859_1, "iso88591", java.nio.charset.StandardCharsets.ISO_8859_1,
            "sqlascii", java.nio.charset.StandardCharsets.ISO_8859_1, "default", java.nio.charset.StandardCharsets.UTF_8,
            "latin9", java.nio.charset.Charset.forName("ISO-8859-15"), "iso885915", java.nio.charset.Charset.forName("ISO-8859-15"),
            "win1252", java.nio.charset.Charset.forName("windows-1252"),
            "windows1252", java.nio.charset.Charset.forName("windows-1252"));

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

    /**
     * The statements of {@code script} in order; empty ones (only white space and comments) are left out. As psql
     * does, a semicolon inside parentheses, or inside the {@code BEGIN ATOMIC ... END} body of a SQL-standard
     * {@code CREATE FUNCTION|PROCEDURE}, ends nothing. Text the lexer cannot end (an unterminated string or
     * comment) is one last statement, for the server to refuse.
     */
    public static List<Statement> statements(String script) {
        List<SqlLexer.Token> tokens;
        int lexed = script.length();
        try {
            tokens = SqlLexer.tokens(script);
        } catch (SqlTextException e) {
            lexed = e.offset();
            tokens = SqlLexer.tokens(script.substring(0, lexed));
        }
        List<Statement> statements = new ArrayList<>();
        List<SqlLexer.Token> current = new ArrayList<>();
        int parentheses = 0;
        int atomicBody = 0;
        for (SqlLexer.Token token : tokens) {
            if (token.kind() == SqlLexer.Kind.SEMICOLON && parentheses == 0 && atomicBody == 0) {
                add(statements, script, current, token.start());
                current = new ArrayList<>();
                continue;
            }
            current.add(token);
            if (token.kind() == SqlLexer.Kind.OPEN_PAREN) {
                parentheses++;
            } else if (token.kind() == SqlLexer.Kind.CLOSE_PAREN && parentheses > 0) {
                parentheses--;
            } else if (isRoutineDefinition(current)) {
                if (token.isWord("begin") || token.isWord("case")) {
                    atomicBody++;
                } else if (token.isWord("end") && atomicBody > 0) {
                    atomicBody--;
                }
            }
        }
        if (lexed < script.length()) {
            int first = current.isEmpty() ? lexed : current.get(0).start();
            statements.add(new Statement(script.substring(first).stripTrailing(), first, current));
        } else {
            add(statements, script, current, script.length());
        }
        return statements;
    }

    private static void add(List<Statement> statements, String script, List<SqlLexer.Token> tokens, int end) {
        if (!tokens.isEmpty()) {
            int first = tokens.get(0).start();
            statements.add(new Statement(script.substring(first, end).stripTrailing(), first, tokens));
        }
    }

    /** CREATE [OR REPLACE] FUNCTION|PROCEDURE: the statements whose body may be BEGIN ATOMIC ... END. */
    private static boolean isRoutineDefinition(List<SqlLexer.Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("create")) {
            return false;
        }
        int i = tokens.size() > 2 && tokens.get(1).isWord("or") && tokens.get(2).isWord("replace") ? 3 : 1;
        return tokens.size() > i && (tokens.get(i).isWord("function") || tokens.get(i).isWord("procedure"));
    }
}
