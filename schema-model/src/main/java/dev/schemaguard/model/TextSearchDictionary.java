package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code CREATE TEXT SEARCH DICTIONARY name (TEMPLATE = template, option = value, ...)}. The template is one of
 * PostgreSQL's ({@code pg_catalog.simple}, {@code snowball}, {@code ispell}, {@code synonym}, {@code thesaurus}) or
 * an extension's: templates need C functions, so schemaguard does not create them. The options are what
 * {@code pg_ts_dict.dictinitoption} holds: names exactly as stored (PostgreSQL's templates know only lower-case
 * ones: {@code stopwords}, {@code dictfile}, ...; SQL folds unquoted names to that), values kept as the text
 * PostgreSQL stores whatever literal gave them, in name order (their order means nothing to a template).
 */
public record TextSearchDictionary(String name, QualifiedName template, List<Option> options, String comment) {

    /** One {@code name = value} of the dictionary's definition. */
    public record Option(String name, String value) {

        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

        public Option {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("text search dictionary option name '" + name
                        + "' is not a plain identifier such as stopwords or dictfile");
            }
            Identifiers.requireValid(name, "text search dictionary option name");
            if (value == null) {
                throw new IllegalArgumentException("text search dictionary option " + name + " needs a value");
            }
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("value of text search dictionary option " + name
                        + " must not contain a NUL character");
            }
        }
    }

    public TextSearchDictionary {
        Identifiers.requireValid(name, "text search dictionary name");
        Objects.requireNonNull(template, () -> "template of text search dictionary " + name);
        List<Option> sorted = new ArrayList<>(options == null ? List.of() : options);
        sorted.sort(Comparator.comparing(Option::name));
        Set<String> names = new HashSet<>();
        for (Option option : sorted) {
            if (!names.add(option.name())) {
                throw new IllegalArgumentException("text search dictionary " + name + " sets option " + option.name()
                        + " twice");
            }
        }
        options = List.copyOf(sorted);
    }

    /** A dictionary of a template of pg_catalog with these options, e.g. {@code of("english_simple", "simple", ...)}. */
    public static TextSearchDictionary of(String name, String catalogTemplate, Option... options) {
        return new TextSearchDictionary(name, QualifiedName.of("pg_catalog", catalogTemplate), List.of(options), null);
    }

    public static Option option(String name, String value) {
        return new Option(name, value);
    }

    public TextSearchDictionary withOptions(List<Option> newOptions) {
        return new TextSearchDictionary(name, template, newOptions, comment);
    }

    public TextSearchDictionary withComment(String newComment) {
        return new TextSearchDictionary(name, template, options, newComment);
    }

    /** The option's value, or null when the dictionary does not set it. */
    public String option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).map(Option::value).findFirst().orElse(null);
    }
}
