package dev.schemaguard.yaml;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a tree of maps, lists and scalars as block-style YAML with two-space indentation. Lists of plain
 * values are written inline ({@code [a, b]}). Strings are quoted only when YAML would read them as
 * something else: a number, a boolean, null, a comment, a key, or when they start with an indicator.
 * Strings of several lines (function bodies, view queries) are literal block scalars ({@code |}), one
 * source line per YAML line, so that snapshots diff line by line.
 */
final class YamlEmitter {

    private static final Pattern NOT_A_STRING = Pattern.compile(
            "(?i)~|null|true|false|yes|no|on|off|y|n|=|<<|[-+]?\\.?[0-9].*|[-+]?\\.(inf|nan)|\\.\\.\\..*|---.*");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private final StringBuilder out = new StringBuilder();

    private YamlEmitter() {
    }

    static String emit(Map<String, Object> root) {
        YamlEmitter emitter = new YamlEmitter();
        emitter.map(root, 0);
        return emitter.out.toString();
    }

    private void map(Map<String, Object> map, int indent) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            out.append(" ".repeat(indent)).append(scalar(entry.getKey(), false)).append(':');
            value(entry.getValue(), indent);
        }
    }

    /** The rest of a line after {@code key:}, and any nested lines. */
    @SuppressWarnings("unchecked")
    private void value(Object value, int indent) {
        if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
            out.append('\n');
            map((Map<String, Object>) nested, indent + 2);
        } else if (value instanceof List<?> list && !list.isEmpty() && !isFlowFriendly(list)) {
            out.append('\n');
            list(list, indent + 2);
        } else if (value instanceof String text && isBlockSafe(text)) {
            block(text, indent);
        } else {
            out.append(' ').append(inline(value)).append('\n');
        }
    }

    @SuppressWarnings("unchecked")
    private void list(List<?> list, int indent) {
        for (Object item : list) {
            if (item instanceof Map<?, ?> nested && !nested.isEmpty()) {
                int start = out.length();
                map((Map<String, Object>) nested, indent + 2);
                out.replace(start, start + indent + 2, " ".repeat(indent) + "- ");
            } else if (item instanceof List<?> inner && !isFlat(inner)) {
                throw new IllegalArgumentException("a list of lists of maps has no YAML spelling in this format");
            } else if (item instanceof String text && isBlockSafe(text)) {
                out.append(" ".repeat(indent)).append('-');
                block(text, indent);
            } else {
                out.append(" ".repeat(indent)).append("- ").append(inline(item)).append('\n');
            }
        }
    }

    /**
     * {@code |} and the lines of {@code text}, two spaces deeper than {@code indent} (the column of the key or
     * list dash). The chomping indicator keeps the exact number of final line breaks ({@code -} none,
     * nothing one, {@code +} several); an indentation indicator is needed when the first line starts with
     * white space or is empty, since YAML would otherwise take its indentation from that line.
     */
    private void block(String text, int indent) {
        out.append(" |");
        char first = text.charAt(0);
        if (first == ' ' || first == '\t' || first == '\n') {
            out.append('2');
        }
        int finalBreaks = 0;
        while (finalBreaks < text.length() && text.charAt(text.length() - 1 - finalBreaks) == '\n') {
            finalBreaks++;
        }
        out.append(finalBreaks == 0 ? "-" : finalBreaks == 1 ? "" : "+").append('\n');
        String body = finalBreaks == 0 ? text : text.substring(0, text.length() - 1);
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.append(" ".repeat(indent + 2)).append(line);
            }
            out.append('\n');
        }
    }

    /**
     * Several lines, at least one with something visible on it, and nothing a block scalar cannot hold
     * (carriage returns, characters YAML does not print, U+2028/U+2029 which YAML 1.1 reads as line breaks).
     */
    private static boolean isBlockSafe(String text) {
        return text.indexOf('\n') >= 0 && !text.isBlank()
                && text.codePoints().allMatch(c -> c == '\n' || c == '\t' || isPrintable(Character.toString(c)));
    }

    /** Short lists of plain names read best inline; expressions and quoted text read best one per line. */
    private static boolean isFlowFriendly(List<?> list) {
        return isFlat(list) && list.stream().allMatch(item -> !(item instanceof String text) || isPlainSafe(text, true))
                && list.stream().mapToInt(item -> item.toString().length() + 2).sum() < 80;
    }

    private static boolean isFlat(List<?> list) {
        return list.stream().noneMatch(item -> item instanceof Map<?, ?> || item instanceof List<?>);
    }

    private static String inline(Object value) {
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?> list) {
            StringBuilder flow = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                flow.append(i == 0 ? "" : ", ").append(scalar(list.get(i), true));
            }
            return flow.append(']').toString();
        }
        return scalar(value, false);
    }

    private static String scalar(Object value, boolean inFlow) {
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        String text = (String) value;
        if (isPlainSafe(text, inFlow)) {
            return text;
        }
        if (isPrintable(text) && (text.indexOf('\'') < 0 || text.indexOf('"') >= 0)) {
            return "'" + text.replace("'", "''") + "'";
        }
        return doubleQuoted(text);
    }

    static boolean isPlainSafe(String text, boolean inFlow) {
        if (text.isEmpty() || !isPrintable(text) || NOT_A_STRING.matcher(text).matches()) {
            return false;
        }
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        if (INDICATORS.indexOf(first) >= 0 || first == ' ' || last == ' ' || last == ':') {
            return false;
        }
        if (text.contains(": ") || text.contains(" #") || text.contains("\t")) {
            return false;
        }
        if (inFlow && !text.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || "_-.$ ()".indexOf(c) >= 0)) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return !lower.equals(".") && !lower.startsWith(".inf") && !lower.startsWith(".nan");
    }

    /** Only characters YAML lets stand for themselves, and no line breaks. */
    private static boolean isPrintable(String text) {
        return text.codePoints().allMatch(c -> (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || (c >= 0x10000 && c <= 0x10FFFF));
    }

    private static String doubleQuoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (isPrintable(new String(Character.toChars(c)))) {
                        quoted.appendCodePoint(c);
                    } else if (c <= 0xFF) {
                        quoted.append(String.format("\\x%02X", c));
                    } else if (c <= 0xFFFF) {
                        quoted.append(String.format("\\u%04X", c));
                    } else {
                        quoted.append(String.format("\\U%08X", c));
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}
