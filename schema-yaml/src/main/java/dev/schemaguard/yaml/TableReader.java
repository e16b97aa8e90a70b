package dev.schemaguard.yaml;

import static dev.schemaguard.yaml.YamlKeys.*;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.ForeignKey.MatchType;
import dev.schemaguard.model.ForeignKey.ReferentialAction;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Partitioning;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.ReplicaIdentity;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.yaml.ColumnShortForm.ColumnSpec;
import dev.schemaguard.yaml.TableDefinition.CheckDef;
import dev.schemaguard.yaml.TableDefinition.ForeignKeyDef;
import dev.schemaguard.yaml.TableDefinition.IndexDef;
import dev.schemaguard.yaml.TableDefinition.PrimaryKeyDef;
import dev.schemaguard.yaml.TableDefinition.UniqueDef;
import dev.schemaguard.yaml.YamlNode.Entry;
import dev.schemaguard.yaml.YamlNode.ListNode;
import dev.schemaguard.yaml.YamlNode.MapNode;
import dev.schemaguard.yaml.YamlNode.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads one table's YAML into the model, every error placed at the YAML that caused it. */
final class TableReader {

    static final Map<String, Identity.Generation> GENERATIONS = Map.of(
            "always", Identity.Generation.ALWAYS, "by default", Identity.Generation.BY_DEFAULT);
    static final Map<String, MatchType> MATCH_TYPES = Map.of("simple", MatchType.SIMPLE, "full", MatchType.FULL);
    private static final java.util.regex.Pattern USING_INDEX =
            java.util.regex.Pattern.compile("(?i)using\\s+index\\s+(.+)");
    /** {@code enabled:} of a trigger: true (fires in origin sessions), false, always or replica. */
    static final Map<String, Trigger.Firing> FIRINGS = Map.of("true", Trigger.Firing.ORIGIN, "false",
            Trigger.Firing.DISABLED, "always", Trigger.Firing.ALWAYS, "replica", Trigger.Firing.REPLICA);
    static final Map<String, Column.Storage> STORAGES = Map.of("plain", Column.Storage.PLAIN, "external",
            Column.Storage.EXTERNAL, "extended", Column.Storage.EXTENDED, "main", Column.Storage.MAIN);
    static final Map<String, Column.Compression> COMPRESSIONS = Map.of(
            "pglz", Column.Compression.PGLZ, "lz4", Column.Compression.LZ4);
    static final Map<String, Boolean> ORDERS = Map.of("asc", false, "desc", true);
    static final Map<String, Boolean> NULLS_PLACEMENTS = Map.of("first", true, "last", false);
    static final Map<String, Boolean> PERMISSIVENESS = Map.of("permissive", true, "restrictive", false);
    static final Map<String, Policy.Command> COMMANDS = Map.of(
            "all", Policy.Command.ALL, "select", Policy.Command.SELECT, "insert", Policy.Command.INSERT,
            "update", Policy.Command.UPDATE, "delete", Policy.Command.DELETE);
    static final Map<String, Partitioning.Strategy> PARTITION_STRATEGIES = Map.of(
            "range", Partitioning.Strategy.RANGE, "list", Partitioning.Strategy.LIST, "hash", Partitioning.Strategy.HASH);
    static final Map<String, RowSecurity> ROW_SECURITY_WORDS = Map.of(
            "enabled", new RowSecurity(true, false), "true", new RowSecurity(true, false),
            "forced", new RowSecurity(true, true),
            "disabled", RowSecurity.OFF, "false", RowSecurity.OFF);

    private final String schema;
    private final String table;
    private final String what;
    private final ReadMemo memo;

    private TableReader(String schema, String table, ReadMemo memo) {
        this.schema = schema;
        this.table = table;
        this.what = "table " + QualifiedName.of(schema, table);
        this.memo = memo;
    }

    /**
     * The table under {@code entry} (its key is the table's name) of schema {@code schema}; {@code memo} holds what
     * the read has parsed before.
     */
    static Table read(String schema, Entry entry, ReadMemo memo) {
        if (entry.key().isEmpty()) {
            throw new YamlSchemaException(entry.keyPosition(), "a table name must not be empty");
        }
        return new TableReader(schema, entry.key(), memo).read(entry);
    }

