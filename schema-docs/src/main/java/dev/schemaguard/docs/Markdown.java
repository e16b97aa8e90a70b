package dev.schemaguard.docs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub-flavoured Markdown for text that comes from a schema (names, comments, SQL): it is untrusted, so every
 * piece is escaped for the place it goes to and can neither end a table cell, open a link or an HTML tag, nor
 * close a code span or block early.
 */
final class Markdown {

    private static final Pattern BACKTICK_RUN = Pattern.compile("`+");

    private Markdown() {
    }

    /** Plain text for a paragraph, heading or table cell: ASCII punctuation backslash-escaped, line breaks as {@code <br>}. */
    static String text(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                continue;
            }
            if (c == '\n') {
                escaped.append("<br>");
            } else if (c < 128 && isPunctuation(c)) {
                escaped.append('\\').append(c);
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * An inline code span for a table cell: opened and closed by more backticks than the text holds in a row, on
     * one line, with {@code |} escaped (GitHub splits table cells before it reads code spans).
     */
    static String code(String text) {
        String oneLine = text.replace("\r", "").replace('\n', ' ').replace("|", "\\|");
        String fence = "`".repeat(longestBacktickRun(oneLine) + 1);
        boolean pad = oneLine.startsWith("`") || oneLine.endsWith("`") || oneLine.isBlank();
        return fence + (pad ? " " : "") + oneLine + (pad ? " " : "") + fence;
    }

    /** A fenced code block (with a language for highlighting) whose fence no line of {@code text} can close. */
    static String codeBlock(String language, String text) {
        String fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
        String body = text.replace("\r", "").stripTrailing();
        return fence + language + "\n" + body + "\n" + fence + "\n";
    }

    /** A table cell from optional text: the escaped text, or nothing. */
    static String cell(String text) {
        return text == null || text.isEmpty() ? "" : text(text);
    }

    /** A table cell with optional SQL: a code span, or nothing. */
    static String codeCell(String sql) {
        return sql == null || sql.isEmpty() ? "" : code(sql);
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        Matcher run = BACKTICK_RUN.matcher(text);
        while (run.find()) {
            longest = Math.max(longest, run.end() - run.start());
        }
        return longest;
    }

    private static boolean isPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
