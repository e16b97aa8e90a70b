package dev.schemaguard.diff;

import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What differs between two text search dictionaries, or two configurations, of one name, for messages. */
final class TextSearchDifferences {

    private TextSearchDifferences() {
    }

    /** {@code template pg_catalog.simple (expected pg_catalog.snowball); options (stopwords = 'english') (expected ...)}. */
    static String of(TextSearchDictionary expected, TextSearchDictionary actual) {
        List<String> parts = new ArrayList<>();
        if (!expected.template().equals(actual.template())) {
            parts.add("template " + actual.template() + " (expected " + expected.template() + ")");
        }
        if (!expected.options().equals(actual.options())) {
            parts.add("options " + options(actual) + " (expected " + options(expected) + ")");
        }
        comment(parts, expected.comment(), actual.comment());
        return String.join("; ", parts);
    }

    /** {@code parser ...; mapping for asciiword [pg_catalog.simple] (expected [pg_catalog.english_stem])}. */
    static String of(TextSearchConfiguration expected, TextSearchConfiguration actual) {
        List<String> parts = new ArrayList<>();
        if (!expected.parser().equals(actual.parser())) {
            parts.add("parser " + actual.parser() + " (expected " + expected.parser() + ")");
        }
        TreeSet<String> tokenTypes = new TreeSet<>();
        expected.mappings().forEach(m -> tokenTypes.add(m.tokenType()));
        actual.mappings().forEach(m -> tokenTypes.add(m.tokenType()));
        for (String tokenType : tokenTypes) {
            List<QualifiedName> want = expected.dictionariesFor(tokenType);
            List<QualifiedName> have = actual.dictionariesFor(tokenType);
            if (!want.equals(have)) {
                parts.add("mapping for " + tokenType + " " + dictionaries(have) + " (expected " + dictionaries(want) + ")");
            }
        }
        comment(parts, expected.comment(), actual.comment());
        return String.join("; ", parts);
    }

    private static void comment(List<String> parts, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            parts.add("comment " + Describe.text(actual) + " (expected " + Describe.text(expected) + ")");
        }
    }

    private static String options(TextSearchDictionary dictionary) {
        return dictionary.options().stream().map(o -> o.name() + " = '" + o.value() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String dictionaries(List<QualifiedName> dictionaries) {
        return dictionaries.isEmpty() ? "none" : dictionaries.toString();
    }
}
