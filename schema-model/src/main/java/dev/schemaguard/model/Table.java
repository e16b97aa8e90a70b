package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A table: columns in their physical order, constraints by kind ({@code primaryKey} is null when there is
 * none), indexes that back no constraint, row-level security and policies, an optional comment, then the
 * less common parts: exclusion constraints, triggers, how the table is partitioned ({@code partitioning},
 * null unless it is a partitioned table), what it is a partition of ({@code partitionOf}, null unless it
 * is a partition), whether it is {@code UNLOGGED} (its rows skip the write-ahead log: faster to write, emptied
 * after a crash, not replicated) and the tables it inherits from ({@code inherits}, {@code INHERITS (...)} in
 * declaration order; empty for partitions, whose parent is in {@code partitionOf}), its storage parameters
 * ({@code WITH (fillfactor=70, autovacuum_enabled=false)}, as {@code name=value} in pg_class.reloptions' order)
 * and what its changes carry to logical replication ({@code REPLICA IDENTITY}), the comments on its constraints
 * by constraint name ({@code COMMENT ON CONSTRAINT}), its rewrite rules ({@code CREATE RULE}), and, for a foreign
 * table, its server and options ({@code foreign}, null for any other table; see {@link ForeignTable} for what a
 * foreign table may not have), and the name it was declared renamed from ({@code renamedFrom}, null unless declared;
 * see {@link #withRenamedFrom}).
 *
 * <p>A partition or inheritance child lists only its own columns: an inheritance child those it declares itself
 * (pg_attribute.attislocal), a partition those whose default, NOT NULL or comment it changes. The columns it
 * inherits belong to its parents, so its indexes and constraints may name columns it does not list.
 *
 * <p>A wither given the value the table already has returns the table itself: readers chain a wither for every
 * optional part, and each new table is validated again.
 */
public record Table(
        String name,
        List<Column> columns,
        PrimaryKey primaryKey,
        List<UniqueConstraint> uniqueConstraints,
        List<ForeignKey> foreignKeys,
        List<CheckConstraint> checkConstraints,
        List<Index> indexes,
        RowSecurity rowSecurity,
        List<Policy> policies,
        String comment,
        List<ExclusionConstraint> exclusionConstraints,
        List<Trigger> triggers,
        Partitioning partitioning,
        PartitionBound partitionOf,
        boolean unlogged,
        List<QualifiedName> inherits,
        List<String> storageParameters,
        ReplicaIdentity replicaIdentity,
        Map<String, String> constraintComments,
        List<Rule> rules,
        ForeignTable foreign,
        String renamedFrom) {

    public Table {
        Identifiers.requireValid(name, "table name");
        if (renamedFrom != null) {
            Identifiers.requireValid(renamedFrom, "old name of table " + name);
            if (renamedFrom.equals(name)) {
                throw new IllegalArgumentException("table " + name + " is declared renamed from itself");
            }
        }
        columns = List.copyOf(columns);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        foreignKeys = List.copyOf(foreignKeys);
        checkConstraints = List.copyOf(checkConstraints);
        indexes = List.copyOf(indexes);
        rowSecurity = rowSecurity == null ? RowSecurity.OFF : rowSecurity;
        policies = List.copyOf(policies);
        exclusionConstraints = List.copyOf(exclusionConstraints);
        triggers = List.copyOf(triggers);
        if (unlogged && partitioning != null) {
            throw new IllegalArgumentException("table " + name + " is partitioned, so it cannot be UNLOGGED: PostgreSQL"
                    + " has no unlogged partitioned tables (its partitions may be unlogged)");
        }
        inherits = inherits == null ? List.of() : List.copyOf(inherits);
        storageParameters = StorageParameters.requireValid(storageParameters, "table " + name);
        replicaIdentity = replicaIdentity == null ? ReplicaIdentity.DEFAULT : replicaIdentity;
        rules = rules == null ? List.of() : List.copyOf(rules);
        requireUniqueRules(name, rules);
        constraintComments = constraintComments == null || constraintComments.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(constraintComments));
        if (partitionOf != null && !inherits.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " is a partition of " + partitionOf.parent()
                    + " and cannot also inherit from " + inherits + " (PostgreSQL allows one or the other)");
        }
        if (inherits.size() != Set.copyOf(inherits).size()) {
            throw new IllegalArgumentException("table " + name + " inherits from the same table twice: " + inherits);
        }
        if (foreign != null) {
            requireForeignTableParts(name, primaryKey, uniqueConstraints, foreignKeys, exclusionConstraints, indexes,
                    rowSecurity, policies, partitioning, unlogged, storageParameters, replicaIdentity);
        }
        boolean hasParents = partitionOf != null || !inherits.isEmpty();
        validate(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes, policies, hasParents);
        for (String constraint : constraintComments.keySet()) {
            boolean declared = (primaryKey != null && primaryKey.name().equals(constraint))
                    || java.util.stream.Stream.of(uniqueConstraints, foreignKeys, checkConstraints, exclusionConstraints)
                    .flatMap(List::stream).anyMatch(c -> ((Constraint) c).name().equals(constraint));
            if (!declared) {
                throw new IllegalArgumentException("table " + name + " has a comment on constraint " + constraint
                        + ", which it does not declare");
            }
        }
    }

    /**
     * An empty, logged table with no columns, constraints or anything else. Build it up with the withers or
     * {@link #named}.
     */
    public static Table empty(String name) {
        return new Table(name, List.of(), null, List.of(), List.of(), List.of(), List.of(), RowSecurity.OFF, List.of(),
                null, List.of(), List.of(), null, null, false, List.of(), List.of(), ReplicaIdentity.DEFAULT, Map.of(),
                List.of(), null, null);
    }

    public Table withColumns(List<Column> newColumns) {
        if (Objects.equals(newColumns, columns)) {
            return this;
        }
        return new Table(name, newColumns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits,
                storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withPrimaryKey(PrimaryKey newPrimaryKey) {
        if (Objects.equals(newPrimaryKey, primaryKey)) {
            return this;
        }
        return new Table(name, columns, newPrimaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits,
                storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withUniqueConstraints(List<UniqueConstraint> newUniqueConstraints) {
        if (Objects.equals(newUniqueConstraints, uniqueConstraints)) {
            return this;
        }
        return new Table(name, columns, primaryKey, newUniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits,
                storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
        if (Objects.equals(newForeignKeys, foreignKeys)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, newForeignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits,
                storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withCheckConstraints(List<CheckConstraint> newCheckConstraints) {
        if (Objects.equals(newCheckConstraints, checkConstraints)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, newCheckConstraints, indexes,
                rowSecurity, policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits,
                storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withIndexes(List<Index> newIndexes) {
        if (Objects.equals(newIndexes, indexes)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, newIndexes,
                rowSecurity, policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits,
                storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withRowSecurity(RowSecurity newRowSecurity) {
        if (Objects.equals(newRowSecurity, rowSecurity)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                newRowSecurity, policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged,
                inherits, storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withPolicies(List<Policy> newPolicies) {
        if (Objects.equals(newPolicies, policies)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, newPolicies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged,
                inherits, storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withComment(String newComment) {
        if (Objects.equals(newComment, comment)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, newComment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged,
                inherits, storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withExclusionConstraints(List<ExclusionConstraint> newExclusionConstraints) {
        if (Objects.equals(newExclusionConstraints, exclusionConstraints)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, newExclusionConstraints, triggers, partitioning, partitionOf, unlogged,
                inherits, storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withTriggers(List<Trigger> newTriggers) {
        if (Objects.equals(newTriggers, triggers)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, exclusionConstraints, newTriggers, partitioning, partitionOf, unlogged,
                inherits, storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withPartitioning(Partitioning newPartitioning) {
        if (Objects.equals(newPartitioning, partitioning)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, exclusionConstraints, triggers, newPartitioning, partitionOf, unlogged,
                inherits, storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withPartitionOf(PartitionBound newPartitionOf) {
        if (Objects.equals(newPartitionOf, partitionOf)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, exclusionConstraints, triggers, partitioning, newPartitionOf, unlogged,
                inherits, storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withUnlogged(boolean newUnlogged) {
        if (newUnlogged == unlogged) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, newUnlogged,
                inherits, storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withInherits(List<QualifiedName> newInherits) {
        if (Objects.equals(newInherits, inherits)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged,
                newInherits, storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withStorageParameters(List<String> newStorageParameters) {
        if (Objects.equals(newStorageParameters, storageParameters)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits,
                newStorageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withReplicaIdentity(ReplicaIdentity newReplicaIdentity) {
        if (Objects.equals(newReplicaIdentity, replicaIdentity)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits,
                storageParameters, newReplicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    public Table withConstraintComments(Map<String, String> newConstraintComments) {
        if (Objects.equals(newConstraintComments, constraintComments)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes, rowSecurity,
                policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits,
                storageParameters, replicaIdentity, newConstraintComments, rules, foreign, renamedFrom);
    }

    /** This table as a foreign table on {@code newForeign}'s server, or (null) as a plain table. */
    public Table withForeign(ForeignTable newForeign) {
        if (Objects.equals(newForeign, foreign)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes, rowSecurity,
                policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits,
                storageParameters, replicaIdentity, constraintComments, rules, newForeign, renamedFrom);
    }

    /**
     * The table with column {@code oldName} called {@code newName}, in the column list and wherever a key, unique
     * constraint, foreign key or index names it as a column (what {@code ALTER TABLE ... RENAME COLUMN} does to
     * them). Text (checks, index expressions and predicates, policies, triggers) is left as it is.
     */
    public Table withColumnRenamed(String oldName, String newName) {
        java.util.function.UnaryOperator<List<String>> rename = names -> names.stream()
                .map(c -> c.equals(oldName) ? newName : c).toList();
        return new Table(name, columns.stream().map(c -> c.name().equals(oldName) ? c.withName(newName) : c).toList(),
                primaryKey == null ? null : primaryKey.withColumns(rename.apply(primaryKey.columns())),
                uniqueConstraints.stream().map(u -> u.withColumns(rename.apply(u.columns()))).toList(),
                foreignKeys.stream().map(f -> f.withColumns(rename.apply(f.columns()))).toList(), checkConstraints,
                indexes.stream().map(i -> i.withColumnRenamed(oldName, newName)).toList(), rowSecurity, policies, comment,
                exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits, storageParameters,
                replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    /** The same table under another name (what a rename makes of it). */
    public Table withName(String newName) {
        return new Table(newName, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes, rowSecurity,
                policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits,
                storageParameters, replicaIdentity, constraintComments, rules, foreign, renamedFrom);
    }

    /**
     * The table as declared renamed from {@code oldName} (null: not renamed): when the database has a table
     * {@code oldName} and none of this name, the plan renames it instead of dropping it and creating this one.
     * Never introspected: a database table has no former name.
     */
    public Table withRenamedFrom(String oldName) {
        if (Objects.equals(oldName, renamedFrom)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes, rowSecurity,
                policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits,
                storageParameters, replicaIdentity, constraintComments, rules, foreign, oldName);
    }

    public boolean isForeign() {
        return foreign != null;
    }

    public Table withRules(List<Rule> newRules) {
        if (Objects.equals(newRules, rules)) {
            return this;
        }
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes, rowSecurity,
                policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged, inherits,
                storageParameters, replicaIdentity, constraintComments, newRules, foreign, renamedFrom);
    }

    /** The comment on constraint {@code constraintName}, or null. */
    public String constraintComment(String constraintName) {
        return constraintComments.get(constraintName);
    }

    /** The tables this one takes columns from: its partitioned table, or the tables it inherits from. */
    public List<QualifiedName> parents() {
        return partitionOf != null ? List.of(partitionOf.parent()) : inherits;
    }

    public Optional<Trigger> trigger(String triggerName) {
        return triggers.stream().filter(t -> t.name().equals(triggerName)).findFirst();
    }

    public Optional<Rule> rule(String ruleName) {
        return rules.stream().filter(r -> r.name().equals(ruleName)).findFirst();
    }

    /** Rule names are unique per table (and view): PostgreSQL names a rule by its relation. */
    static void requireUniqueRules(String relation, List<Rule> rules) {
        Set<String> names = new HashSet<>();
        for (Rule rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException(relation + " declares rule " + rule.name() + " twice");
            }
        }
    }

    /** Starts the DSL for a table outside a schema builder. */
    public static Table named(String name, Consumer<TableBuilder> body) {
        TableBuilder builder = new TableBuilder(name);
        body.accept(builder);
        return builder.build();
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    /** The table with none of its indexes and constraints declared renamed ({@code renamedFrom} null on each). */
    public Table withoutIndexAndConstraintRenames() {
        return withIndexes(indexes.stream().map(i -> i.withRenamedFrom(null)).toList())
                .withPrimaryKey(primaryKey == null ? null : primaryKey.withRenamedFrom(null))
                .withUniqueConstraints(uniqueConstraints.stream().map(u -> u.withRenamedFrom(null)).toList())
                .withForeignKeys(foreignKeys.stream().map(f -> f.withRenamedFrom(null)).toList())
                .withCheckConstraints(checkConstraints.stream().map(c -> c.withRenamedFrom(null)).toList())
                .withExclusionConstraints(exclusionConstraints.stream().map(x -> x.withRenamedFrom(null)).toList());
    }

    /** Every constraint of the table: primary key first, then unique, foreign key, check and exclusion constraints. */
    public List<Constraint> constraints() {
        List<Constraint> all = new ArrayList<>();
        if (primaryKey != null) {
            all.add(primaryKey);
        }
        all.addAll(uniqueConstraints);
        all.addAll(foreignKeys);
        all.addAll(checkConstraints);
        all.addAll(exclusionConstraints);
        return all;
    }

    public Optional<Constraint> constraint(String constraintName) {
        return constraints().stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }

    private static void validate(String table, List<Column> columns, PrimaryKey primaryKey,
                                 List<UniqueConstraint> uniques, List<ForeignKey> foreignKeys,
                                 List<CheckConstraint> checks, List<Index> indexes, List<Policy> policies,
                                 boolean hasParents) {
        Set<String> listed = new HashSet<>();
        for (Column column : columns) {
            if (!listed.add(column.name())) {
                throw new IllegalArgumentException("table " + table + " declares column " + column.name() + " twice");
            }
        }
        // A child's indexes and constraints may name the columns it inherits, which it does not list.
        Set<String> columnNames = hasParents ? null : listed;
        Set<String> constraintNames = new HashSet<>();
        List<Constraint> constraints = new ArrayList<>();
        if (primaryKey != null) {
            constraints.add(primaryKey);
            requireColumns(table, "primary key " + primaryKey.name(), primaryKey.columns(), columnNames);
        }
        constraints.addAll(uniques);
        constraints.addAll(foreignKeys);
        constraints.addAll(checks);
        for (Constraint constraint : constraints) {
            if (!constraintNames.add(constraint.name())) {
                throw new IllegalArgumentException("table " + table + " declares constraint " + constraint.name() + " twice");
            }
        }
        uniques.forEach(u -> requireColumns(table, "unique constraint " + u.name(), u.columns(), columnNames));
        foreignKeys.forEach(f -> requireColumns(table, "foreign key " + f.name(), f.columns(), columnNames));
        Set<String> indexNames = new HashSet<>();
        for (Index index : indexes) {
            if (!indexNames.add(index.name()) || (primaryKey != null && primaryKey.name().equals(index.name()))
                    || uniques.stream().anyMatch(u -> u.name().equals(index.name()))) {
                throw new IllegalArgumentException("table " + table + " declares index " + index.name()
                        + " twice (or with the name of a primary key or unique constraint)");
            }
            for (IndexKey key : index.keys()) {
                if (key.column() != null) {
                    requireColumns(table, "index " + index.name(), List.of(key.column()), columnNames);
                }
            }
            requireColumns(table, "index " + index.name(), index.include(), columnNames);
        }
        Set<String> policyNames = new HashSet<>();
        for (Policy policy : policies) {
            if (!policyNames.add(policy.name())) {
                throw new IllegalArgumentException("table " + table + " declares policy " + policy.name() + " twice");
            }
        }
    }

    /** Checks that {@code names} are columns of the table; {@code columnNames} is null when it cannot be known. */
    private static void requireColumns(String table, String owner, List<String> names, Set<String> columnNames) {
        if (columnNames == null) {
            return;
        }
        for (String column : names) {
            if (!columnNames.contains(column)) {
                throw new IllegalArgumentException(owner + " on table " + table + " refers to column " + column
                        + ", which the table does not have");
            }
        }
    }

    /**
     * What PostgreSQL refuses on a foreign table: keys, foreign keys, exclusion constraints, indexes, row security
     * and policies, being partitioned, UNLOGGED, storage parameters and a replica identity.
     */
    private static void requireForeignTableParts(String table, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                                                 List<ForeignKey> foreignKeys, List<ExclusionConstraint> exclusions,
                                                 List<Index> indexes, RowSecurity rowSecurity, List<Policy> policies,
                                                 Partitioning partitioning, boolean unlogged, List<String> storageParameters,
                                                 ReplicaIdentity replicaIdentity) {
        List<String> refused = new ArrayList<>();
        if (primaryKey != null) {
            refused.add("a primary key");
        }
        if (!uniques.isEmpty()) {
            refused.add("unique constraints");
        }
        if (!foreignKeys.isEmpty()) {
            refused.add("foreign keys");
        }
        if (!exclusions.isEmpty()) {
            refused.add("exclusion constraints");
        }
        if (!indexes.isEmpty()) {
            refused.add("indexes");
        }
        if (!rowSecurity.equals(RowSecurity.OFF) || !policies.isEmpty()) {
            refused.add("row security or policies");
        }
        if (partitioning != null) {
            refused.add("partitioning (a foreign table can be a partition, not partitioned)");
        }
        if (unlogged) {
            refused.add("UNLOGGED");
        }
        if (!storageParameters.isEmpty()) {
            refused.add("storage parameters");
        }
        if (!replicaIdentity.equals(ReplicaIdentity.DEFAULT)) {
            refused.add("a replica identity");
        }
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("table " + table + " is a foreign table, which PostgreSQL does not allow "
                    + String.join(", ", refused));
        }
    }
}