    /**
     * {@code renamed_from}: a table's former name in its schema, a column's, constraint's or index's in its table
     * (null when absent).
     */
    static String renamedFrom(Fields fields) {
        String oldName = fields.text(RENAMED_FROM);
        if (oldName == null) {
            return null;
        }
        try {
            return dev.schemaguard.model.Identifiers.requireValid(oldName, "'" + RENAMED_FROM + "' of " + fields.what());
        } catch (IllegalArgumentException e) {
            throw fields.error(RENAMED_FROM, e.getMessage());
        }
    }

    private Table read(Entry entry) {
        Fields fields = Fields.of(entry.value(), TABLE_KEYS, what);
        ForeignDataYaml.refuseOnForeignTable(fields);
        List<Column> columns = new ArrayList<>();
        List<PrimaryKeyDef> columnKeys = new ArrayList<>();
        List<UniqueDef> uniques = new ArrayList<>();
        List<ForeignKeyDef> foreignKeys = new ArrayList<>();
        List<Entry> nullWritten = new ArrayList<>();
        YamlNode columnsNode = fields.node(COLUMNS);
        List<CheckDef> columnChecks = new ArrayList<>();
        if (columnsNode != null) {
            for (Entry column : Nodes.map(columnsNode, "the columns of " + what).entries().values()) {
                ColumnSpec spec = column(column);
                columns.add(spec.column());
                if (spec.nullWritten()) {
                    nullWritten.add(column);
                }
                if (spec.primaryKey() && !columnKeys.isEmpty()) {
                    throw Nodes.error(column.value(), what + " marks 'primary key' on several columns ("
                            + columnKeys.get(0).columns().get(0) + ", " + column.key() + "); a table has one primary key:"
                            + " write 'primary_key: [" + columnKeys.get(0).columns().get(0) + ", " + column.key()
                            + "]' on the table instead");
                }
                if (spec.primaryKey()) {
                    columnKeys.add(new PrimaryKeyDef(null, List.of(column.key()), true, null));
                }
                if (spec.unique()) {
                    uniques.add(new UniqueDef(null, List.of(column.key()), false, false, false, true, null));
                }
                if (spec.references() != null) {
                    foreignKeys.add(spec.references());
                }
                if (spec.check() != null) {
                    columnChecks.add(new CheckDef(null, spec.check(), false, false, null));
                }
            }
        }
        PrimaryKeyDef primaryKey = primaryKey(fields, columnKeys);
        for (Entry column : nullWritten) {
            if (primaryKey != null && primaryKey.columns().contains(column.key())) {
                throw new YamlSchemaException(column.value().position(), "column " + column.key() + " of " + what
                        + " is in the primary key, so it cannot be null; remove 'null' / 'nullable: true'");
            }
        }
        for (YamlNode item : list(fields, UNIQUE)) {
            uniques.add(unique(item));
        }
        for (YamlNode item : list(fields, FOREIGN_KEYS)) {
            foreignKeys.add(foreignKey(item));
        }
        List<CheckDef> checks = new ArrayList<>(columnChecks);
        for (YamlNode item : list(fields, CHECKS)) {
            checks.add(check(item));
        }
        List<IndexDef> indexes = new ArrayList<>();
        for (YamlNode item : list(fields, INDEXES)) {
            indexes.add(index(item, what, memo));
        }
        TableDefinition definition = new TableDefinition(table, columns, primaryKey, uniques, foreignKeys, checks, indexes,
                rowSecurity(fields), policies(fields), fields.text(COMMENT), partitionOf(fields), inherits(fields));
        Table built;
        try {
            built = definition.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new YamlSchemaException(entry.keyPosition(), what + ": " + e.getMessage());
        }
        Table withExtras = built.withExclusionConstraints(exclusions(fields, built)).withTriggers(triggers(fields, what))
                .withRules(rules(fields, what))
                .withStorageParameters(fields.parameters(STORAGE_PARAMETERS)).withReplicaIdentity(replicaIdentity(fields));
        Partitioning partitioning = partitioning(fields);
        boolean unlogged = fields.bool(UNLOGGED, false);
        Map<String, String> constraintComments = constraintComments(fields);
        dev.schemaguard.model.ForeignTable foreign = ForeignDataYaml.readTable(fields);
        String renamedFrom = renamedFrom(fields);
        return Nodes.build(entry.keyPosition(), what, () -> withExtras.withPartitioning(partitioning).withUnlogged(unlogged)
                .withConstraintComments(constraintComments).withForeign(foreign).withRenamedFrom(renamedFrom));
    }

