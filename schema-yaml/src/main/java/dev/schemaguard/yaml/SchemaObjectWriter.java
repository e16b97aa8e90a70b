package dev.schemaguard.yaml;

import static dev.schemaguard.yaml.YamlKeys.*;
import static dev.schemaguard.yaml.YamlSchemaWriter.putIfNotEmpty;
import static dev.schemaguard.yaml.YamlSchemaWriter.putIfPresent;
import static dev.schemaguard.yaml.YamlSchemaWriter.putIfTrue;

import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.RangeType;
import dev.schemaguard.model.StorageParameters;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.View;
import dev.schemaguard.yaml.TableDefinition.IndexDef;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes extensions and the objects of a schema other than tables, as {@link SchemaObjectReader} reads them:
 * sorted by name, short forms where they say everything, SQL definitions as they are (multi-line ones become
 * block scalars).
 */
final class SchemaObjectWriter {

    private static final DataType SEQUENCE_DEFAULT_TYPE = DataType.of("bigint");

    private SchemaObjectWriter() {
    }

    /** A list of names when no extension pins a schema or version, otherwise names to {schema, version}. */
    static Object extensions(List<Extension> extensions) {
        List<Extension> sorted = extensions.stream().sorted(Comparator.comparing(Extension::name)).toList();
        if (sorted.stream().allMatch(e -> e.schema() == null && e.version() == null)) {
            return sorted.stream().map(Extension::name).toList();
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        for (Extension extension : sorted) {
            Map<String, Object> options = new LinkedHashMap<>();
            putIfPresent(options, SCHEMA, extension.schema());
            putIfPresent(options, VERSION, extension.version());
            yaml.put(extension.name(), options);
        }
        return yaml;
    }

    /** Every non-table part of {@code schema}, under its key, into {@code yaml}. */
    static void write(Schema schema, Map<String, Object> yaml) {
        put(yaml, SEQUENCES, sorted(schema.sequences(), Sequence::name), Sequence::name, SchemaObjectWriter::sequence);
        put(yaml, ENUMS, sorted(schema.enums(), EnumType::name), EnumType::name, SchemaObjectWriter::enumType);
        put(yaml, DOMAINS, sorted(schema.domains(), Domain::name), Domain::name, SchemaObjectWriter::domain);
        put(yaml, COMPOSITE_TYPES, sorted(schema.compositeTypes(), CompositeType::name), CompositeType::name,
                SchemaObjectWriter::compositeType);
        put(yaml, RANGE_TYPES, sorted(schema.rangeTypes(), RangeType::name), RangeType::name,
                SchemaObjectWriter::rangeType);
        put(yaml, VIEWS, sorted(schema.views(), View::name), View::name, SchemaObjectWriter::view);
        for (Routine.Kind kind : Routine.Kind.values()) {
            List<Routine> routines = schema.routines().stream().filter(r -> r.routineKind() == kind)
                    .sorted(Comparator.comparing(Routine::name).thenComparing(Routine::arguments)).toList();
            put(yaml, SchemaObjectReader.ROUTINE_SECTIONS.get(kind), routines, Routine::signature, SchemaObjectWriter::routine);
        }
        put(yaml, AGGREGATES, schema.aggregates().stream()
                .sorted(Comparator.comparing(Aggregate::name).thenComparing(Aggregate::arguments)).toList(),
                Aggregate::signature, AggregateYaml::write);
        put(yaml, COLLATIONS, sorted(schema.collations(), Collation::name), Collation::name, SchemaObjectWriter::collation);
        if (!schema.textSearchDictionaries().isEmpty()) {
            yaml.put(TEXT_SEARCH_DICTIONARIES, TextSearchYaml.writeDictionaries(schema.textSearchDictionaries()));
        }
        if (!schema.textSearchConfigurations().isEmpty()) {
            yaml.put(TEXT_SEARCH_CONFIGURATIONS, TextSearchYaml.writeConfigurations(schema.textSearchConfigurations()));
        }
        GrantWriter.write(schema, yaml);
    }

    private static <T> List<T> sorted(List<T> objects, Function<T, String> name) {
        return objects.stream().sorted(Comparator.comparing(name)).toList();
    }

    private static <T> void put(Map<String, Object> yaml, String key, List<T> objects, Function<T, String> name,
                                Function<T, Object> spelling) {
        if (objects.isEmpty()) {
            return;
        }
        Map<String, Object> byName = new LinkedHashMap<>();
        objects.forEach(object -> byName.put(name.apply(object), spelling.apply(object)));
        yaml.put(key, byName);
    }

    private static Object sequence(Sequence sequence) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        if (!sequence.type().equals(SEQUENCE_DEFAULT_TYPE)) {
            yaml.put(TYPE, type(sequence.type(), "sequence " + sequence.name()));
        }
        SequenceOptions options = sequence.options();
        putIfPresent(yaml, START, options.start());
        putIfPresent(yaml, INCREMENT, options.increment());
        putIfPresent(yaml, MIN, options.minValue());
        putIfPresent(yaml, MAX, options.maxValue());
        putIfPresent(yaml, CACHE, options.cache());
        putIfTrue(yaml, CYCLE, options.cycle());
        if (sequence.ownedByTable() != null) {
            yaml.put(OWNED_BY, Identifiers.quote(sequence.ownedByTable()) + "." + Identifiers.quote(sequence.ownedByColumn()));
        }
        putIfPresent(yaml, COMMENT, sequence.comment());
        return yaml;
    }

