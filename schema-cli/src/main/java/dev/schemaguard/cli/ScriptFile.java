package dev.schemaguard.cli;

import dev.schemaguard.sql.SqlScript;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@code .sql} file cut into statements as psql cuts it ({@link SqlScript#statements}). Each statement then runs
 * on its own, in autocommit mode, as psql runs a file.
 *
 * @param file       the file, for messages
 * @param text       its whole text
 * @param statements its statements, in order, empty ones left out
 */
record ScriptFile(Path file, String text, List<SqlScript.Statement> statements) {

    static ScriptFile parse(Path file, String text) {
        return new ScriptFile(file, text, SqlScript.statements(text));
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
}