    /** {@code constraint_comments: {orders_total_check: Totals are never negative}}. */
    static Map<String, String> constraintComments(Fields fields) {
        YamlNode node = fields.node(CONSTRAINT_COMMENTS);
        Map<String, String> comments = new java.util.TreeMap<>();
        if (node != null) {
            for (Entry entry : Nodes.map(node, "'" + CONSTRAINT_COMMENTS + "' of " + fields.what()
                    + " (constraint names to comments)").entries().values()) {
                comments.put(entry.key(), Nodes.requiredText(entry.value(), "the comment on constraint " + entry.key()));
            }
        }
        return comments;
    }

    /** {@code replica_identity: full}, {@code nothing}, {@code default} or {@code using index orders_uuid_key}. */
    private ReplicaIdentity replicaIdentity(Fields fields) {
        String text = fields.text(REPLICA_IDENTITY);
        if (text == null) {
            return ReplicaIdentity.DEFAULT;
        }
        String word = text.strip().toLowerCase(java.util.Locale.ROOT);
        switch (word) {
            case "full" -> {
                return ReplicaIdentity.FULL;
            }
            case "nothing" -> {
                return ReplicaIdentity.NOTHING;
            }
            case "default" -> {
                return ReplicaIdentity.DEFAULT;
            }
            default -> {
            }
        }
        java.util.regex.Matcher usingIndex = USING_INDEX.matcher(text.strip());
        if (usingIndex.matches()) {
            try {
                return ReplicaIdentity.usingIndex(SqlWords.parseName(usingIndex.group(1), schema).name());
            } catch (IllegalArgumentException e) {
                throw fields.error(REPLICA_IDENTITY, "'" + REPLICA_IDENTITY + "' of " + fields.what() + ": " + e.getMessage());
            }
        }
        throw fields.error(REPLICA_IDENTITY, "'" + REPLICA_IDENTITY + "' of " + fields.what() + " is '" + text
                + "'; expected full, nothing, default or 'using index <name>'");
    }

    /** {@code exclude:} constraint names to definitions; a name may not repeat one of the table's other constraints. */
    private List<ExclusionConstraint> exclusions(Fields fields, Table built) {
        YamlNode node = fields.node(EXCLUDE);
        if (node == null) {
            return List.of();
        }
        List<ExclusionConstraint> exclusions = new ArrayList<>();
        for (Entry entry : Nodes.map(node, "'exclude' of " + what + " (constraint names to EXCLUDE USING ...)").entries().values()) {
            String constraintWhat = "exclusion constraint " + entry.key() + " of " + what;
            if (built.constraint(entry.key()).isPresent()) {
                throw new YamlSchemaException(entry.keyPosition(), constraintWhat + " has the name of another constraint"
                        + " of the table; constraint names are unique per table");
            }
            YamlNode definitionNode = entry.value();
            String renamedFrom = null;
            if (definitionNode instanceof MapNode) {
                Fields long_ = Fields.of(definitionNode, EXCLUSION_KEYS, constraintWhat);
                renamedFrom = renamedFrom(long_);
                definitionNode = long_.node(DEFINITION);
                if (definitionNode == null) {
                    throw new YamlSchemaException(long_.position(), constraintWhat + " needs 'definition'");
                }
            }
            String definition = SqlText.EXCLUSION.check(definitionNode, Nodes.requiredText(definitionNode, constraintWhat
                    + " (e.g. EXCLUDE USING gist (room WITH =, during WITH &&))"), constraintWhat);
            String oldName = renamedFrom;
            exclusions.add(Nodes.build(entry.keyPosition(), constraintWhat,
                    () -> new ExclusionConstraint(entry.key(), definition, oldName)));
        }
        return exclusions;
    }

