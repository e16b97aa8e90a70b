package dev.schemaguard.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that hides passwords in text bound for stdout, stderr or a log: every message path of the
 * command line runs its text through {@link #mask}. It knows two spellings, in any URL scheme:
 * <ul>
 *   <li>user information, {@code scheme://user:PASSWORD@host}: the password runs from the first colon after the
 *       user name to the <em>last</em> {@code @} on the line, so that {@code @}, {@code :}, spaces and
 *       {@code %}-escapes in it stay hidden (text between the password and that {@code @} may be hidden too;
 *       better too much than too little);</li>
 *   <li>a parameter, {@code password=PASSWORD} (any case, after {@code ?}, {@code &}, {@code ;}, a space or at
 *       the start): the value runs to the next {@code &} or the end of the line, spaces included;</li>
 *   <li>SQL, {@code PASSWORD 'literal'} as in {@code CREATE ROLE ... PASSWORD '...'} (a failing statement of a
 *       {@code .sql} source is shown in its message).</li>
 * </ul>
 * Parameters go first: a {@code password=} value may hold an {@code @} the user-information rule would take for
 * the end of a password. A password already masked ({@code ***}) is left as it is, so masking twice changes
 * nothing.
 */
final class PasswordMask {

    static final String MASK = "***";

    private static final Pattern USER_INFO = Pattern.compile("://([^:/@?#\\s]*):");
    private static final Pattern PARAMETER = Pattern.compile("(?i)(^|[?&;\\s\"'])(password\\s*=\\s*)");
    private static final Pattern SQL_LITERAL = Pattern.compile("(?i)(\\bpassword\\s+)(?:E?'(?:[^']|'')*'|\\$\\$.*?\\$\\$)");

    private PasswordMask() {
    }

    /** {@code text} with every password it holds replaced by {@value #MASK}; null stays null. */
    static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            masked.append(maskSqlLiterals(maskUserInfo(maskParameters(text.substring(start, end)))));
            start = end;
        }
        return masked.toString();
    }

    private static String maskSqlLiterals(String line) {
        return SQL_LITERAL.matcher(line).replaceAll("$1'" + MASK + "'");
    }

    private static String maskUserInfo(String line) {
        int lastAt = line.lastIndexOf('@');
        if (lastAt < 0) {
            return line;
        }
        Matcher matcher = USER_INFO.matcher(line);
        StringBuilder masked = new StringBuilder();
        int copied = 0;
        int from = 0;
        while (from < line.length() && matcher.find(from)) {
            int passwordStart = matcher.end();
            if (passwordStart > lastAt || line.startsWith(MASK + "@", passwordStart)) {
                from = passwordStart;
                continue;
            }
            masked.append(line, copied, passwordStart).append(MASK);
            copied = lastAt;
            from = lastAt;
        }
        return masked.append(line, copied, line.length()).toString();
    }

    private static String maskParameters(String line) {
        Matcher matcher = PARAMETER.matcher(line);
        StringBuilder masked = new StringBuilder();
        int copied = 0;
        int from = 0;
        while (from < line.length() && matcher.find(from)) {
            int valueStart = matcher.end();
            int valueEnd = line.indexOf('&', valueStart);
            if (valueEnd < 0) {
                valueEnd = line.endsWith("\n") ? line.length() - 1 : line.length();
                if (valueEnd > valueStart && line.charAt(valueEnd - 1) == '\r') {
                    valueEnd--;
                }
            }
            if (line.startsWith(MASK, valueStart)) {
                from = valueStart + MASK.length();
                continue;
            }
            masked.append(line, copied, valueStart).append(MASK);
            copied = valueEnd;
            from = Math.max(valueEnd, valueStart + 1);
        }
        return masked.append(line, copied, line.length()).toString();
    }
}
