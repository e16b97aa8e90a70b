package dev.schemaguard.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When the emitter leaves text unquoted. Its checks are written for speed (a set of words, a pattern only for text
 * that starts like a number); here they meet the rule they stand for, spelled out plainly: one pattern for
 * everything YAML 1.1 reads as other than a string, and every character looked at as a code point.
 */
class YamlEmitterProperties {

    private static final Pattern NOT_A_STRING = Pattern.compile(
            "(?i)~|null|true|false|yes|no|on|off|y|n|=|<<|[-+]?\\.?[0-9].*|[-+]?\\.(inf|nan)|\\.\\.\\..*|---.*");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    @Property(tries = 3000)
    void shortTextOfYamlsSpecialCharacters(@ForAll @StringLength(max = 7) @Chars({'n', 'N', 'u', 'l', 'L', 't', 'T',
            'r', 'u', 'e', 'E', 'f', 'a', 's', 'y', 'Y', 'o', 'O', 'i', 'I', '~', '=', '<', '+', '-', '.', '0', '9', ' ',
            ':', '#', '\t', '_', '$', '(', 'İ', 'K', 'é', '\u2028', '\u00A0', '\uFEFF', '\uD83D', '\uDE00'}) String text) {
        assertEquals(plainSafe(text, false), YamlEmitter.isPlainSafe(text, false), text);
        assertEquals(plainSafe(text, true), YamlEmitter.isPlainSafe(text, true), text);
    }

    @Property(tries = 3000)
    void anyText(@ForAll @StringLength(max = 12) String text) {
        assertEquals(plainSafe(text, false), YamlEmitter.isPlainSafe(text, false), text);
        assertEquals(plainSafe(text, true), YamlEmitter.isPlainSafe(text, true), text);
    }

    private static boolean plainSafe(String text, boolean inFlow) {
        if (text.isEmpty() || !printable(text) || NOT_A_STRING.matcher(text).matches()) {
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

    private static boolean printable(String text) {
        return text.codePoints().allMatch(c -> (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028
                && c != 0x2029) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || (c >= 0x10000 && c <= 0x10FFFF));
    }
}