    /**
     * {@code triggers:} trigger names to {@code CREATE TRIGGER} statements, or maps with definition, enabled, comment;
     * of a table or a view, which {@code what} names.
     */
    static List<Trigger> triggers(Fields fields, String what) {
        YamlNode node = fields.node(TRIGGERS);
        if (node == null) {
            return List.of();
        }
        List<Trigger> triggers = new ArrayList<>();
        for (Entry entry : Nodes.map(node, "the triggers of " + what + " (trigger names to CREATE TRIGGER statements)").entries().values()) {
            String triggerWhat = "trigger " + entry.key() + " of " + what;
            String definition;
            Trigger.Firing enabled = Trigger.Firing.ORIGIN;
            String comment = null;
            if (entry.value() instanceof MapNode) {
                Fields trigger = Fields.of(entry.value(), TRIGGER_KEYS, triggerWhat);
                definition = trigger.requiredText(DEFINITION);
                enabled = trigger.choice(ENABLED, FIRINGS, Trigger.Firing.ORIGIN);
                comment = trigger.text(COMMENT);
            } else {
                definition = Nodes.requiredText(entry.value(), triggerWhat + " (its CREATE TRIGGER statement)");
            }
            SqlText.TRIGGER.check(entry.value() instanceof MapNode map ? map.entries().get(DEFINITION).value() : entry.value(),
                    definition, triggerWhat);
            String text = definition;
            Trigger.Firing isEnabled = enabled;
            String commentText = comment;
            triggers.add(Nodes.build(entry.keyPosition(), triggerWhat, () -> new Trigger(entry.key(), text, isEnabled, commentText)));
        }
        return triggers;
    }

    /**
     * {@code rules:} rule names to {@code CREATE RULE} statements, or maps with definition, enabled, comment; of a
     * table or a view, which {@code what} names. A statement must create the rule its key names.
     */
    static List<Rule> rules(Fields fields, String what) {
        YamlNode node = fields.node(RULES);
        if (node == null) {
            return List.of();
        }
        List<Rule> rules = new ArrayList<>();
        for (Entry entry : Nodes.map(node, "the rules of " + what + " (rule names to CREATE RULE statements)").entries().values()) {
            String ruleWhat = "rule " + entry.key() + " of " + what;
            String definition;
            Trigger.Firing enabled = Trigger.Firing.ORIGIN;
            String comment = null;
            YamlNode definitionNode = entry.value();
            if (entry.value() instanceof MapNode map) {
                Fields rule = Fields.of(entry.value(), RULE_KEYS, ruleWhat);
                definition = rule.requiredText(DEFINITION);
                definitionNode = map.entries().get(DEFINITION).value();
                enabled = rule.choice(ENABLED, FIRINGS, Trigger.Firing.ORIGIN);
                comment = rule.text(COMMENT);
            } else {
                definition = Nodes.requiredText(entry.value(), ruleWhat + " (its CREATE RULE statement)");
            }
            SqlText.RULE.check(definitionNode, definition, ruleWhat);
            String named = SqlWords.ruleName(definition);
            if (!entry.key().equals(named)) {
                throw Nodes.error(definitionNode, ruleWhat + ": the statement creates rule " + named + "; name it "
                        + entry.key() + " or move it under the key " + named);
            }
            String text = definition;
            Trigger.Firing firing = enabled;
            String commentText = comment;
            rules.add(Nodes.build(entry.keyPosition(), ruleWhat, () -> new Rule(entry.key(), text, firing, commentText)));
        }
        return rules;
    }

    /** {@code partition_by: range (created_at)}: a strategy, then the key in parentheses. */
    private Partitioning partitioning(Fields fields) {
        YamlNode node = fields.node(PARTITION_BY);
        if (node == null) {
            return null;
        }
        String label = "'partition_by' of " + what;
        String text = Nodes.requiredText(node, label).strip();
        int open = text.indexOf('(');
        String strategyWord = (open < 0 ? text : text.substring(0, open)).strip();
        Partitioning.Strategy strategy = Nodes.choice(new ScalarNode(strategyWord, node.position()), PARTITION_STRATEGIES,
                "the strategy in " + label);
        if (open < 0 || !text.endsWith(")")) {
            throw Nodes.error(node, label + " needs the partition key in parentheses after the strategy, e.g. '"
                    + strategyWord.toLowerCase(Locale.ROOT) + " (created_at)'");
        }
        String key = text.substring(open + 1, text.length() - 1).strip();
        if (key.isEmpty()) {
            throw Nodes.error(node, label + " has an empty partition key; name the column(s) or expression(s) in the parentheses");
        }
        SqlText.EXPRESSION_LIST.check(node, key, "the partition key in " + label);
        return new Partitioning(strategy, key);
    }

