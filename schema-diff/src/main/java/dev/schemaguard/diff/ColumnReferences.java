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
 * type ({@code ::name}). A renamed type is respelled where it is cast to, and in a routine's arguments and header;
 * a renamed schema where it qualifies a name. Dollar-quoted text (a routine's body) is kept as written, as
 * PostgreSQL keeps it; text with constructs this scanner does not follow (comments, escape strings) is returned
 * unchanged, which leaves the object to be re-created as before.
 */
final class ColumnReferences {

    private ColumnReferences() {
    }

    /** {@code sql} with each reference to column {@code oldName} spelled {@code newName}; null stays null. */
    static String renamed(String sql, String oldName, String newName) {
        return rewritten(sql, oldName, newName, (text, start, end) -> !qualified(text, start) && !called(text, end)
                && !typeName(text, start));
    }

    /**
     * {@code sql} with schema {@code oldName}, where it qualifies a name ({@code old_app.orders}), spelled
     * {@code newName}, as PostgreSQL prints a view or trigger after ALTER SCHEMA ... RENAME; null stays null.
     */
    static String qualifierRenamed(String sql, String oldName, String newName) {
        return rewritten(sql, oldName, newName, (text, start, end) -> !qualified(text, start) && qualifies(text, end));
    }

    /**
     * {@code sql} with type {@code oldName} of {@code schema} spelled {@code newName} where it is cast to
     * ({@code ::mood}, {@code ::app.mood}), as PostgreSQL prints a default, check or view after ALTER TYPE ... RENAME.
     */
    static String castTypeRenamed(String sql, String schema, String oldName, String newName) {
        return rewritten(sql, oldName, newName, (text, start, end) -> !called(text, end) && (typeName(text, start)
                || (schema.equals(qualifierBefore(text, start)) && typeName(text, qualifierStart(text, start)))));
    }

    /**
     * {@code sql} with type {@code oldName} of {@code schema} spelled {@code newName} wherever it names it: qualified
     * ({@code app.mood}), or alone when the schema is {@code public} (which PostgreSQL leaves off); for the
     * arguments and header of a routine, whose body (dollar-quoted) is kept as written, as PostgreSQL keeps it.
     */
    static String typeRenamed(String sql, String schema, String oldName, String newName) {
        return rewritten(sql, oldName, newName, (text, start, end) -> !called(text, end) && !qualifies(text, end)
                && (schema.equals(qualifierBefore(text, start)) || ("public".equals(schema) && !qualified(text, start))));
    }

    /** Whether the name between {@code start} and {@code end} of {@code sql} is one to respell. */
    private interface Reference {
        boolean at(String sql, int start, int end);
    }

    private static String rewritten(String sql, String oldName, String newName, Reference reference) {
        if (sql == null || sql.contains("--") || sql.contains("/*")) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '$') {
                int end = dollarQuoteEnd(sql, i);
                if (end < 0) {
                    return sql;
                }
                out.append(sql, i, end);
                i = end;
            } else if (c == '\'') {
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
                boolean respell = name.equals(oldName) && reference.at(sql, i, end);
                out.append(respell ? Identifiers.quote(newName) : sql.substring(i, end));
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

    /**
     * The end of the dollar-quoted string ({@code $tag$...$tag$}) or parameter ({@code $1}) at {@code start}: copied
     * as it is. -1 for anything else.
     */
    private static int dollarQuoteEnd(String sql, int start) {
        int i = start + 1;
        if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
                i++;
            }
            return i;
        }
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i >= sql.length() || sql.charAt(i) != '$') {
            return -1;
        }
        String tag = sql.substring(start, i + 1);
        int close = sql.indexOf(tag, i + 1);
        return close < 0 ? -1 : close + tag.length();
    }

    /** The plain name qualifying the name at {@code start} ({@code app} of {@code app.mood}), or null. */
    private static String qualifierBefore(String sql, int start) {
        int begin = qualifierStart(sql, start);
        return begin < 0 ? null : sql.substring(begin, previousNonBlank(sql, start)).strip().toLowerCase(Locale.ROOT);
    }

    /** Where the plain name qualifying the name at {@code start} begins, or -1. */
    private static int qualifierStart(String sql, int start) {
        int dot = previousNonBlank(sql, start);
        if (dot < 0 || sql.charAt(dot) != '.') {
            return -1;
        }
        int begin = dot;
        while (begin > 0 && (Character.isLetterOrDigit(sql.charAt(begin - 1)) || sql.charAt(begin - 1) == '_')) {
            begin--;
        }
        return begin == dot ? -1 : begin;
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