    private static Object enumType(EnumType enumType) {
        if (enumType.comment() == null && enumType.renamedFrom() == null) {
            return enumType.values();
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(VALUES, enumType.values());
        putIfPresent(yaml, COMMENT, enumType.comment());
        putIfPresent(yaml, RENAMED_FROM, enumType.renamedFrom());
        return yaml;
    }

    private static Object domain(Domain domain) {
        String what = "domain " + domain.name();
        String type = type(domain.baseType(), what);
        if (!domain.notNull() && domain.defaultExpression() == null && domain.collation() == null
                && domain.checks().isEmpty() && domain.comment() == null && domain.constraintComments().isEmpty()
                && domain.renamedFrom() == null) {
            return type;
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(TYPE, type);
        putIfTrue(yaml, NOT_NULL, domain.notNull());
        putIfPresent(yaml, DEFAULT, domain.defaultExpression());
        putIfPresent(yaml, COLLATION, domain.collation());
        if (!domain.checks().isEmpty()) {
            Map<String, Object> checks = new LinkedHashMap<>();
            for (CheckConstraint check : domain.checks()) {
                if (check.noInherit()) {
                    throw new IllegalArgumentException("check " + check.name() + " of " + what
                            + " is NO INHERIT, which PostgreSQL does not allow on a domain; it cannot be written");
                }
                checks.put(check.name(), check.expression());
            }
            yaml.put(CHECKS, checks);
        }
        putIfPresent(yaml, COMMENT, domain.comment());
        if (!domain.constraintComments().isEmpty()) {
            yaml.put(CONSTRAINT_COMMENTS, new LinkedHashMap<>(domain.constraintComments()));
        }
        putIfPresent(yaml, RENAMED_FROM, domain.renamedFrom());
        return yaml;
    }

    private static Object rangeType(RangeType range) {
        String subtype = type(range.subtype(), "the subtype of range type " + range.name());
        if (range.subtypeOpclass() == null && range.collation() == null && range.canonical() == null
                && range.subtypeDiff() == null && range.multirangeTypeName() == null && range.comment() == null
                && range.renamedFrom() == null) {
            return subtype;
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(SUBTYPE, subtype);
        putIfPresent(yaml, SUBTYPE_OPCLASS, range.subtypeOpclass());
        putIfPresent(yaml, COLLATION, range.collation());
        putIfPresent(yaml, CANONICAL, range.canonical());
        putIfPresent(yaml, SUBTYPE_DIFF, range.subtypeDiff());
        putIfPresent(yaml, MULTIRANGE_TYPE_NAME, range.multirangeTypeName());
        putIfPresent(yaml, COMMENT, range.comment());
        putIfPresent(yaml, RENAMED_FROM, range.renamedFrom());
        return yaml;
    }

    private static Object compositeType(CompositeType compositeType) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        if (!compositeType.attributes().isEmpty()) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (CompositeType.Attribute attribute : compositeType.attributes()) {
                String type = type(attribute.type(), "attribute " + attribute.name() + " of composite type " + compositeType.name());
                if (attribute.collation() == null) {
                    attributes.put(attribute.name(), type);
                } else {
                    Map<String, Object> spelledOut = new LinkedHashMap<>();
                    spelledOut.put(TYPE, type);
                    spelledOut.put(COLLATION, attribute.collation());
                    attributes.put(attribute.name(), spelledOut);
                }
            }
            yaml.put(ATTRIBUTES, attributes);
        }
        putIfPresent(yaml, COMMENT, compositeType.comment());
        putIfPresent(yaml, RENAMED_FROM, compositeType.renamedFrom());
        return yaml;
    }

    private static Object view(View view) {
        if (!view.materialized() && view.comment() == null && view.triggers().isEmpty() && view.rules().isEmpty()
                && view.options().isEmpty()) {
            return view.definition();
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(QUERY, view.definition());
        putIfTrue(yaml, MATERIALIZED, view.materialized());
        putIfNotEmpty(yaml, INDEXES, view.indexes().stream().map(SchemaObjectWriter::viewIndex).toList());
        if (!view.triggers().isEmpty()) {
            Map<String, Object> triggers = new LinkedHashMap<>();
            view.triggers().forEach(trigger -> triggers.put(trigger.name(), YamlSchemaWriter.trigger(trigger)));
            yaml.put(TRIGGERS, triggers);
        }
        if (!view.rules().isEmpty()) {
            Map<String, Object> rules = new LinkedHashMap<>();
            view.rules().forEach(rule -> rules.put(rule.name(), YamlSchemaWriter.rule(rule)));
            yaml.put(RULES, rules);
        }
        if (!view.options().isEmpty()) {
            Map<String, Object> options = new LinkedHashMap<>();
            view.options().forEach(option -> options.put(StorageParameters.name(option), StorageParameters.value(option)));
            yaml.put(OPTIONS, options);
        }
        putIfPresent(yaml, COMMENT, view.comment());
        return yaml;
    }

    /** Provider left out when it is libc, PostgreSQL's default; deterministic only when it is not. */
    private static Object collation(Collation collation) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        if (collation.provider() != Collation.Provider.LIBC) {
            yaml.put(PROVIDER, collation.provider().sql());
        }
        putIfPresent(yaml, LOCALE, collation.locale());
        putIfPresent(yaml, LC_COLLATE, collation.lcCollate());
        putIfPresent(yaml, LC_CTYPE, collation.lcCtype());
        if (!collation.deterministic()) {
            yaml.put(DETERMINISTIC, false);
        }
        putIfPresent(yaml, COMMENT, collation.comment());
        return yaml;
    }

    private static Object viewIndex(Index index) {
        return YamlSchemaWriter.index(new IndexDef(index.name(), index.unique(), index.method(), index.keys(), index.include(),
                index.predicate(), index.nullsNotDistinct(), index.storageParameters(), index.comment(), null));
    }

    private static Object routine(Routine routine) {
        if (routine.comment() == null) {
            return routine.definition();
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(DEFINITION, routine.definition());
        yaml.put(COMMENT, routine.comment());
        return yaml;
    }

    /** The type's SQL spelling, checked to read back as the same type. */
    static String type(DataType type, String what) {
        String sql = type.sql();
        if (!ColumnShortForm.parseType(sql).equals(type)) {
            throw new IllegalArgumentException("the type of " + what + " (" + type + ") reads back differently from YAML;"
                    + " it cannot be written");
        }
        return sql;
    }
}
