package dev.schemaguard.yaml;

import static dev.schemaguard.yaml.YamlKeys.*;

import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;
import dev.schemaguard.yaml.YamlNode.Entry;
import dev.schemaguard.yaml.YamlNode.ListNode;
import dev.schemaguard.yaml.YamlNode.MapNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code text_search_dictionaries:} and {@code text_search_configurations:} of a schema, read and written:
 * <pre>
 * text_search_dictionaries:
 *   english_nostop:
 *     template: snowball
 *     options: {language: english}
 * text_search_configurations:
 *   documents:
 *     mappings:
 *       asciiword: [public.english_nostop]
 *       word: [public.english_nostop, simple]
 *       email: simple
 *     comment: what search indexes
 * </pre>
 * Templates, parsers and dictionaries are named as in SQL with pg_catalog first on the search path: an unqualified
 * name is pg_catalog's ({@code simple}, {@code english_stem}), a dictionary of a schema is written with its schema.
 * The parser may be left out for PostgreSQL's default one. Option names are kept as written (PostgreSQL's
 * templates take lower-case ones), option values are text.
 */
final class TextSearchYaml {

    private static final String CATALOG = "pg_catalog";

    private TextSearchYaml() {
    }

    static TextSearchDictionary dictionary(String schema, Entry entry) {
        String what = "text search dictionary " + QualifiedName.of(schema, entry.key());
        Fields fields = Fields.of(entry.value(), TEXT_SEARCH_DICTIONARY_KEYS, what);
        if (!fields.has(TEMPLATE)) {
            throw new YamlSchemaException(fields.position(), what + " needs '" + TEMPLATE
                    + "', e.g. simple, snowball, ispell, synonym or thesaurus");
        }
        QualifiedName template = name(fields.node(TEMPLATE), "'" + TEMPLATE + "' of " + what);
        List<TextSearchDictionary.Option> options = new ArrayList<>();
        YamlNode optionsNode = fields.node(OPTIONS);
        if (optionsNode != null) {
            for (Entry option : Nodes.map(optionsNode, "'" + OPTIONS + "' of " + what + " (option names to values)").entries().values()) {
                String label = "option " + option.key() + " of " + what;
                if (option.value() instanceof MapNode || option.value() instanceof ListNode) {
                    throw Nodes.error(option.value(), "expected " + label + " as text, found " + option.value().kind());
                }
                String value = Nodes.text(option.value(), label);
                if (value == null) {
                    throw Nodes.error(option.value(), "expected a value for " + label + ", found nothing");
                }
                options.add(Nodes.build(option.keyPosition(), what, () -> new TextSearchDictionary.Option(option.key(), value)));
            }
        }
        return Nodes.build(entry.keyPosition(), what,
                () -> new TextSearchDictionary(entry.key(), template, options, fields.text(COMMENT)));
    }

    static TextSearchConfiguration configuration(String schema, Entry entry) {
        String what = "text search configuration " + QualifiedName.of(schema, entry.key());
        Fields fields = Fields.of(entry.value(), TEXT_SEARCH_CONFIGURATION_KEYS, what);
        QualifiedName parser = fields.has(PARSER) ? name(fields.node(PARSER), "'" + PARSER + "' of " + what)
                : TextSearchConfiguration.DEFAULT_PARSER;
        List<TextSearchConfiguration.Mapping> mappings = new ArrayList<>();
        YamlNode mappingsNode = fields.node(MAPPINGS);
        if (mappingsNode != null) {
            for (Entry mapping : Nodes.map(mappingsNode, "'" + MAPPINGS + "' of " + what
                    + " (token types to dictionaries)").entries().values()) {
                String label = "the dictionaries for token type " + mapping.key() + " of " + what;
                List<YamlNode> items = mapping.value() instanceof ListNode list ? list.items() : List.of(mapping.value());
                List<QualifiedName> dictionaries = new ArrayList<>();
                for (YamlNode item : items) {
                    dictionaries.add(name(item, label));
                }
                mappings.add(Nodes.build(mapping.keyPosition(), what,
                        () -> new TextSearchConfiguration.Mapping(mapping.key(), dictionaries)));
            }
        }
        return Nodes.build(entry.keyPosition(), what,
                () -> new TextSearchConfiguration(entry.key(), parser, mappings, fields.text(COMMENT)));
    }

    private static QualifiedName name(YamlNode node, String what) {
        String text = Nodes.requiredText(node, what);
        try {
            return SqlWords.parseName(text, CATALOG);
        } catch (IllegalArgumentException e) {
            throw Nodes.error(node, what + ": " + e.getMessage());
        }
    }

    static Map<String, Object> writeDictionaries(List<TextSearchDictionary> dictionaries) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        for (TextSearchDictionary dictionary : dictionaries.stream().sorted(Comparator.comparing(TextSearchDictionary::name)).toList()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(TEMPLATE, SqlWords.renderName(dictionary.template(), CATALOG));
            if (!dictionary.options().isEmpty()) {
                Map<String, Object> options = new LinkedHashMap<>();
                dictionary.options().forEach(option -> options.put(option.name(), option.value()));
                entry.put(OPTIONS, options);
            }
            if (dictionary.comment() != null) {
                entry.put(COMMENT, dictionary.comment());
            }
            yaml.put(dictionary.name(), entry);
        }
        return yaml;
    }

    static Map<String, Object> writeConfigurations(List<TextSearchConfiguration> configurations) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        for (TextSearchConfiguration configuration : configurations.stream()
                .sorted(Comparator.comparing(TextSearchConfiguration::name)).toList()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (!configuration.parser().equals(TextSearchConfiguration.DEFAULT_PARSER)) {
                entry.put(PARSER, SqlWords.renderName(configuration.parser(), CATALOG));
            }
            if (!configuration.mappings().isEmpty()) {
                Map<String, Object> mappings = new LinkedHashMap<>();
                configuration.mappings().forEach(mapping -> mappings.put(mapping.tokenType(), mapping.dictionaries().stream()
                        .map(dictionary -> SqlWords.renderName(dictionary, CATALOG)).toList()));
                entry.put(MAPPINGS, mappings);
            }
            if (configuration.comment() != null) {
                entry.put(COMMENT, configuration.comment());
            }
            yaml.put(configuration.name(), entry);
        }
        return yaml;
    }
}
