package dev.schemaguard.diff;

import dev.schemaguard.model.Identifiers;

import java.util.Locale;

/**
 * Renames a column where SQL text of its own table names it (and a schema where it qualifies a name): a check, an index expression or predicate, an
 * exclusion constraint, a generated column. PostgreSQL stores those as parse trees that hold the column's number,
 * so after {@code RENAME COLUMN} it prints them with the new name; the actual model's text, read before the rename,
 * is rewritten the same way so that it compares equal to the expected text instead of being dropped and created
 * again. Only text that cannot reach another table's columns: no policies or views (a subquery there may name a
 * column of another table with the same name).
 *
 * <p>A name is a column reference when it is not qualified ({@code x.name}), not called ({@code name(}) and not a
 * type ({@code ::name}); text with constructs this scanner does not follow (comments, dollar quotes, escape
 * strings) is returned unchanged, which leaves the object to be re-created as before.
 */
final class ColumnReferences {

    private ColumnReferences() {
    }

    /** {@code sql} with each reference to column {@code oldName} spelled {@code newName}; null stays null. */
    static String renamed(String sql, String oldName, String newName) {
        return rewritten(sql, oldName, newName, false);
    }

    /**
     * {@code sql} with schema {@code oldName}, where it qualifies a name ({@code old_app.orders}), spelled
     * {@code newName}, as PostgreSQL prints a view or trigger after ALTER SCHEMA ... RENAME; null stays null.
     */
    static String qualifierRenamed(String sql, String oldName, String newName) {
        return rewritten(sql, oldName, newName, true);
    }

    private static String rewritten(String sql, String oldName, String newName, boolean qualifier) {
        if (sql == null || sql.contains("--") || sql.contains("/*") || sql.contains("$")) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                if (i > 0 && Character.isLetter(sql.charAt(i - 1))) {
                    return sql; // E'..', B'..', X'..': escapes this scanner does not follow
                }
                int end = closingQuote(sql, i, '\'');
                if (end < 0) {
                    return sql;
                }
                out.append(sql, i, end + 1);
                i = end + 1;
            } else if (c == '"' || Character.isLetter(c) || c == '_') {
                int end;
                String name;
                if (c == '"') {
                    end = closingQuote(sql, i, '"');
                    if (end < 0) {
                        return sql;
                    }
                    end++;
                    name = sql.substring(i + 1, end - 1).replace("\"\"", "\"");
                } else {
                    end = i;
                    while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                        end++;
                    }
                    name = sql.substring(i, end).toLowerCase(Locale.ROOT);
                }
                boolean reference = name.equals(oldName) && !qualified(sql, i) && (qualifier ? qualifies(sql, end)
                        : !called(sql, end) && !typeName(sql, i));
                out.append(reference ? Identifiers.quote(newName) : sql.substring(i, end));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean qualified(String sql, int start) {
        int before = previousNonBlank(sql, start);
        return before >= 0 && sql.charAt(before) == '.';
    }

    private static boolean typeName(String sql, int start) {
        int before = previousNonBlank(sql, start);
        return before >= 1 && sql.charAt(before) == ':' && sql.charAt(before - 1) == ':';
    }

    private static boolean called(String sql, int end) {
        int after = end;
        while (after < sql.length() && Character.isWhitespace(sql.charAt(after))) {
            after++;
        }
        return after < sql.length() && (sql.charAt(after) == '(' || sql.charAt(after) == '.');
    }

    private static boolean qualifies(String sql, int end) {
        int after = end;
        while (after < sql.length() && Character.isWhitespace(sql.charAt(after))) {
            after++;
        }
        return after < sql.length() && sql.charAt(after) == '.';
    }

    private static int previousNonBlank(String sql, int start) {
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
            before--;
        }
        return before;
    }

    private static int closingQuote(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }
}
