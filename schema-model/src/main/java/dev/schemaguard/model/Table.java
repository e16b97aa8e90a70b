package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A table: columns in their physical order, constraints by kind ({@code primaryKey} is null when there is
 * none), indexes that back no constraint, row-level security and policies, an optional comment, then the
 * less common parts: exclusion constraints, triggers, how the table is partitioned ({@code partitioning},
 * null unless it is a partitioned table), what it is a partition of ({@code partitionOf}, null unless it
 * is a partition) and whether it is {@code UNLOGGED} (its rows skip the write-ahead log: faster to write, emptied
 * after a crash, not replicated).
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
        boolean unlogged) {

    public Table {
        Identifiers.requireValid(name, "table name");
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
        validate(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes, policies);
    }

    /** A logged table. */
    public Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniqueConstraints,
                 List<ForeignKey> foreignKeys, List<CheckConstraint> checkConstraints, List<Index> indexes,
                 RowSecurity rowSecurity, List<Policy> policies, String comment,
                 List<ExclusionConstraint> exclusionConstraints, List<Trigger> triggers, Partitioning partitioning,
                 PartitionBound partitionOf) {
        this(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes, rowSecurity, policies,
                comment, exclusionConstraints, triggers, partitioning, partitionOf, false);
    }

    /** A logged table with none of the less common parts. */
    public Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniqueConstraints,
                 List<ForeignKey> foreignKeys, List<CheckConstraint> checkConstraints, List<Index> indexes,
                 RowSecurity rowSecurity, List<Policy> policies, String comment) {
        this(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes, rowSecurity, policies,
                comment, List.of(), List.of(), null, null);
    }

    public Table withComment(String newComment) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, newComment, exclusionConstraints, triggers, partitioning, partitionOf, unlogged);
    }

    public Table withExtras(List<ExclusionConstraint> exclusions, List<Trigger> tableTriggers,
                            Partitioning partitionedBy, PartitionBound partitionOfParent) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, exclusions, tableTriggers, partitionedBy, partitionOfParent, unlogged);
    }

    /** This table, {@code UNLOGGED} or not. */
    public Table withUnlogged(boolean newUnlogged) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, indexes,
                rowSecurity, policies, comment, exclusionConstraints, triggers, partitioning, partitionOf, newUnlogged);
    }

    public Optional<Trigger> trigger(String triggerName) {
        return triggers.stream().filter(t -> t.name().equals(triggerName)).findFirst();
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
                                 List<CheckConstraint> checks, List<Index> indexes, List<Policy> policies) {
        Set<String> columnNames = new HashSet<>();
        for (Column column : columns) {
            if (!columnNames.add(column.name())) {
                throw new IllegalArgumentException("table " + table + " declares column " + column.name() + " twice");
            }
        }
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

    private static void requireColumns(String table, String owner, List<String> names, Set<String> columnNames) {
        for (String column : names) {
            if (!columnNames.contains(column)) {
                throw new IllegalArgumentException(owner + " on table " + table + " refers to column " + column
                        + ", which the table does not have");
            }
        }
    }
}
