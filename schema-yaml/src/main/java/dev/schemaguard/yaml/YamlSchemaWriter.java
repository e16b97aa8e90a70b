package dev.schemaguard.yaml;

import static dev.schemaguard.yaml.YamlKeys.*;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.ReplicaIdentity;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.yaml.TableDefinition.CheckDef;
import dev.schemaguard.yaml.TableDefinition.ForeignKeyDef;
import dev.schemaguard.yaml.TableDefinition.IndexDef;
import dev.schemaguard.yaml.TableDefinition.UniqueDef;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes a model as the YAML {@link YamlSchemaReader} reads, for committing to a repository: extensions,
 * schemas, tables and every other object sorted by name, columns in table order, keys in a fixed order, names left out where the reader
 * derives the same default, columns on one line where the short form says it all, nothing that is default.
 * Reading the output gives back an equal model (with schemas and tables sorted by name).
 */
public final class YamlSchemaWriter {

    // Checked once per write: each type, and each column with what is written on it (an id or a created_at spelled
    // alike in many tables), since reading back a column's short form costs more than all the rest of writing it.
    private final Set<DataType> typesThatReadBack = new HashSet<>();
    private final Map<ShortFormQuestion, Optional<String>> shortForms = new HashMap<>();

    /** What {@link ColumnShortForm#render} is asked about a column. */
    private record ShortFormQuestion(Column column, boolean inPrimaryKey, boolean primaryKey, boolean unique,
                                     ForeignKeyDef references, String schema) {
    }

    private YamlSchemaWriter() {
    }

    /**
     * The YAML for {@code database}. Its {@link Database#dependencies()} are left out: they are what
     * introspection finds between objects, not something a schema declares.
     *
     * @throws IllegalArgumentException when a part of the model has no spelling that reads back the same (a type
     *                                  the YAML type parser reads differently, a NO INHERIT check on a domain)
     */
    public static String write(Database database) {
        StringWriter text = new StringWriter();
        try {
            write(database, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter throws none
        }
        return text.toString();
    }

    /**
     * Writes the YAML for {@code database} to {@code writer} as it is made, one table at a time, without holding
     * the whole text; the same text as {@link #write(Database)}. The writer is neither flushed nor closed.
     *
     * @throws IllegalArgumentException when a part of the model has no spelling that reads back the same; the
     *                                  text before that part may have been written
     */
    public static void write(Database database, Writer writer) throws IOException {
        YamlSchemaWriter schemaWriter = new YamlSchemaWriter();
        Map<String, Object> root = new LinkedHashMap<>();
        if (!database.extensions().isEmpty()) {
            root.put(EXTENSIONS, SchemaObjectWriter.extensions(database.extensions()));
        }
        if (!database.casts().isEmpty()) {
            root.put(CASTS, AggregateYaml.writeCasts(database.casts()));
        }
        if (!database.publications().isEmpty()) {
            root.put(PUBLICATIONS, PublicationYaml.write(database.publications()));
        }
        if (!database.foreignDataWrappers().isEmpty()) {
            root.put(FOREIGN_DATA_WRAPPERS, ForeignDataYaml.writeWrappers(database.foreignDataWrappers()));
        }
        if (!database.foreignServers().isEmpty()) {
            root.put(SERVERS, ForeignDataYaml.writeServers(database.foreignServers()));
        }
        Map<String, Object> schemas = new LinkedHashMap<>();
        database.schemas().stream().sorted(Comparator.comparing(Schema::name))
                .forEach(schema -> schemas.put(schema.name(), later(() -> schemaWriter.schema(schema))));
        root.put(SCHEMAS, schemas);
        YamlEmitter.emit(root, writer);
    }

    /** A value the emitter makes when it reaches it, so that only the part being written is in memory. */
    private static Supplier<Object> later(Supplier<Object> value) {
        return value;
    }

    private Map<String, Object> schema(Schema schema) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        putIfPresent(yaml, COMMENT, schema.comment());
        putIfPresent(yaml, RENAMED_FROM, schema.renamedFrom()); // only from a declared model, as for tables
        if (!schema.tables().isEmpty()) {
            Map<String, Object> tables = new LinkedHashMap<>();
            schema.tables().stream().sorted(Comparator.comparing(Table::name))
                    .forEach(table -> tables.put(table.name(), later(() -> table(schema.name(), table))));
            yaml.put(TABLES, tables);
        }
        SchemaObjectWriter.write(schema, yaml);
        return yaml;
    }

