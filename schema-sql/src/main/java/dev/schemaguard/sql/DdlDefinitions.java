package dev.schemaguard.sql;

import dev.schemaguard.diff.Expressions;

import java.util.Locale;

/**
 * Reads just enough of a view query or a routine definition to choose between replacing an object in place and
 * dropping and creating it: PostgreSQL replaces a view only when the old columns stay first, and a routine only
 * when its arguments and result type stay the same.
 */
final class DdlDefinitions {

    private DdlDefinitions() {
    }

    /**
     * True when {@code newer} selects the columns of {@code older}, in the same order and spelling, then more,
     * from the same FROM clause on — the one change CREATE OR REPLACE VIEW accepts for sure.
     */
    static boolean onlyAppendsColumns(String older, String newer) {
        String[] a = split(Expressions.normalize(stripSemicolon(older)));
        String[] b = split(Expressions.normalize(stripSemicolon(newer)));
        if (a == null || b == null || !a[1].equals(b[1]) || a[0].equals(b[0])) {
            return false;
        }
        return b[0].startsWith(a[0] + ",");
    }

    /** {@code [select list, rest from FROM on]} of a top-level SELECT, or null when the query is not one. */
    private static String[] split(String query) {
        if (!query.regionMatches(true, 0, "SELECT ", 0, 7)) {
            return null;
        }
        int depth = 0;
        boolean quoted = false;
        String upper = query.toUpperCase(Locale.ROOT);
        for (int i = 7; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && upper.startsWith(" FROM ", i)) {
                return new String[] {query.substring(7, i).strip(), query.substring(i).strip()};
            }
        }
        return new String[] {query.substring(7).strip(), ""};
    }

    private static String stripSemicolon(String text) {
        String stripped = text.strip();
        return stripped.endsWith(";") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /**
     * The part of a {@code CREATE [OR REPLACE] FUNCTION} statement up to and including its RETURNS clause
     * (argument names, defaults, result type), whitespace folded; everything after it can change in place.
     */
    static String routineHeader(String definition) {
        String text = Expressions.normalize(definition);
        String upper = text.toUpperCase(Locale.ROOT);
        int body = firstOf(upper, " LANGUAGE ", " AS ", " BEGIN ATOMIC", " IMMUTABLE", " STABLE", " VOLATILE",
                " SECURITY ", " STRICT", " CALLED ON", " RETURNS NULL ON", " PARALLEL ", " COST ", " ROWS ", " SET ",
                " WINDOW", " LEAKPROOF", " NOT LEAKPROOF", " SUPPORT ", " TRANSFORM ");
        String header = body < 0 ? text : text.substring(0, body);
        return header.replaceFirst("(?i)^CREATE\\s+(OR\\s+REPLACE\\s+)?", "");
    }

    private static int firstOf(String text, String... markers) {
        int first = -1;
        for (String marker : markers) {
            int at = text.indexOf(marker);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
