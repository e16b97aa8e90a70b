package dev.schemaguard.yaml;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Writes a tree of maps, lists and scalars as block-style YAML with two-space indentation. Lists of plain
 * values are written inline ({@code [a, b]}). Strings are quoted only when YAML would read them as
 * something else: a number, a boolean, null, a comment, a key, or when they start with an indicator.
 * Strings of several lines (function bodies, view queries) are literal block scalars ({@code |}), one
 * source line per YAML line, so that snapshots diff line by line.
 * <p>
 * The value of a map entry may be a {@link Supplier} of one of these: it is called when the emitter reaches it, so
 * that a large tree (a table each) is made one part at a time, while the text goes to the {@link Writer} as it is
 * made.
 */
final class YamlEmitter {

    /** Words YAML 1.1 reads as null, a boolean or a merge key, in any case. */
    private static final Set<String> NOT_A_STRING_WORDS = Set.of("~", "null", "true", "false", "yes", "no", "on", "off",
            "y", "n", "=", "<<");
    /** Numbers, infinity and not-a-number, and document markers. */
    private static final Pattern NOT_A_STRING = Pattern.compile(
            "(?i)[-+]?\\.?[0-9].*|[-+]?\\.(inf|nan)|\\.\\.\\..*|---.*");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    /** Text that is written to the writer whenever this much has piled up. */
    private static final int CHUNK = 8192;

    private final Writer writer;
    private final StringBuilder out = new StringBuilder(2 * CHUNK);

    private YamlEmitter(Writer writer) {
        this.writer = writer;
    }

    static void emit(Map<String, Object> root, Writer writer) throws IOException {
        YamlEmitter emitter = new YamlEmitter(writer);
        emitter.map(root, 0, null);
        emitter.flush();
    }

    private void flush() throws IOException {
        writer.append(out);
        out.setLength(0);
    }

    /** The entries of {@code map}; {@code firstLine}, when not null, stands before the first key instead of the indentation. */
    private void map(Map<String, Object> map, int indent, String firstLine) throws IOException {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            if (firstLine != null) {
                out.append(firstLine);
                firstLine = null;
            } else {
                indent(indent);
            }
            scalar(entry.getKey(), false);
            out.append(':');
            value(entry.getValue(), indent);
            if (out.length() >= CHUNK) {
                flush();
            }
        }
    }

    /** The rest of a line after {@code key:}, and any nested lines. */
    @SuppressWarnings("unchecked")
    private void value(Object value, int indent) throws IOException {
        if (value instanceof Supplier<?> later) {
            value = later.get();
        }
        if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
            out.append('\n');
            map((Map<String, Object>) nested, indent + 2, null);
        } else if (value instanceof List<?> list && !list.isEmpty() && !isFlowFriendly(list)) {
            out.append('\n');
            list(list, indent + 2);
        } else if (value instanceof String text && isBlockSafe(text)) {
            block(text, indent);
        } else {
            out.append(' ');
            inline(value);
            out.append('\n');
        }
    }

    @SuppressWarnings("unchecked")
    private void list(List<?> list, int indent) throws IOException {
        for (Object item : list) {
            if (item instanceof Map<?, ?> nested && !nested.isEmpty()) {
                map((Map<String, Object>) nested, indent + 2, " ".repeat(indent) + "- ");
            } else if (item instanceof List<?> inner && !isFlat(inner)) {
                throw new IllegalArgumentException("a list of lists of maps has no YAML spelling in this format");
            } else if (item instanceof String text && isBlockSafe(text)) {
                indent(indent);
                out.append('-');
                block(text, indent);
            } else {
                indent(indent);
                out.append("- ");
                inline(item);
                out.append('\n');
            }
        }
    }

    private void indent(int indent) {
        for (int i = 0; i < indent; i++) {
            out.append(' ');
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
                indent(indent + 2);
                out.append(line);
            }
            out.append('\n');
        }
    }

    /**
     * Several lines, at least one with something visible on it, and nothing a block scalar cannot hold
     * (carriage returns, characters YAML does not print, U+2028/U+2029 which YAML 1.1 reads as line breaks).
     */
    private static boolean isBlockSafe(String text) {
        if (text.indexOf('\n') < 0 || text.isBlank()) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c != '\n' && c != '\t' && !isPrintable(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** Short lists of plain names read best inline; expressions and quoted text read best one per line. */
    private static boolean isFlowFriendly(List<?> list) {
        if (!isFlat(list)) {
            return false;
        }
        int width = 0;
        for (Object item : list) {
            if (item instanceof String text && !isPlainSafe(text, true)) {
                return false;
            }
            width += item.toString().length() + 2;
        }
        return width < 80;
    }

    private static boolean isFlat(List<?> list) {
        for (Object item : list) {
            if (item instanceof Map<?, ?> || item instanceof List<?>) {
                return false;
            }
        }
        return true;
    }

    private void inline(Object value) {
        if (value instanceof Map<?, ?>) {
            out.append("{}");
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                scalar(list.get(i), true);
            }
            out.append(']');
        } else {
            scalar(value, false);
        }
    }

    private void scalar(Object value, boolean inFlow) {
        if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
            return;
        }
        String text = (String) value;
        if (isPlainSafe(text, inFlow)) {
            out.append(text);
        } else if (isPrintable(text) && (text.indexOf('\'') < 0 || text.indexOf('"') >= 0)) {
            out.append('\'').append(text.replace("'", "''")).append('\'');
        } else {
            doubleQuoted(text);
        }
    }

    static boolean isPlainSafe(String text, boolean inFlow) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        if (INDICATORS.indexOf(first) >= 0 || first == ' ' || last == ' ' || last == ':') {
            return false;
        }
        if (text.contains(": ") || text.contains(" #") || text.indexOf('\t') >= 0 || !isPrintable(text)) {
            return false;
        }
        if (inFlow && !isFlowWord(text)) {
            return false;
        }
        if (first == '.') {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals(".") || lower.startsWith(".inf") || lower.startsWith(".nan")) {
                return false;
            }
        }
        return !readsAsOtherThanText(text, first);
    }

    /** Whether YAML reads {@code text}, unquoted, as null, a boolean, a number or a document marker. */
    private static boolean readsAsOtherThanText(String text, char first) {
        if (text.length() <= 5 && NOT_A_STRING_WORDS.contains(text.toLowerCase(Locale.ROOT))) {
            return true;
        }
        // the pattern's every choice starts with a sign, a dot or a digit
        return (first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9'))
                && NOT_A_STRING.matcher(text).matches();
    }

    /** Letters, digits and {@code _-.$ ()}: what a plain scalar in a flow list may hold here. */
    private static boolean isFlowWord(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Character.isLetterOrDigit(c) && "_-.$ ()".indexOf(c) < 0) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** Only characters YAML lets stand for themselves, and no line breaks. */
    private static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) { // not printable ASCII: look at the whole code point
                int codePoint = text.codePointAt(i);
                if (!isPrintable(codePoint)) {
                    return false;
                }
                i += Character.charCount(codePoint) - 1;
            }
        }
        return true;
    }

    private static boolean isPrintable(int c) {
        return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private void doubleQuoted(String text) {
        out.append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (isPrintable(c)) {
                        out.appendCodePoint(c);
                    } else if (c <= 0xFF) {
                        out.append(String.format("\\x%02X", c));
                    } else if (c <= 0xFFFF) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.append(String.format("\\U%08X", c));
                    }
                }
            }
        });
        out.append('"');
    }
}
