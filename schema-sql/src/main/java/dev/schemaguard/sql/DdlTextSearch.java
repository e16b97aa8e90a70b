package dev.schemaguard.sql;

import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The statements that create, change and drop {@link TextSearchDictionary text search dictionaries} and
 * {@link TextSearchConfiguration configurations}. Names are quoted identifiers, option values string literals: nothing
 * from a model reaches SQL as SQL of its own.
 */
final class DdlTextSearch {

    private DdlTextSearch() {
    }

    /** {@code CREATE TEXT SEARCH DICTIONARY s.d (TEMPLATE = pg_catalog.snowball, language = 'english')}. */
    static String createDictionary(QualifiedName name, TextSearchDictionary dictionary) {
        List<String> parts = new ArrayList<>();
        parts.add("TEMPLATE = " + dictionary.template().sql());
        dictionary.options().forEach(option -> parts.add(assignment(option)));
        return "CREATE TEXT SEARCH DICTIONARY " + name.sql() + " (" + String.join(", ", parts) + ")";
    }

    /**
     * {@code ALTER TEXT SEARCH DICTIONARY s.d (stopwords = 'english', accept)}: options set to the expected value,
     * and those the expected dictionary no longer has named without a value, which removes them. Null when the
     * options are the same.
     */
    static String alterDictionaryOptions(QualifiedName name, TextSearchDictionary want, TextSearchDictionary have) {
        List<String> parts = new ArrayList<>();
        for (TextSearchDictionary.Option option : want.options()) {
            if (!Objects.equals(option.value(), have.option(option.name()))) {
                parts.add(assignment(option));
            }
        }
        for (TextSearchDictionary.Option option : have.options()) {
            if (want.option(option.name()) == null) {
                parts.add(Identifiers.quote(option.name()));
            }
        }
        return parts.isEmpty() ? null : "ALTER TEXT SEARCH DICTIONARY " + name.sql() + " (" + String.join(", ", parts) + ")";
    }

    static String dropDictionary(QualifiedName name) {
        return "DROP TEXT SEARCH DICTIONARY " + name.sql();
    }

    static String commentOnDictionary(QualifiedName name, String comment) {
        return "COMMENT ON TEXT SEARCH DICTIONARY " + name.sql() + " IS " + literalOrNull(comment);
    }

    /** {@code CREATE TEXT SEARCH CONFIGURATION s.c (PARSER = pg_catalog."default")}, without mappings. */
    static String createConfiguration(QualifiedName name, TextSearchConfiguration configuration) {
        return "CREATE TEXT SEARCH CONFIGURATION " + name.sql() + " (PARSER = " + configuration.parser().sql() + ")";
    }

    /**
     * {@code ALTER TEXT SEARCH CONFIGURATION s.c ALTER MAPPING FOR asciiword, word WITH english_stem}: one statement
     * per list of dictionaries, for the token types mapped to it. ALTER MAPPING replaces a mapping that exists and
     * adds one that does not.
     */
    static List<String> setMappings(QualifiedName name, Collection<TextSearchConfiguration.Mapping> mappings) {
        Map<List<QualifiedName>, List<String>> byDictionaries = new LinkedHashMap<>();
        for (TextSearchConfiguration.Mapping mapping : mappings) {
            byDictionaries.computeIfAbsent(mapping.dictionaries(), d -> new ArrayList<>()).add(mapping.tokenType());
        }
        List<String> statements = new ArrayList<>();
        byDictionaries.forEach((dictionaries, tokenTypes) -> statements.add("ALTER TEXT SEARCH CONFIGURATION " + name.sql()
                + " ALTER MAPPING FOR " + tokenTypes(tokenTypes) + " WITH "
                + dictionaries.stream().map(QualifiedName::sql).collect(Collectors.joining(", "))));
        return statements;
    }

    /** {@code ALTER TEXT SEARCH CONFIGURATION s.c DROP MAPPING IF EXISTS FOR email, url}. */
    static String dropMappings(QualifiedName name, Collection<String> tokenTypes) {
        return "ALTER TEXT SEARCH CONFIGURATION " + name.sql() + " DROP MAPPING IF EXISTS FOR " + tokenTypes(tokenTypes);
    }

    static String dropConfiguration(QualifiedName name) {
        return "DROP TEXT SEARCH CONFIGURATION " + name.sql();
    }

    static String commentOnConfiguration(QualifiedName name, String comment) {
        return "COMMENT ON TEXT SEARCH CONFIGURATION " + name.sql() + " IS " + literalOrNull(comment);
    }

    private static String assignment(TextSearchDictionary.Option option) {
        return Identifiers.quote(option.name()) + " = " + Identifiers.literal(option.value());
    }

    private static String tokenTypes(Collection<String> tokenTypes) {
        return tokenTypes.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    private static String literalOrNull(String text) {
        return text == null ? "NULL" : Identifiers.literal(text);
    }
}
