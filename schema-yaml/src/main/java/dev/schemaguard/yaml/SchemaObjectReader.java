package dev.schemaguard.yaml;

import static dev.schemaguard.yaml.YamlKeys.*;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.RangeType;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.View;
import dev.schemaguard.yaml.SqlWords.Word;
import dev.schemaguard.yaml.TableDefinition.IndexDef;
import dev.schemaguard.yaml.YamlNode.Entry;
import dev.schemaguard.yaml.YamlNode.ListNode;
import dev.schemaguard.yaml.YamlNode.MapNode;
import dev.schemaguard.yaml.YamlNode.ScalarNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the objects of a schema other than tables (sequences, enums, domains, composite types, views,
 * functions, procedures, aggregates, collations) and the database's extensions, one YAML entry at a time, every error
 * placed at the YAML that caused it.
 */
final class SchemaObjectReader {

    /** The section a routine is listed in, by its kind. */
    static final Map<Routine.Kind, String> ROUTINE_SECTIONS = Map.of(
            Routine.Kind.FUNCTION, FUNCTIONS, Routine.Kind.PROCEDURE, PROCEDURES);

    private SchemaObjectReader() {
    }

    private static String what(String kind, String schema, String name) {
        return kind + " " + QualifiedName.of(schema, name);
    }

    /** {@code extensions: [pgcrypto]} or {@code extensions: {pgcrypto: {schema: public, version: "1.3"}}}: entries with their positions. */
    static List<Placed<Extension>> extensions(YamlNode node) {
        List<Placed<Extension>> extensions = new ArrayList<>();
        if (node instanceof ListNode list) {
            for (YamlNode item : list.items()) {
                String name = Nodes.requiredText(item, "an extension name in 'extensions'");
                extensions.add(new Placed<>(Nodes.build(item.position(), "extension " + name,
                        () -> new Extension(name, null, null)), item.position()));
            }
            return extensions;
        }
        for (Entry entry : Nodes.map(node, "'extensions' (a list of names, or names to {schema, version})").entries().values()) {
            String what = "extension " + entry.key();
            Fields fields = Fields.of(entry.value(), EXTENSION_KEYS, what);
            Extension extension = Nodes.build(entry.keyPosition(), what,
                    () -> new Extension(entry.key(), fields.text(SCHEMA), fields.text(VERSION)));
            extensions.add(new Placed<>(extension, entry.keyPosition()));
        }
        return extensions;
    }

    /** {@code order_no: {type: bigint, start: 1000, increment: 10, owned_by: orders.no}}; nothing after the name means all defaults. */
    static Sequence sequence(String schema, Entry entry) {
        String what = what("sequence", schema, entry.key());
        Fields fields = Fields.of(entry.value(), SEQUENCE_KEYS, what);
        DataType type = fields.has(TYPE) ? type(fields, TYPE) : null;
        SequenceOptions options = new SequenceOptions(fields.number(START), fields.number(INCREMENT), fields.number(MIN),
                fields.number(MAX), fields.number(CACHE), fields.bool(CYCLE, false));
        String ownedByTable = null;
        String ownedByColumn = null;
        if (fields.has(OWNED_BY)) {
            try {
                SqlWords.Scanner scanner = new SqlWords.Scanner(fields.requiredText(OWNED_BY));
                ownedByTable = scanner.identifier();
                scanner.expect('.');
                ownedByColumn = scanner.identifier();
                if (!scanner.atEnd()) {
                    throw new IllegalArgumentException("unexpected text after the column");
                }
            } catch (IllegalArgumentException e) {
                throw fields.error(OWNED_BY, "'owned_by' of " + what + ": " + e.getMessage()
                        + "; expected table.column of a table in the same schema, e.g. orders.no");
            }
        }
        String table = ownedByTable;
        String column = ownedByColumn;
        return Nodes.build(entry.keyPosition(), what,
                () -> new Sequence(entry.key(), type, options, table, column, fields.text(COMMENT)));
    }