    private Map<String, Object> table(String schema, Table table) {
        TableDefinition definition = TableDefinition.of(table);
        Map<String, Object> yaml = new LinkedHashMap<>();
        putIfPresent(yaml, RENAMED_FROM, table.renamedFrom()); // only from a declared model: introspection has none
        putIfPresent(yaml, COMMENT, table.comment());
        Set<String> uniqueColumns = new HashSet<>();
        definition.uniques().stream().filter(UniqueDef::onColumn).forEach(u -> uniqueColumns.add(u.columns().get(0)));
        Map<String, ForeignKeyDef> references = new HashMap<>();
        definition.foreignKeys().stream().filter(ForeignKeyDef::onColumn).forEach(f -> references.putIfAbsent(f.columns().get(0), f));
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            columns.put(column.name(), column(schema, definition, column, uniqueColumns.contains(column.name()),
                    references.get(column.name())));
        }
        if (!columns.isEmpty()) {
            yaml.put(COLUMNS, columns);
        }
        var primaryKey = definition.primaryKey();
        if (primaryKey != null && !primaryKey.onColumn()) {
            if (primaryKey.name() == null && primaryKey.renamedFrom() == null) {
                yaml.put(PRIMARY_KEY, primaryKey.columns());
            } else {
                Map<String, Object> key = new LinkedHashMap<>();
                putIfPresent(key, NAME, primaryKey.name());
                key.put(COLUMNS, primaryKey.columns());
                putIfPresent(key, RENAMED_FROM, primaryKey.renamedFrom());
                yaml.put(PRIMARY_KEY, key);
            }
        }
        putIfNotEmpty(yaml, UNIQUE, definition.uniques().stream().filter(u -> !u.onColumn()).map(YamlSchemaWriter::unique).toList());
        putIfNotEmpty(yaml, FOREIGN_KEYS, definition.foreignKeys().stream().filter(f -> !f.onColumn())
                .map(f -> foreignKey(schema, f)).toList());
        putIfNotEmpty(yaml, CHECKS, definition.checks().stream().map(YamlSchemaWriter::check).toList());
        putIfNotEmpty(yaml, INDEXES, definition.indexes().stream().map(YamlSchemaWriter::index).toList());
        if (!table.rowSecurity().equals(RowSecurity.OFF)) {
            yaml.put(ROW_LEVEL_SECURITY, rowSecurity(table.rowSecurity()));
        }
        if (!table.policies().isEmpty()) {
            Map<String, Object> policies = new LinkedHashMap<>();
            table.policies().forEach(policy -> policies.put(policy.name(), policy(policy)));
            yaml.put(POLICIES, policies);
        }
        if (!table.exclusionConstraints().isEmpty()) {
            Map<String, Object> exclusions = new LinkedHashMap<>();
            table.exclusionConstraints().forEach(exclusion -> exclusions.put(exclusion.name(), exclusion.renamedFrom() == null
                    ? exclusion.definition() : exclusionLong(exclusion)));
            yaml.put(EXCLUDE, exclusions);
        }
        if (!table.triggers().isEmpty()) {
            Map<String, Object> triggers = new LinkedHashMap<>();
            table.triggers().forEach(trigger -> triggers.put(trigger.name(), trigger(trigger)));
            yaml.put(TRIGGERS, triggers);
        }
        if (!table.rules().isEmpty()) {
            Map<String, Object> rules = new LinkedHashMap<>();
            table.rules().forEach(rule -> rules.put(rule.name(), rule(rule)));
            yaml.put(RULES, rules);
        }
        if (table.partitioning() != null) {
            yaml.put(PARTITION_BY, table.partitioning().strategy().name().toLowerCase(Locale.ROOT)
                    + " (" + table.partitioning().key() + ")");
        }
        if (table.partitionOf() != null) {
            Map<String, Object> partitionOf = new LinkedHashMap<>();
            partitionOf.put(PARENT, SqlWords.renderName(table.partitionOf().parent(), schema));
            partitionOf.put(BOUND, table.partitionOf().bound());
            yaml.put(PARTITION_OF, partitionOf);
        }
        putIfTrue(yaml, UNLOGGED, table.unlogged());
        if (!table.inherits().isEmpty()) {
            yaml.put(INHERITS, table.inherits().stream().map(parent -> SqlWords.renderName(parent, schema)).toList());
        }
        putParameters(yaml, table.storageParameters());
        if (!table.constraintComments().isEmpty()) {
            yaml.put(CONSTRAINT_COMMENTS, new LinkedHashMap<>(table.constraintComments()));
        }
        if (!table.replicaIdentity().equals(ReplicaIdentity.DEFAULT)) {
            yaml.put(REPLICA_IDENTITY, table.replicaIdentity().sql().toLowerCase(Locale.ROOT).startsWith("using index")
                    ? "using index " + Identifiers.quote(table.replicaIdentity().index())
                    : table.replicaIdentity().sql().toLowerCase(Locale.ROOT));
        }
        if (table.isForeign()) {
            yaml.put(FOREIGN, ForeignDataYaml.writeTable(table.foreign()));
        }
        return yaml;
    }

    /** {@code storage_parameters: {fillfactor: '70'}}: values as text, as pg_class.reloptions holds them. */
    static void putParameters(Map<String, Object> yaml, List<String> parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            map.put(parameter.substring(0, equals), parameter.substring(equals + 1));
        }
        yaml.put(STORAGE_PARAMETERS, map);
    }

    static Object trigger(Trigger trigger) {
        return firing(trigger.definition(), trigger.firing(), trigger.comment());
    }

    static Object rule(Rule rule) {
        return firing(rule.definition(), rule.firing(), rule.comment());
    }

    /** A trigger or rule: its statement alone, or a map when it fires otherwise or has a comment. */
    private static Object firing(String definition, Trigger.Firing firing, String comment) {
        if (firing == Trigger.Firing.ORIGIN && comment == null) {
            return definition;
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(DEFINITION, definition);
        switch (firing) {
            case DISABLED -> yaml.put(ENABLED, false);
            case ALWAYS -> yaml.put(ENABLED, "always");
            case REPLICA -> yaml.put(ENABLED, "replica");
            default -> {
            }
        }
        putIfPresent(yaml, COMMENT, comment);
        return yaml;
    }

    /** {@code unique} and {@code references}: the unique constraint and the foreign key written on this column. */
    private Object column(String schema, TableDefinition definition, Column column, boolean unique, ForeignKeyDef references) {
        String name = column.name();
        boolean inPrimaryKey = definition.primaryKey() != null && definition.primaryKey().columns().contains(name);
        boolean primaryKey = inPrimaryKey && definition.primaryKey().onColumn();
        if (column.renamedFrom() == null) { // the short form has no place for a former name
            ShortFormQuestion question = new ShortFormQuestion(column, inPrimaryKey, primaryKey, unique, references, schema);
            Optional<String> shortForm = shortForms.get(question);
            if (shortForm == null) {
                requireTypeReadsBack(column, definition);
                shortForm = Optional.ofNullable(ColumnShortForm.render(column, inPrimaryKey, primaryKey, unique, references, schema));
                shortForms.put(question, shortForm);
            }
            if (shortForm.isPresent()) {
                return shortForm.get(); // its type was checked with the first column asked about
            }
        }
        requireTypeReadsBack(column, definition);
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(TYPE, column.type().sql());
        if (!column.nullable() && !ColumnShortForm.notNullImplied(column, inPrimaryKey)) {
            yaml.put(NOT_NULL, true);
        }
        putIfPresent(yaml, DEFAULT, column.defaultExpression());
        if (column.identity() != null) {
            yaml.put(IDENTITY, identity(column.identity()));
        }
        putIfPresent(yaml, GENERATED, column.generatedExpression());
        putIfPresent(yaml, COLLATION, column.collation());
        if (column.storage() != null) {
            yaml.put(STORAGE, column.storage().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (column.compression() != null) {
            yaml.put(COMPRESSION, column.compression().sql());
        }
        if (primaryKey) {
            yaml.put(PRIMARY_KEY, true);
        }
        if (unique) {
            yaml.put(UNIQUE, true);
        }
        if (references != null) {
            String text = SqlWords.renderReference(references.table(), references.referencedColumns(), schema);
            if (references.onUpdate() != ForeignKey.ReferentialAction.NO_ACTION) {
                text += " on update " + action(references.onUpdate());
            }
            if (references.onDelete() != ForeignKey.ReferentialAction.NO_ACTION) {
                text += " on delete " + action(references.onDelete());
            }
            yaml.put(REFERENCES, text);
        }
        putIfPresent(yaml, COMMENT, column.comment());
        putIfPresent(yaml, RENAMED_FROM, column.renamedFrom());
        return yaml;
    }

    private void requireTypeReadsBack(Column column, TableDefinition definition) {
        if (typesThatReadBack.contains(column.type())) {
            return;
        }
        if (!ColumnShortForm.parseType(column.type().sql()).equals(column.type())) {
            throw new IllegalArgumentException("the type of column " + column.name() + " of table " + definition.name()
                    + " (" + column.type() + ") reads back differently from YAML; it cannot be written");
        }
        typesThatReadBack.add(column.type());
    }

    private static Object identity(Identity identity) {
        String generation = identity.generation().sql().toLowerCase(Locale.ROOT);
        SequenceOptions sequence = identity.sequence();
        if (sequence.isDefault()) {
            return generation;
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(GENERATION, generation);
        putIfPresent(yaml, START, sequence.start());
        putIfPresent(yaml, INCREMENT, sequence.increment());
        putIfPresent(yaml, MIN, sequence.minValue());
        putIfPresent(yaml, MAX, sequence.maxValue());
        putIfPresent(yaml, CACHE, sequence.cache());
        if (sequence.cycle()) {
            yaml.put(CYCLE, true);
        }
        return yaml;
    }

    private static Map<String, Object> exclusionLong(dev.schemaguard.model.ExclusionConstraint exclusion) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(DEFINITION, exclusion.definition());
        yaml.put(RENAMED_FROM, exclusion.renamedFrom());
        return yaml;
    }

    private static Object unique(UniqueDef unique) {
        if (unique.name() == null && !unique.nullsNotDistinct() && !unique.deferrable() && unique.renamedFrom() == null) {
            return unique.columns();
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        putIfPresent(yaml, NAME, unique.name());
        yaml.put(COLUMNS, unique.columns());
        putIfTrue(yaml, NULLS_NOT_DISTINCT, unique.nullsNotDistinct());
        putIfTrue(yaml, DEFERRABLE, unique.deferrable() && !unique.initiallyDeferred());
        putIfTrue(yaml, INITIALLY_DEFERRED, unique.initiallyDeferred());
        putIfPresent(yaml, RENAMED_FROM, unique.renamedFrom());
        return yaml;
    }

    private static Object foreignKey(String schema, ForeignKeyDef foreignKey) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        putIfPresent(yaml, NAME, foreignKey.name());
        yaml.put(COLUMNS, foreignKey.columns());
        yaml.put(REFERENCES, SqlWords.renderReference(foreignKey.table(), foreignKey.referencedColumns(), schema));
        if (foreignKey.onUpdate() != ForeignKey.ReferentialAction.NO_ACTION) {
            yaml.put(ON_UPDATE, action(foreignKey.onUpdate()));
        }
        if (foreignKey.onDelete() != ForeignKey.ReferentialAction.NO_ACTION) {
            yaml.put(ON_DELETE, action(foreignKey.onDelete()));
        }
        if (foreignKey.match() != ForeignKey.MatchType.SIMPLE) {
            yaml.put(MATCH, foreignKey.match().name().toLowerCase(Locale.ROOT));
        }
        putIfTrue(yaml, DEFERRABLE, foreignKey.deferrable() && !foreignKey.initiallyDeferred());
        putIfTrue(yaml, INITIALLY_DEFERRED, foreignKey.initiallyDeferred());
        putIfTrue(yaml, NOT_VALID, foreignKey.notValid());
        putIfPresent(yaml, RENAMED_FROM, foreignKey.renamedFrom());
        return yaml;
    }

    private static String action(ForeignKey.ReferentialAction action) {
        return action.sql().toLowerCase(Locale.ROOT);
    }

    private static Object check(CheckDef check) {
        if (check.name() == null && !check.noInherit() && !check.notValid() && check.renamedFrom() == null) {
            return check.expression();
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        putIfPresent(yaml, NAME, check.name());
        yaml.put(EXPRESSION, check.expression());
        putIfTrue(yaml, NO_INHERIT, check.noInherit());
        putIfTrue(yaml, NOT_VALID, check.notValid());
        putIfPresent(yaml, RENAMED_FROM, check.renamedFrom());
        return yaml;
    }

    static Object index(IndexDef index) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        putIfPresent(yaml, NAME, index.name());
        yaml.put(COLUMNS, index.keys().stream().map(YamlSchemaWriter::indexKey).toList());
        putIfTrue(yaml, UNIQUE, index.unique());
        if (!index.method().equals("btree")) {
            yaml.put(METHOD, index.method());
        }
        putIfNotEmpty(yaml, INCLUDE, index.include());
        putIfPresent(yaml, WHERE, index.predicate());
        putIfTrue(yaml, NULLS_NOT_DISTINCT, index.nullsNotDistinct());
        putParameters(yaml, index.storageParameters());
        putIfPresent(yaml, COMMENT, index.comment());
        putIfPresent(yaml, RENAMED_FROM, index.renamedFrom());
        return yaml;
    }

    private static Object indexKey(IndexKey key) {
        if (!key.isExpression() && !key.descending() && !key.hasNonDefaultNulls() && key.opclass() == null) {
            return key.column();
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        if (key.isExpression()) {
            yaml.put(EXPRESSION, key.expression());
        } else {
            yaml.put(COLUMN, key.column());
        }
        if (key.descending()) {
            yaml.put(ORDER, "desc");
        }
        if (key.hasNonDefaultNulls()) {
            yaml.put(NULLS, key.nullsFirst() ? "first" : "last");
        }
        putIfPresent(yaml, OPCLASS, key.opclass());
        return yaml;
    }

    private static Object rowSecurity(RowSecurity rowSecurity) {
        if (rowSecurity.enabled()) {
            return rowSecurity.forced() ? "forced" : "enabled";
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(ENABLED, false);
        yaml.put(FORCED, rowSecurity.forced());
        return yaml;
    }

    private static Object policy(Policy policy) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        if (!policy.permissive()) {
            yaml.put(AS, "restrictive");
        }
        if (policy.command() != Policy.Command.ALL) {
            yaml.put(FOR, policy.command().name().toLowerCase(Locale.ROOT));
        }
        putIfNotEmpty(yaml, TO, policy.roles());
        putIfPresent(yaml, USING, policy.using());
        putIfPresent(yaml, WITH_CHECK, policy.withCheck());
        return yaml;
    }

    static void putIfPresent(Map<String, Object> yaml, String key, Object value) {
        if (value != null) {
            yaml.put(key, value);
        }
    }

    static void putIfTrue(Map<String, Object> yaml, String key, boolean value) {
        if (value) {
            yaml.put(key, true);
        }
    }

    static void putIfNotEmpty(Map<String, Object> yaml, String key, List<?> values) {
        if (!values.isEmpty()) {
            yaml.put(key, new ArrayList<>(values));
        }
    }
}