    /** {@code partition_of: {parent: events, bound: "FOR VALUES ..."}}; the parent as in SQL, schema-qualified if elsewhere. */
    private PartitionBound partitionOf(Fields fields) {
        YamlNode node = fields.node(PARTITION_OF);
        if (node == null) {
            return null;
        }
        String label = "'partition_of' of " + what;
        Fields partition = Fields.of(node, PARTITION_OF_KEYS, label);
        QualifiedName parent;
        try {
            parent = SqlWords.parseName(partition.requiredText(PARENT), schema);
        } catch (IllegalArgumentException e) {
            throw partition.error(PARENT, "'parent' of " + label + ": " + e.getMessage() + "; expected e.g. 'events' or 'audit.events'");
        }
        return new PartitionBound(parent, SqlText.PARTITION_BOUND.requiredText(partition, BOUND));
    }

    /** {@code inherits: [base, audit.stamped]}: the parents in order, as in SQL; one name may stand alone. */
    private List<QualifiedName> inherits(Fields fields) {
        YamlNode node = fields.node(INHERITS);
        if (node == null) {
            return List.of();
        }
        List<YamlNode> items = node instanceof ScalarNode scalar && !scalar.isNull() ? List.of(node) : list(fields, INHERITS);
        List<QualifiedName> parents = new ArrayList<>();
        for (YamlNode item : items) {
            String label = "a parent in 'inherits' of " + what;
            try {
                parents.add(SqlWords.parseName(Nodes.requiredText(item, label), schema));
            } catch (IllegalArgumentException e) {
                throw Nodes.error(item, label + ": " + e.getMessage() + "; expected e.g. 'base' or 'audit.base'");
            }
        }
        return parents;
    }

    private List<YamlNode> list(Fields fields, String key) {
        YamlNode node = fields.node(key);
        return node == null ? List.of() : Nodes.list(node, "'" + key + "' of " + what);
    }

    private ColumnSpec column(Entry entry) {
        String name = entry.key();
        YamlNode value = entry.value();
        ColumnSpec spec;
        if (value instanceof ScalarNode scalar) {
            if (scalar.isNull() || scalar.text().isBlank()) {
                throw Nodes.error(value, columnWhat(name) + " needs a type, e.g. '" + name + ": text not null'");
            }
            try {
                spec = memo.column(name, scalar.text(), schema);
            } catch (IllegalArgumentException e) {
                throw Nodes.error(value, columnWhat(name) + ": " + e.getMessage());
            }
        } else if (value instanceof MapNode) {
            spec = longColumn(name, Fields.of(value, COLUMN_KEYS, columnWhat(name)), entry);
        } else {
            throw Nodes.error(value, "expected " + columnWhat(name) + " as a line such as 'text not null' or as a map with"
                    + " 'type:', found " + value.kind());
        }
        Column column = spec.column();
        if (spec.nullWritten() && (column.identity() != null || column.type().isSerial())) {
            throw Nodes.error(value, columnWhat(name) + " is " + (column.identity() != null ? "an identity column" : column.type().name())
                    + " and so always NOT NULL; remove 'null' / 'nullable: true'");
        }
        return spec;
    }

    /** Made only when needed: a table's short-form columns need no words about themselves unless they are wrong. */
    private String columnWhat(String name) {
        return "column " + name + " of " + what;
    }

