package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DSL for a table. Constraints and indexes left unnamed get the name PostgreSQL would give them
 * ({@code orders_pkey}, {@code orders_customer_id_fkey}, {@code orders_email_key}, {@code orders_total_check},
 * {@code orders_created_at_idx}), so a model built here compares equal to the database it describes.
 */
public final class TableBuilder {

    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern IDENTIFIER = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)");

    private final String schema;
    private final String name;
    private final List<Supplier<Column>> columns = new ArrayList<>();
    private ConstraintBuilder.PrimaryKeyBuilder primaryKey;
    private final List<Supplier<Object>> constraintsAndIndexes = new ArrayList<>();
    private RowSecurity rowSecurity = RowSecurity.OFF;
    private final List<PolicyBuilder> policies = new ArrayList<>();
    private final List<ExclusionConstraint> exclusions = new ArrayList<>();
    private final List<Trigger> triggers = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private Partitioning partitioning;
    private PartitionBound partitionOf;
    private final List<QualifiedName> inherits = new ArrayList<>();
    private String comment;
    private String renamedFrom;
    private boolean unlogged;
    private final List<String> storageParameters = new ArrayList<>();
    private ReplicaIdentity replicaIdentity = ReplicaIdentity.DEFAULT;
    private final java.util.Map<String, String> constraintComments = new java.util.TreeMap<>();

    TableBuilder(String schema, String name) {
        this.schema = schema;
        this.name = Identifiers.requireValid(name, "table name");
    }

    TableBuilder(String name) {
        this("public", name);
    }

    public ColumnBuilder column(String columnName, DataType type) {
        ColumnBuilder column = new ColumnBuilder(this, columnName, type);
        columns.add(column::build);
        return column;
    }

    /** A column built elsewhere, taken whole (made NOT NULL if it joins the primary key). */
    public TableBuilder column(Column column) {
        columns.add(() -> column);
        return this;
    }

    public ConstraintBuilder.PrimaryKeyBuilder primaryKey(String... columnNames) {
        primaryKey = new ConstraintBuilder.PrimaryKeyBuilder(List.of(columnNames));
        return primaryKey;
    }

    public ConstraintBuilder.UniqueBuilder unique(String... columnNames) {
        var unique = new ConstraintBuilder.UniqueBuilder(List.of(columnNames));
        constraintsAndIndexes.add(() -> unique);
        return unique;
    }

    public ConstraintBuilder.ForeignKeyBuilder foreignKey(String... columnNames) {
        var foreignKey = new ConstraintBuilder.ForeignKeyBuilder(schema, List.of(columnNames));
        constraintsAndIndexes.add(() -> foreignKey);
        return foreignKey;
    }

    public ConstraintBuilder.CheckBuilder check(String expression) {
        var check = new ConstraintBuilder.CheckBuilder(expression);
        constraintsAndIndexes.add(() -> check);
        return check;
    }

    /** An index on plain columns, ascending. */
    public IndexBuilder index(String... columnNames) {
        return index(Arrays.stream(columnNames).map(IndexKey::column).toArray(IndexKey[]::new));
    }

    /** An index on key parts: {@code index(IndexKey.expression("lower(email)"), IndexKey.column("id").desc())}. */
    public IndexBuilder index(IndexKey... keys) {
        IndexBuilder index = new IndexBuilder(List.of(keys));
        constraintsAndIndexes.add(() -> index);
        return index;
    }

    public TableBuilder rowLevelSecurity() {
        rowSecurity = new RowSecurity(true, rowSecurity.forced());
        return this;
    }

    public TableBuilder forceRowLevelSecurity() {
        rowSecurity = new RowSecurity(rowSecurity.enabled(), true);
        return this;
    }

    public PolicyBuilder policy(String policyName) {
        PolicyBuilder policy = new PolicyBuilder(policyName);
        policies.add(policy);
        return policy;
    }

    /** {@code CONSTRAINT name EXCLUDE USING ...}: the definition as PostgreSQL prints it after the name. */
    public TableBuilder exclude(String constraintName, String definition) {
        exclusions.add(new ExclusionConstraint(constraintName, definition, null));
        return this;
    }

    /** An exclusion constraint as a record, e.g. one declared renamed: {@code new ExclusionConstraint(name, definition, oldName)}. */
    public TableBuilder exclude(ExclusionConstraint constraint) {
        exclusions.add(constraint);
        return this;
    }

    /** A trigger given as its complete {@code CREATE TRIGGER} statement. */
    public TableBuilder trigger(String triggerName, String createTrigger) {
        triggers.add(Trigger.of(triggerName, createTrigger));
        return this;
    }

    /** A trigger as a record, e.g. one that fires only as a replica applies changes, or one with a comment. */
    public TableBuilder trigger(Trigger trigger) {
        triggers.add(trigger);
        return this;
    }

    /** A rewrite rule given as its complete {@code CREATE RULE} statement. */
    public TableBuilder rule(String ruleName, String createRule) {
        rules.add(Rule.of(ruleName, createRule));
        return this;
    }

    /** Makes this a partitioned table: {@code partitionBy(Partitioning.Strategy.RANGE, "created_at")}. */
    public TableBuilder partitionBy(Partitioning.Strategy strategy, String key) {
        partitioning = new Partitioning(strategy, key);
        return this;
    }

    /** Makes this a partition of {@code parent} (same schema): {@code bound} is {@code FOR VALUES ...} or {@code DEFAULT}. */
    public TableBuilder partitionOf(String parent, String bound) {
        return partitionOf(new PartitionBound(QualifiedName.of(schema, parent), bound));
    }

    /** Makes this a partition of {@code bound.parent()}, which may live in another schema. */
    public TableBuilder partitionOf(PartitionBound bound) {
        partitionOf = bound;
        return this;
    }

    /**
     * Makes this table inherit from {@code parent} in the same schema ({@code INHERITS (parent)}); call it once
     * per parent, in order. List only the columns the table declares itself: the parent's come with it.
     */
    public TableBuilder inherits(String parent) {
        return inherits(QualifiedName.of(schema, parent));
    }

    /** Makes this table inherit from {@code parent}, which may live in another schema. */
    public TableBuilder inherits(QualifiedName parent) {
        inherits.add(parent);
        return this;
    }

    /** Makes this an {@code UNLOGGED} table. */
    public TableBuilder unlogged() {
        unlogged = true;
        return this;
    }

    /** A storage parameter, {@code WITH (name=value)}: {@code storageParameter("fillfactor", "70")}. */
    public TableBuilder storageParameter(String parameter, String value) {
        storageParameters.add(parameter + "=" + value);
        return this;
    }

    public TableBuilder replicaIdentity(ReplicaIdentity identity) {
        replicaIdentity = identity;
        return this;
    }

    /** {@code COMMENT ON CONSTRAINT constraintName}: the constraint's name as built (given or derived). */
    public TableBuilder constraintComment(String constraintName, String text) {
        constraintComments.put(constraintName, text);
        return this;
    }

    /**
     * Declares that this table was called {@code oldName}: while the database has {@code oldName} and not this
     * table, the plan renames it ({@code ALTER TABLE ... RENAME TO}) and keeps its rows.
     */
    public TableBuilder renamedFrom(String oldName) {
        renamedFrom = Identifiers.requireValid(oldName, "old name of table " + name);
        return this;
    }

    public TableBuilder comment(String text) {
        this.comment = text;
        return this;
    }

    String schema() {
        return schema;
    }

    String name() {
        return name;
    }

    public Table build() {
        // PostgreSQL makes primary key columns NOT NULL; so does the DSL, or the model would differ from the database.
        List<String> keyColumns = primaryKey == null ? List.of() : primaryKey.columns();
        List<Column> builtColumns = columns.stream()
                .map(Supplier::get)
                .map(c -> keyColumns.contains(c.name()) ? c.withNullable(false) : c)
                .toList();
        Set<String> usedNames = new HashSet<>();
        PrimaryKey builtPrimaryKey = null;
        if (primaryKey != null) {
            builtPrimaryKey = primaryKey.build(unique(usedNames, name, null, "pkey"));
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        for (Supplier<Object> entry : constraintsAndIndexes) {
            Object builder = entry.get();
            if (builder instanceof ConstraintBuilder.UniqueBuilder unique) {
                uniques.add(unique.build(unique(usedNames, name, joined(unique.columns()), "key")));
            } else if (builder instanceof ConstraintBuilder.ForeignKeyBuilder foreignKey) {
                foreignKeys.add(foreignKey.build(unique(usedNames, name, joined(foreignKey.columns()), "fkey")));
            } else if (builder instanceof ConstraintBuilder.CheckBuilder check) {
                String column = firstColumnIn(check.expression(), builtColumns);
                checks.add(check.build(unique(usedNames, name, column, "check")));
            }
        }
        for (Supplier<Object> entry : constraintsAndIndexes) {
            if (entry.get() instanceof IndexBuilder index) {
                indexes.add(index.build(unique(usedNames, name, index.defaultNamePart(), "idx")));
            }
        }
        List<Policy> builtPolicies = policies.stream().map(PolicyBuilder::build).toList();
        return new Table(name, builtColumns, builtPrimaryKey, uniques, foreignKeys, checks, indexes, rowSecurity,
                builtPolicies, comment, exclusions, triggers, partitioning, partitionOf, unlogged, inherits, storageParameters,
                replicaIdentity, constraintComments, rules, null, renamedFrom);
    }

    /**
     * PostgreSQL's rule for a clash with an earlier default name: the label becomes {@code idx1}, {@code idx2}, ...
     * and the names are shortened again so the whole still fits in 63 bytes.
     */
    private static String unique(Set<String> used, String name1, String name2, String label) {
        String result = Identifiers.defaultName(name1, name2, label);
        for (int i = 1; used.contains(result); i++) {
            result = Identifiers.defaultName(name1, name2, label + i);
        }
        used.add(result);
        return result;
    }

    static String joined(List<String> names) {
        return String.join("_", names);
    }

    /**
     * The column PostgreSQL names an unnamed check after: the one column its expression uses, or none when it uses
     * several or none ({@code orders_check}). Names inside string literals are not columns.
     */
    private static String firstColumnIn(String expression, List<Column> columns) {
        Matcher matcher = IDENTIFIER.matcher(STRING_LITERAL.matcher(expression).replaceAll("''"));
        Set<String> used = new java.util.LinkedHashSet<>();
        while (matcher.find()) {
            String candidate = matcher.group(1) != null ? matcher.group(1).replace("\"\"", "\"") : matcher.group(2).toLowerCase();
            if (columns.stream().anyMatch(c -> c.name().equals(candidate))) {
                used.add(candidate);
            }
        }
        return used.size() == 1 ? used.iterator().next() : null;
    }
}
