package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The text search changes of a diff by kind, each object with its qualified name (those of a new or dropped schema
 * too), and what {@link MigrationPlanner} asks about text search objects to order them.
 */
record TextSearchChanges(List<Named<TextSearchDictionary>> addedDictionaries,
                         List<Named<TextSearchDictionary>> droppedDictionaries,
                         List<Altered<TextSearchDictionary>> alteredDictionaries,
                         List<Named<TextSearchConfiguration>> addedConfigurations,
                         List<Named<TextSearchConfiguration>> droppedConfigurations,
                         List<Altered<TextSearchConfiguration>> alteredConfigurations,
                         Map<QualifiedName, SchemaChange> dictionaryChanges,
                         Map<QualifiedName, SchemaChange> configurationChanges) {

    /** A text search dictionary or configuration with the schema it lives in. */
    record Named<T>(QualifiedName name, T object) {
    }

    /** Both sides of a dictionary or configuration that differs. */
    record Altered<T>(QualifiedName name, T expected, T actual) {
    }

    static TextSearchChanges of(SchemaDiff diff) {
        TextSearchChanges changes = new TextSearchChanges(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new HashMap<>(), new HashMap<>());
        for (SchemaChange change : diff.changes()) {
            if (change instanceof SchemaChange.SchemaAdded added) {
                changes.addedDictionaries.addAll(dictionaries(added.schema()));
                changes.addedConfigurations.addAll(configurations(added.schema()));
                dictionaries(added.schema()).forEach(d -> changes.dictionaryChanges.put(d.name(), change));
                configurations(added.schema()).forEach(c -> changes.configurationChanges.put(c.name(), change));
            } else if (change instanceof SchemaChange.SchemaDropped dropped) {
                changes.droppedDictionaries.addAll(dictionaries(dropped.schema()));
                changes.droppedConfigurations.addAll(configurations(dropped.schema()));
                dictionaries(dropped.schema()).forEach(d -> changes.dictionaryChanges.put(d.name(), change));
                configurations(dropped.schema()).forEach(c -> changes.configurationChanges.put(c.name(), change));
            } else if (change instanceof SchemaChange.TextSearchDictionaryAdded d) {
                changes.addedDictionaries.add(new Named<>(QualifiedName.of(d.schema(), d.name()), d.dictionary()));
            } else if (change instanceof SchemaChange.TextSearchDictionaryDropped d) {
                changes.droppedDictionaries.add(new Named<>(QualifiedName.of(d.schema(), d.name()), d.dictionary()));
            } else if (change instanceof SchemaChange.TextSearchDictionaryAltered d) {
                changes.alteredDictionaries.add(new Altered<>(QualifiedName.of(d.schema(), d.name()), d.expected(), d.actual()));
            } else if (change instanceof SchemaChange.TextSearchConfigurationAdded c) {
                changes.addedConfigurations.add(new Named<>(QualifiedName.of(c.schema(), c.name()), c.configuration()));
            } else if (change instanceof SchemaChange.TextSearchConfigurationDropped c) {
                changes.droppedConfigurations.add(new Named<>(QualifiedName.of(c.schema(), c.name()), c.configuration()));
            } else if (change instanceof SchemaChange.TextSearchConfigurationAltered c) {
                changes.alteredConfigurations.add(new Altered<>(QualifiedName.of(c.schema(), c.name()), c.expected(), c.actual()));
            }
            if (change instanceof SchemaChange.TextSearchDictionaryAdded d) {
                changes.dictionaryChanges.put(QualifiedName.of(d.schema(), d.name()), change);
            } else if (change instanceof SchemaChange.TextSearchDictionaryDropped d) {
                changes.dictionaryChanges.put(QualifiedName.of(d.schema(), d.name()), change);
            } else if (change instanceof SchemaChange.TextSearchDictionaryAltered d) {
                changes.dictionaryChanges.put(QualifiedName.of(d.schema(), d.name()), change);
            } else if (change instanceof SchemaChange.TextSearchConfigurationAdded c) {
                changes.configurationChanges.put(QualifiedName.of(c.schema(), c.name()), change);
            } else if (change instanceof SchemaChange.TextSearchConfigurationDropped c) {
                changes.configurationChanges.put(QualifiedName.of(c.schema(), c.name()), change);
            } else if (change instanceof SchemaChange.TextSearchConfigurationAltered c) {
                changes.configurationChanges.put(QualifiedName.of(c.schema(), c.name()), change);
            }
        }
        return changes;
    }

    /** The change that adds, drops or alters the dictionary (or the schema it is in), as a plan statement's cause. */
    PlanStatement.Cause causeOfDictionary(QualifiedName name) {
        return new PlanStatement.Cause.Planned(Objects.requireNonNull(dictionaryChanges.get(name), () -> "no change of " + name));
    }

    /** The change that adds, drops or alters the configuration (or the schema it is in), as a plan statement's cause. */
    PlanStatement.Cause causeOfConfiguration(QualifiedName name) {
        return new PlanStatement.Cause.Planned(Objects.requireNonNull(configurationChanges.get(name), () -> "no change of " + name));
    }

    boolean hasConfigurationChange(QualifiedName name) {
        return configurationChanges.containsKey(name);
    }

    private static List<Named<TextSearchDictionary>> dictionaries(Schema schema) {
        return schema.textSearchDictionaries().stream()
                .map(d -> new Named<>(QualifiedName.of(schema.name(), d.name()), d)).toList();
    }

    private static List<Named<TextSearchConfiguration>> configurations(Schema schema) {
        return schema.textSearchConfigurations().stream()
                .map(c -> new Named<>(QualifiedName.of(schema.name(), c.name()), c)).toList();
    }

    /** Every configuration of {@code database}. */
    static List<Named<TextSearchConfiguration>> configurations(Database database) {
        List<Named<TextSearchConfiguration>> all = new ArrayList<>();
        database.schemas().forEach(schema -> all.addAll(configurations(schema)));
        return all;
    }

    /** The token types {@code configuration} maps to {@code dictionary}, among others or alone. */
    static Set<String> tokenTypesMapping(TextSearchConfiguration configuration, QualifiedName dictionary) {
        Set<String> tokenTypes = new TreeSet<>();
        configuration.mappings().stream().filter(m -> m.dictionaries().contains(dictionary))
                .forEach(m -> tokenTypes.add(m.tokenType()));
        return tokenTypes;
    }

    /**
     * Dictionaries in name order, except that one whose options name another of them (a thesaurus's
     * {@code dictionary = 'public.my_stem'}) comes after it: PostgreSQL loads that one while creating it.
     */
    static List<Named<TextSearchDictionary>> creationOrder(List<Named<TextSearchDictionary>> dictionaries) {
        List<Named<TextSearchDictionary>> pending = new ArrayList<>(dictionaries);
        pending.sort(Comparator.comparing(Named::name));
        List<Named<TextSearchDictionary>> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            Named<TextSearchDictionary> next = pending.stream()
                    .filter(d -> pending.stream().noneMatch(other -> other != d && names(d.object(), other.name())))
                    .findFirst().orElse(pending.get(0));
            pending.remove(next);
            order.add(next);
        }
        return order;
    }

    /** Whether an option value of {@code dictionary} names {@code other}, qualified or not. */
    private static boolean names(TextSearchDictionary dictionary, QualifiedName other) {
        return dictionary.options().stream().map(TextSearchDictionary.Option::value).anyMatch(value -> {
            try {
                List<String> parts = Identifiers.splitQualified(value, true);
                return parts.size() == 1 ? parts.get(0).equals(other.name())
                        : parts.size() == 2 && parts.get(0).equals(other.schema()) && parts.get(1).equals(other.name());
            } catch (IllegalArgumentException notAName) {
                return false;
            }
        });
    }
}