    private ColumnSpec longColumn(String name, Fields fields, Entry entry) {
        DataType type;
        try {
            type = memo.type(fields.requiredText(TYPE));
        } catch (IllegalArgumentException e) {
            throw fields.error(TYPE, fields.what() + ": " + e.getMessage());
        }
        if (fields.has(NULLABLE) && fields.has(NOT_NULL)) {
            throw fields.error(NOT_NULL, fields.what() + " has both 'nullable' and 'not_null'; keep one");
        }
        boolean nullable = fields.has(NOT_NULL) ? !fields.bool(NOT_NULL, false) : fields.bool(NULLABLE, true);
        boolean nullWritten = nullable && (fields.has(NOT_NULL) || fields.has(NULLABLE));
        Identity identity = identity(fields);
        ForeignKeyDef references = null;
        if (fields.has(REFERENCES)) {
            try {
                references = ColumnShortForm.parseReferences(name, fields.requiredText(REFERENCES), schema);
            } catch (IllegalArgumentException e) {
                throw fields.error(REFERENCES, fields.what() + ": " + e.getMessage() + "; expected e.g. 'organisations(id) on delete cascade'");
            }
        }
        boolean primaryKey = fields.bool(PRIMARY_KEY, false);
        String collation = null;
        if (fields.has(COLLATION)) {
            try {
                collation = SqlWords.canonicalName(fields.requiredText(COLLATION));
            } catch (IllegalArgumentException e) {
                throw fields.error(COLLATION, fields.what() + ": " + e.getMessage());
            }
        }
        Column column;
        try {
            column = new Column(name, type, nullable && !primaryKey, memo.text(SqlText.DEFAULT, fields, DEFAULT), identity,
                    memo.text(SqlText.EXPRESSION, fields, GENERATED), collation, fields.text(COMMENT),
                    fields.choice(STORAGE, STORAGES, null), fields.choice(COMPRESSION, COMPRESSIONS, null),
                    renamedFrom(fields));
        } catch (IllegalArgumentException e) {
            throw new YamlSchemaException(entry.keyPosition(), fields.what() + ": " + e.getMessage());
        }
        return new ColumnSpec(column, nullWritten, primaryKey, fields.bool(UNIQUE, false), references, null);
    }

    private static Identity identity(Fields column) {
        YamlNode node = column.node(IDENTITY);
        if (node == null) {
            return null;
        }
        String identityWhat = "'identity' of " + column.what();
        if (node instanceof ScalarNode) {
            return new Identity(Nodes.choice(node, GENERATIONS, identityWhat), null);
        }
        Fields fields = Fields.of(node, IDENTITY_KEYS, identityWhat);
        if (!fields.has(GENERATION)) {
            throw new YamlSchemaException(fields.position(), identityWhat + " needs 'generation: always' or 'generation: by default'");
        }
        SequenceOptions sequence = new SequenceOptions(fields.number(START), fields.number(INCREMENT), fields.number(MIN),
                fields.number(MAX), fields.number(CACHE), fields.bool(CYCLE, false));
        return new Identity(fields.choice(GENERATION, GENERATIONS, null), sequence);
    }

    private PrimaryKeyDef primaryKey(Fields fields, List<PrimaryKeyDef> onColumns) {
        YamlNode node = fields.node(PRIMARY_KEY);
        if (node == null) {
            return onColumns.isEmpty() ? null : onColumns.get(0);
        }
        if (!onColumns.isEmpty()) {
            throw Nodes.error(node, what + " has a primary key on column " + onColumns.get(0).columns().get(0)
                    + " and in 'primary_key'; keep one");
        }
        String keyWhat = "the primary key of " + what;
        if (node instanceof MapNode) {
            Fields key = Fields.of(node, PRIMARY_KEY_KEYS, keyWhat);
            if (!key.has(COLUMNS)) {
                throw new YamlSchemaException(key.position(), keyWhat + " needs 'columns'");
            }
            return new PrimaryKeyDef(key.text(NAME), key.names(COLUMNS), false, renamedFrom(key));
        }
        return new PrimaryKeyDef(null, Nodes.names(node, keyWhat), false, null);
    }

    private UniqueDef unique(YamlNode item) {
        String uniqueWhat = "a unique constraint of " + what;
        if (!(item instanceof MapNode)) {
            return new UniqueDef(null, Nodes.names(item, uniqueWhat), false, false, false, false, null);
        }
        Fields fields = Fields.of(item, UNIQUE_KEYS, uniqueWhat);
        if (!fields.has(COLUMNS)) {
            throw new YamlSchemaException(fields.position(), uniqueWhat + " needs 'columns'");
        }
        boolean initiallyDeferred = fields.bool(INITIALLY_DEFERRED, false);
        return new UniqueDef(fields.text(NAME), fields.names(COLUMNS), fields.bool(NULLS_NOT_DISTINCT, false),
                deferrable(fields, initiallyDeferred), initiallyDeferred, false, renamedFrom(fields));
    }

