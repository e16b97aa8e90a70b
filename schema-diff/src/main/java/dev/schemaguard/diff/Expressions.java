package dev.schemaguard.diff;

/**
 * Text-level equivalence of SQL expressions (defaults, checks, predicates): white space outside quotes is
 * folded and redundant outer parentheses are removed, so {@code (price > 0)} equals {@code price > 0}.
 * Spellings that differ beyond that are compared after canonicalization by a database, not here.
 */
public final class Expressions {

    private Expressions() {
    }

    public static boolean equivalent(String expected, String actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        return normalize(expected).equals(normalize(actual));
    }

    public static String normalize(String expression) {
        String text = foldWhitespace(expression.strip());
        while (isWrappedInParentheses(text)) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    private static String foldWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                char previous = out.length() == 0 ? '(' : out.charAt(out.length() - 1);
                if (previous != '(' && c != ')' && previous != '[' && c != ']' && c != ',') {
                    out.append(' ');
                }
                pendingSpace = false;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** True when the first character is a '(' whose matching ')' is the last character. */
    private static boolean isWrappedInParentheses(String text) {
        if (text.length() < 2 || text.charAt(0) != '(' || text.charAt(text.length() - 1) != ')') {
            return false;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < text.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
