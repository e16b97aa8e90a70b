package dev.schemaguard.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .sql} file cut into statements as psql cuts it: at every {@code ;} outside strings, quoted names,
 * dollar-quoted bodies and comments, and outside the {@code BEGIN ATOMIC ... END} body of a SQL-standard function.
 * Each statement then runs on its own, in autocommit mode, as psql runs a file.
 *
 * @param file       the file, for messages
 * @param text       its whole text
 * @param statements its statements, in order, empty ones left out
 */
record ScriptFile(Path file, String text, List<Statement> statements) {

    /**
     * One statement.
     *
     * @param sql    its text, from its first token to its {@code ;} (exclusive)
     * @param offset where it starts in the file
     * @param tokens its tokens (offsets into the file)
     */
    record Statement(String sql, int offset, List<SqlTokens.Token> tokens) {

        /** The n-th token, or null past the end. */
        SqlTokens.Token token(int index) {
            return index < tokens.size() ? tokens.get(index) : null;
        }

        /** Whether the statement starts with these words (ignoring case). */
        boolean startsWith(String... words) {
            for (int i = 0; i < words.length; i++) {
                SqlTokens.Token token = token(i);
                if (token == null || !token.is(words[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    static ScriptFile parse(Path file, String text) {
        List<SqlTokens.Token> tokens = SqlTokens.of(text);
        List<Statement> statements = new ArrayList<>();
        List<SqlTokens.Token> current = new ArrayList<>();
        int atomicDepth = 0;
        for (SqlTokens.Token token : tokens) {
            if (token.kind() == SqlTokens.Kind.SEMICOLON && atomicDepth == 0) {
                add(statements, text, current);
                current = new ArrayList<>();
                continue;
            }
            current.add(token);
            if (isRoutineDefinition(current)) {
                if (token.is("begin") || token.is("case")) {
                    atomicDepth++;
                } else if (token.is("end") && atomicDepth > 0) {
                    atomicDepth--;
                }
            }
        }
        add(statements, text, current);
        return new ScriptFile(file, text, List.copyOf(statements));
    }

    /** {@code file:line:column} of an offset into the text. */
    String position(int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return file + ":" + line + ":" + column;
    }

    private static void add(List<Statement> statements, String text, List<SqlTokens.Token> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        int start = tokens.get(0).offset();
        int end = tokens.get(tokens.size() - 1).end();
        statements.add(new Statement(text.substring(start, end), start, List.copyOf(tokens)));
    }

    /** CREATE [OR REPLACE] FUNCTION|PROCEDURE: the statements whose body may be BEGIN ATOMIC ... END. */
    private static boolean isRoutineDefinition(List<SqlTokens.Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).is("create")) {
            return false;
        }
        int i = 1;
        if (tokens.size() > 2 && tokens.get(1).is("or") && tokens.get(2).is("replace")) {
            i = 3;
        }
        return tokens.size() > i && (tokens.get(i).is("function") || tokens.get(i).is("procedure"));
    }
}