    /** {@code initially_deferred: true} implies {@code deferrable}; saying otherwise is a contradiction. */
    private static boolean deferrable(Fields fields, boolean initiallyDeferred) {
        boolean deferrable = fields.bool(DEFERRABLE, initiallyDeferred);
        if (initiallyDeferred && !deferrable) {
            throw fields.error(DEFERRABLE, fields.what() + " is initially_deferred, so it must be deferrable; remove 'deferrable: false'");
        }
        return deferrable;
    }

    private ForeignKeyDef foreignKey(YamlNode item) {
        String keyWhat = "a foreign key of " + what;
        Fields fields = Fields.of(item, FOREIGN_KEY_KEYS, keyWhat);
        if (!fields.has(COLUMNS) || !fields.has(REFERENCES)) {
            throw new YamlSchemaException(item.position(), keyWhat + " needs 'columns' and 'references'");
        }
        YamlNode references = fields.node(REFERENCES);
        QualifiedName target;
        List<String> targetColumns;
        if (references instanceof MapNode) {
            Fields ref = Fields.of(references, REFERENCES_KEYS, "'references' of " + keyWhat);
            String targetSchema = ref.has(SCHEMA) ? ref.requiredText(SCHEMA) : schema;
            target = QualifiedName.of(targetSchema, ref.requiredText(TABLE));
            targetColumns = ref.names(COLUMNS);
            if (targetColumns.isEmpty()) {
                throw new YamlSchemaException(ref.position(), "'references' of " + keyWhat + " needs 'columns'");
            }
        } else {
            try {
                SqlWords.Reference reference = SqlWords.parseReference(Nodes.requiredText(references, "'references' of " + keyWhat), schema);
                target = reference.table();
                targetColumns = reference.columns();
            } catch (IllegalArgumentException e) {
                throw Nodes.error(references, "'references' of " + keyWhat + ": " + e.getMessage()
                        + "; expected e.g. 'organisations(id)' or a map with table and columns");
            }
        }
        boolean initiallyDeferred = fields.bool(INITIALLY_DEFERRED, false);
        return new ForeignKeyDef(fields.text(NAME), fields.names(COLUMNS), target, targetColumns,
                fields.choice(ON_UPDATE, ColumnShortForm.ACTIONS, ReferentialAction.NO_ACTION),
                fields.choice(ON_DELETE, ColumnShortForm.ACTIONS, ReferentialAction.NO_ACTION),
                fields.choice(MATCH, MATCH_TYPES, MatchType.SIMPLE),
                deferrable(fields, initiallyDeferred), initiallyDeferred, fields.bool(NOT_VALID, false), false, renamedFrom(fields));
    }

    private CheckDef check(YamlNode item) {
        String checkWhat = "a check constraint of " + what;
        String checked = checkExpression(item, checkWhat);
        if (item instanceof ScalarNode) {
            String expression = Nodes.requiredText(item, checkWhat);
            return new CheckDef(null, checked != null ? checked : expression, false, false, null);
        }
        Fields fields = Fields.of(item, CHECK_KEYS, checkWhat);
        String expression = fields.requiredText(EXPRESSION);
        return new CheckDef(fields.text(NAME), checked != null ? checked : expression, fields.bool(NO_INHERIT, false),
                fields.bool(NOT_VALID, false), renamedFrom(fields));
    }

    /**
     * The expression of a check, written alone or under 'expression', must be one expression: the expression as
     * checked (an equal one read before), or null when there is no text to check.
     */
    private String checkExpression(YamlNode item, String checkWhat) {
        YamlNode expression = item instanceof MapNode map && map.entries().containsKey(EXPRESSION)
                ? map.entries().get(EXPRESSION).value() : item;
        if (expression instanceof ScalarNode scalar && !scalar.isNull()) {
            return memo.check(SqlText.EXPRESSION, expression, scalar.text(), checkWhat);
        }
        return null;
    }

    /** One item of an {@code indexes:} list of {@code owner} (a table or materialized view). */
    static IndexDef index(YamlNode item, String owner) {
        return index(item, owner, new ReadMemo());
    }

