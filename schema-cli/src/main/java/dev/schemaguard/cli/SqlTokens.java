package dev.schemaguard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into tokens the way PostgreSQL's lexer does as far as statement boundaries and names are
 * concerned: comments ({@code --}, nested block comments) are dropped; string constants ({@code '...'},
 * {@code E'...'} with backslash escapes), quoted identifiers and dollar-quoted strings are single tokens, so that a
 * {@code ;} inside them ends nothing.
 */
final class SqlTokens {

    enum Kind { WORD, QUOTED_IDENTIFIER, STRING, DOLLAR_STRING, SEMICOLON, OTHER }

    /**
     * One token.
     *
     * @param kind   what it is
     * @param text   the token as written (for a dollar-quoted string: its body, without the quotes)
     * @param offset where it starts in the text
     * @param end    where it ends (exclusive)
     */
    record Token(Kind kind, String text, int offset, int end) {

        /** An unquoted word equal to {@code keyword}, ignoring case. */
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        /** A role or object name: an unquoted word folded to lower case, or a quoted identifier as written. */
        String name() {
            return switch (kind) {
                case WORD -> text.toLowerCase(Locale.ROOT);
                case QUOTED_IDENTIFIER -> text.substring(1, text.length() - 1).replace("\"\"", "\"");
                default -> null;
            };
        }
    }

    private SqlTokens() {
    }

    static List<Token> of(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? n : newline + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = blockCommentEnd(sql, i);
            } else if (c == '\'') {
                boolean escapes = !tokens.isEmpty() && tokens.get(tokens.size() - 1).end() == i
                        && tokens.get(tokens.size() - 1).is("e");
                int end = stringEnd(sql, i, escapes);
                tokens.add(new Token(Kind.STRING, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '"') {
                int end = quotedEnd(sql, i, '"');
                tokens.add(new Token(Kind.QUOTED_IDENTIFIER, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int bodyStart = i + tag.length();
                int close = sql.indexOf(tag, bodyStart);
                int end = close < 0 ? n : close + tag.length();
                tokens.add(new Token(Kind.DOLLAR_STRING, sql.substring(bodyStart, close < 0 ? n : close), i, end));
                i = end;
            } else if (isWordStart(c)) {
                int end = i + 1;
                while (end < n && isWordPart(sql.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end), i, end));
                i = end;
            } else {
                tokens.add(new Token(c == ';' ? Kind.SEMICOLON : Kind.OTHER, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int stringEnd(String sql, int start, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int quotedEnd(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code $tag$} starting at {@code start}, or null ({@code $1} is a parameter, not a quote). */
    private static String dollarTag(String sql, int start) {
        int i = start + 1;
        if (i < sql.length() && sql.charAt(i) == '$') {
            return "$$";
        }
        if (i >= sql.length() || !isWordStart(sql.charAt(i))) {
            return null;
        }
        while (i < sql.length() && (isWordStart(sql.charAt(i)) || Character.isDigit(sql.charAt(i)))) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? sql.substring(start, i + 1) : null;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || Character.isDigit(c) || c == '$';
    }
}