    /** {@code mood: [sad, ok, happy]} or {@code mood: {values: [...], comment: ...}}. */
    static EnumType enumType(String schema, Entry entry) {
        String what = what("enum", schema, entry.key());
        YamlNode values = entry.value();
        String comment = null;
        String renamedFrom = null;
        if (entry.value() instanceof MapNode) {
            Fields fields = Fields.of(entry.value(), ENUM_KEYS, what);
            renamedFrom = TableReader.renamedFrom(fields);
            values = fields.node(VALUES);
            if (values == null) {
                throw new YamlSchemaException(fields.position(), what + " needs 'values', e.g. values: [sad, ok, happy]");
            }
            comment = fields.text(COMMENT);
        }
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode item : Nodes.list(values, "the values of " + what)) {
            String label = Nodes.requiredText(item, "a value of " + what);
            if (!seen.add(label)) {
                throw Nodes.error(item, what + " lists the value '" + label + "' twice; each value may appear once");
            }
            labels.add(label);
        }
        String text = comment;
        String oldName = renamedFrom;
        return Nodes.build(entry.keyPosition(), what, () -> new EnumType(entry.key(), labels, text, oldName));
    }

    /** {@code email: text}, or {@code email: {type: text, not_null: true, checks: {email_check: "VALUE ~ '@'"}}}. */
    static Domain domain(String schema, Entry entry) {
        String what = what("domain", schema, entry.key());
        if (entry.value() instanceof ScalarNode scalar && !scalar.isNull()) {
            DataType type = type(entry.value(), what);
            return Nodes.build(entry.keyPosition(), what, () -> new Domain(entry.key(), type, false, null, null, List.of(), null, java.util.Map.of(), null));
        }
        Fields fields = Fields.of(entry.value(), DOMAIN_KEYS, what);
        if (!fields.has(TYPE)) {
            throw new YamlSchemaException(fields.position(), what + " needs 'type', its base type, e.g. type: text");
        }
        DataType type = type(fields, TYPE);
        String collation = collation(fields);
        List<CheckConstraint> checks = new ArrayList<>();
        YamlNode checksNode = fields.node(CHECKS);
        if (checksNode != null) {
            for (Entry check : Nodes.map(checksNode, "the checks of " + what + " (constraint names to expressions on VALUE)").entries().values()) {
                String checkWhat = "check " + check.key() + " of " + what;
                SqlText.EXPRESSION.check(check.value(), Nodes.text(check.value(), checkWhat), checkWhat);
                String expression = Nodes.requiredText(check.value(), checkWhat + " (an expression on VALUE, e.g. VALUE > 0)");
                checks.add(Nodes.build(check.keyPosition(), checkWhat, () -> new CheckConstraint(check.key(), expression, false, false, null)));
            }
        }
        String defaultExpression = SqlText.DEFAULT.text(fields, DEFAULT);
        return Nodes.build(entry.keyPosition(), what, () -> new Domain(entry.key(), type, fields.bool(NOT_NULL, false),
                defaultExpression, collation, checks, fields.text(COMMENT), TableReader.constraintComments(fields),
                TableReader.renamedFrom(fields)));
    }

    /**
     * {@code uuidrange: uuid}, or {@code floatrange: {subtype: float8, subtype_diff: float8mi, comment: ...}} with
     * any of {@code subtype_opclass}, {@code collation}, {@code canonical}, {@code multirange_type_name}.
     */
    static RangeType rangeType(String schema, Entry entry) {
        String what = what("range type", schema, entry.key());
        if (!(entry.value() instanceof MapNode)) {
            DataType subtype = type(entry.value(), what);
            return Nodes.build(entry.keyPosition(), what, () -> RangeType.of(entry.key(), subtype));
        }
        Fields fields = Fields.of(entry.value(), RANGE_TYPE_KEYS, what);
        if (!fields.has(SUBTYPE)) {
            throw new YamlSchemaException(fields.position(), what + " needs 'subtype', the type of its bounds");
        }
        DataType subtype = type(fields, SUBTYPE);
        String collation = collation(fields);
        return Nodes.build(entry.keyPosition(), what, () -> new RangeType(entry.key(), subtype,
                fields.text(SUBTYPE_OPCLASS), collation, fields.text(CANONICAL), fields.text(SUBTYPE_DIFF),
                fields.text(MULTIRANGE_TYPE_NAME), fields.text(COMMENT), TableReader.renamedFrom(fields)));
    }

    /** {@code address: {attributes: {street: text, city: {type: text, collation: '"C"'}}, comment: ...}}. */
    static CompositeType compositeType(String schema, Entry entry) {
        String what = what("composite type", schema, entry.key());
        Fields fields = Fields.of(entry.value(), COMPOSITE_TYPE_KEYS, what);
        List<CompositeType.Attribute> attributes = new ArrayList<>();
        YamlNode attributesNode = fields.node(ATTRIBUTES);
        if (attributesNode != null) {
            for (Entry attribute : Nodes.map(attributesNode, "the attributes of " + what + " (names to types)").entries().values()) {
                String attributeWhat = "attribute " + attribute.key() + " of " + what;
                DataType type;
                String collation = null;
                if (attribute.value() instanceof MapNode) {
                    Fields long_ = Fields.of(attribute.value(), ATTRIBUTE_KEYS, attributeWhat);
                    if (!long_.has(TYPE)) {
                        throw new YamlSchemaException(long_.position(), attributeWhat + " needs 'type'");
                    }
                    type = type(long_, TYPE);
                    collation = collation(long_);
                } else {
                    type = type(attribute.value(), attributeWhat);
                }
                String attributeCollation = collation;
                attributes.add(Nodes.build(attribute.keyPosition(), what,
                        () -> new CompositeType.Attribute(attribute.key(), type, attributeCollation)));
            }
        }
        return Nodes.build(entry.keyPosition(), what, () -> new CompositeType(entry.key(), attributes, fields.text(COMMENT),
                TableReader.renamedFrom(fields)));
    }

    /**
     * {@code active_users: SELECT ...} (a view), or {@code {query: ..., materialized: true, indexes: [...], triggers: {...},
     * comment: ...}}. Indexes of a materialized view always carry their name; triggers are for plain views.
     */
    static View view(String schema, Entry entry) {
        String what = what("view", schema, entry.key());
        if (entry.value() instanceof ScalarNode) {
            SqlText.QUERY.check(entry.value(), Nodes.text(entry.value(), what), what);
            String query = Nodes.requiredText(entry.value(), what + " (its SELECT query)");
            return Nodes.build(entry.keyPosition(), what, () -> new View(entry.key(), false, query, List.of(), null, List.of(), List.of(), List.of()));
        }
        Fields fields = Fields.of(entry.value(), VIEW_KEYS, what);
        boolean materialized = fields.bool(MATERIALIZED, false);
        String kindWhat = what(materialized ? "materialized view" : "view", schema, entry.key());
        List<Index> indexes = new ArrayList<>();
        YamlNode indexesNode = fields.node(INDEXES);
        if (indexesNode != null) {
            if (!materialized) {
                throw fields.error(INDEXES, what + " has indexes, but only a materialized view can; add 'materialized: true'"
                        + " or remove 'indexes'");
            }
            Set<String> names = new HashSet<>();
            for (YamlNode item : Nodes.list(indexesNode, "'indexes' of " + kindWhat)) {
                IndexDef index = TableReader.index(item, kindWhat);
                if (index.name() == null) {
                    throw Nodes.error(item, "an index of " + kindWhat + " needs 'name'; indexes of materialized views"
                            + " are always named in this format");
                }
                if (!names.add(index.name())) {
                    throw Nodes.error(item, kindWhat + " declares index " + index.name() + " twice");
                }
                indexes.add(Nodes.build(item.position(), "an index of " + kindWhat, () -> new Index(index.name(),
                        index.unique(), index.method(), index.keys(), index.include(), index.predicate(), index.nullsNotDistinct(),
                        index.storageParameters(), index.comment(), null, true)));
            }
        }
        if (materialized && fields.has(TRIGGERS)) {
            throw fields.error(TRIGGERS, kindWhat + " has triggers, but PostgreSQL allows triggers on tables and plain"
                    + " views only; remove 'triggers' or 'materialized: true'");
        }
        List<Trigger> triggers = TableReader.triggers(fields, kindWhat);
        List<Rule> rules = TableReader.rules(fields, kindWhat);
        if (!fields.has(QUERY)) {
            throw new YamlSchemaException(fields.position(), kindWhat + " needs 'query', its SELECT statement");
        }
        String query = SqlText.QUERY.requiredText(fields, QUERY);
        return Nodes.build(entry.keyPosition(), kindWhat,
                () -> new View(entry.key(), materialized, query, indexes, fields.text(COMMENT), triggers,
                        fields.parameters(OPTIONS), rules));
    }

    /**
     * {@code numeric: {provider: icu, locale: en-u-kn-true}}, {@code posix: {locale: POSIX}} (provider libc, as in
     * PostgreSQL), {@code mixed: {lc_collate: C, lc_ctype: POSIX}}, optionally with {@code deterministic: false}
     * (ICU only) and a comment.
     */
    static Collation collation(String schema, Entry entry) {
        String what = what("collation", schema, entry.key());
        Fields fields = Fields.of(entry.value(), COLLATION_KEYS, what);
        Collation.Provider provider = Collation.Provider.LIBC;
        if (fields.has(PROVIDER)) {
            String spelled = fields.requiredText(PROVIDER);
            provider = Arrays.stream(Collation.Provider.values()).filter(p -> p.sql().equalsIgnoreCase(spelled)).findFirst()
                    .orElseThrow(() -> fields.error(PROVIDER, "'provider' of " + what + " is '" + spelled
                            + "'; expected libc, icu or builtin"));
        }
        Collation.Provider chosen = provider;
        return Nodes.build(entry.keyPosition(), what, () -> new Collation(entry.key(), chosen, fields.text(LOCALE),
                fields.text(LC_COLLATE), fields.text(LC_CTYPE), fields.bool(DETERMINISTIC, true), fields.text(COMMENT)));
    }

    /**
     * A routine of section {@code kind}: the key is its signature as PostgreSQL spells it, {@code add(integer, integer)}
     * (a bare name means no arguments), the value its complete {@code CREATE OR REPLACE} statement, or a map with
     * definition and comment.
     */
    static Routine routine(String schema, Routine.Kind kind, Entry entry) {
        String section = ROUTINE_SECTIONS.get(kind);
        String name;
        String arguments;
        try {
            SqlWords.Scanner scanner = new SqlWords.Scanner(entry.key());
            name = scanner.identifier();
            if (scanner.atEnd()) {
                arguments = "";
            } else {
                scanner.expect('(');
                String rest = scanner.rest().strip();
                if (!rest.endsWith(")")) {
                    throw new IllegalArgumentException("the argument list does not end with ')'");
                }
                arguments = rest.substring(0, rest.length() - 1).strip();
                if (!arguments.isEmpty()) {
                    SqlText.EXPRESSION_LIST.check(arguments, "the argument list");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new YamlSchemaException(entry.keyPosition(), "'" + entry.key() + "' in '" + section + "' of schema " + schema
                    + " is not a signature: " + e.getMessage() + "; expected the name and argument types as PostgreSQL"
                    + " prints them, e.g. add(a integer, b integer), or a bare name for no arguments");
        }
        String what = kind.name().toLowerCase(Locale.ROOT) + " " + QualifiedName.of(schema, name) + "(" + arguments + ")";
        String definition;
        String comment = null;
        if (entry.value() instanceof MapNode) {
            Fields fields = Fields.of(entry.value(), ROUTINE_KEYS, what);
            definition = SqlText.ROUTINE.requiredText(fields, DEFINITION);
            comment = fields.text(COMMENT);
        } else {
            definition = SqlText.ROUTINE.check(entry.value(),
                    Nodes.requiredText(entry.value(), what + " (its complete CREATE OR REPLACE statement)"), what);
        }
        if (createsAggregate(definition)) {
            throw Nodes.error(entry.value(), "the definition of " + what + " creates an aggregate; declare it under '"
                    + AGGREGATES + "' with its options (sfunc, stype, ...) instead");
        }
        Routine.Kind created = createdKind(definition);
        if (created != null && created != kind) {
            throw Nodes.error(entry.value(), "the definition of " + what + " creates a " + created.name().toLowerCase(Locale.ROOT)
                    + ", but it is listed under '" + section + "'; move it to '" + ROUTINE_SECTIONS.get(created) + "'");
        }
        String text = comment;
        return Nodes.build(entry.keyPosition(), what, () -> new Routine(name, arguments, kind, definition, text));
    }

    /** Whether the text starts with {@code CREATE [OR REPLACE] AGGREGATE}. */
    private static boolean createsAggregate(String definition) {
        List<Word> words;
        try {
            words = SqlWords.split(definition);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int i = words.size() > 2 && words.get(1).is("or") && words.get(2).is("replace") ? 3 : 1;
        return !words.isEmpty() && words.get(0).is("create") && i < words.size() && words.get(i).is("aggregate");
    }

    /** FUNCTION or PROCEDURE from {@code CREATE [OR REPLACE] <kind> ...}; null when the text does not start so. */
    private static Routine.Kind createdKind(String definition) {
        List<Word> words;
        try {
            words = SqlWords.split(definition);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int i = 0;
        if (words.isEmpty() || !words.get(i++).is("create")) {
            return null;
        }
        if (i + 1 < words.size() && words.get(i).is("or") && words.get(i + 1).is("replace")) {
            i += 2;
        }
        if (i >= words.size()) {
            return null;
        }
        for (Routine.Kind kind : Routine.Kind.values()) {
            if (words.get(i).is(kind.name())) {
                return kind;
            }
        }
        return null;
    }

    private static DataType type(Fields fields, String key) {
        try {
            return ColumnShortForm.parseType(fields.requiredText(key));
        } catch (IllegalArgumentException e) {
            throw fields.error(key, fields.what() + ": " + e.getMessage());
        }
    }

    private static DataType type(YamlNode node, String what) {
        try {
            return ColumnShortForm.parseType(Nodes.requiredText(node, "the type of " + what));
        } catch (IllegalArgumentException e) {
            throw Nodes.error(node, what + ": " + e.getMessage());
        }
    }

    private static String collation(Fields fields) {
        if (!fields.has(COLLATION)) {
            return null;
        }
        try {
            return SqlWords.canonicalName(fields.requiredText(COLLATION));
        } catch (IllegalArgumentException e) {
            throw fields.error(COLLATION, fields.what() + ": " + e.getMessage());
        }
    }

    /** An object read from YAML and where its name was written, for messages about duplicates. */
    record Placed<T>(T object, Position position) {
    }
}