    private static IndexDef index(YamlNode item, String owner, ReadMemo memo) {
        String indexWhat = "an index of " + owner;
        if (!(item instanceof MapNode)) {
            List<IndexKey> keys = Nodes.names(item, indexWhat).stream().map(IndexKey::column).toList();
            return new IndexDef(null, false, "btree", keys, List.of(), null, false, List.of(), null, null);
        }
        Fields fields = Fields.of(item, INDEX_KEYS, indexWhat);
        YamlNode columns = fields.node(COLUMNS);
        if (columns == null) {
            throw new YamlSchemaException(fields.position(), indexWhat + " needs 'columns'");
        }
        List<YamlNode> keyNodes = columns instanceof ListNode list ? list.items() : List.of(columns);
        if (keyNodes.isEmpty()) {
            throw Nodes.error(columns, indexWhat + " needs at least one column or expression in 'columns'");
        }
        List<IndexKey> keys = keyNodes.stream().map(node -> indexKey(node, indexWhat, memo)).toList();
        String predicate = memo.text(SqlText.EXPRESSION, fields, WHERE);
        String method = fields.has(METHOD) ? fields.requiredText(METHOD) : "btree";
        return new IndexDef(fields.text(NAME), fields.bool(UNIQUE, false), method, keys, fields.names(INCLUDE),
                predicate, fields.bool(NULLS_NOT_DISTINCT, false), fields.parameters(STORAGE_PARAMETERS),
                fields.text(COMMENT), renamedFrom(fields));
    }

    private static IndexKey indexKey(YamlNode node, String indexWhat, ReadMemo memo) {
        if (!(node instanceof MapNode)) {
            return IndexKey.column(Nodes.requiredText(node, "a column of " + indexWhat));
        }
        Fields key = Fields.of(node, INDEX_KEY_KEYS, "a key of " + indexWhat);
        if (key.has(COLUMN) == key.has(EXPRESSION)) {
            throw new YamlSchemaException(key.position(), "a key of " + indexWhat + " needs either 'column' or 'expression'");
        }
        IndexKey base = key.has(COLUMN) ? IndexKey.column(key.requiredText(COLUMN)) : IndexKey.expression(memo.requiredText(SqlText.EXPRESSION, key, EXPRESSION));
        boolean descending = key.choice(ORDER, ORDERS, false);
        boolean nullsFirst = key.choice(NULLS, NULLS_PLACEMENTS, descending);
        try {
            return new IndexKey(base.column(), base.expression(), descending, nullsFirst, key.text(OPCLASS));
        } catch (IllegalArgumentException e) {
            throw key.error(OPCLASS, "'" + OPCLASS + "' of a key of " + indexWhat + ": " + e.getMessage());
        }
    }

    private RowSecurity rowSecurity(Fields fields) {
        YamlNode node = fields.node(ROW_LEVEL_SECURITY);
        if (node == null) {
            return RowSecurity.OFF;
        }
        String rlsWhat = "'row_level_security' of " + what;
        if (node instanceof ScalarNode) {
            return Nodes.choice(node, ROW_SECURITY_WORDS, rlsWhat);
        }
        Fields rls = Fields.of(node, ROW_LEVEL_SECURITY_KEYS, rlsWhat);
        return new RowSecurity(rls.bool(ENABLED, false), rls.bool(FORCED, false));
    }

    private List<Policy> policies(Fields fields) {
        YamlNode node = fields.node(POLICIES);
        if (node == null) {
            return List.of();
        }
        List<Policy> policies = new ArrayList<>();
        for (Entry entry : Nodes.map(node, "the policies of " + what).entries().values()) {
            Fields policy = Fields.of(entry.value(), POLICY_KEYS, "policy " + entry.key() + " of " + what);
            try {
                policies.add(new Policy(entry.key(), policy.choice(AS, PERMISSIVENESS, true),
                        policy.choice(FOR, COMMANDS, Policy.Command.ALL), policy.names(TO), memo.text(SqlText.EXPRESSION, policy, USING),
                        memo.text(SqlText.EXPRESSION, policy, WITH_CHECK)));
            } catch (IllegalArgumentException e) {
                throw new YamlSchemaException(entry.keyPosition(), what + ": " + e.getMessage());
            }
        }
        return policies;
    }
}
