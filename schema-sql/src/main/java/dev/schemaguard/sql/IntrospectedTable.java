package dev.schemaguard.sql;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Partitioning;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One table while {@link PostgresIntrospector} collects it: each catalog query adds its rows here, and
 * {@link #toTable(IntrospectedTable)} builds the immutable model once every query has run.
 */
final class IntrospectedTable {

    final String schema;
    final String name;
    private final RowSecurity rowSecurity;
    private final String comment;
    private final Partitioning partitioning;
    private final PartitionBound partitionOf;
    private final boolean unlogged;
    /** The oid of the table this one is a partition of, or null. */
    final Long parentOid;
    final List<Column> columns = new ArrayList<>();
    /** Each column's default or generation expression as the catalog spells it, before serial detection. */
    final Map<String, String> catalogDefaults = new HashMap<>();
    PrimaryKey primaryKey;
    final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<CheckConstraint> checkConstraints = new ArrayList<>();
    final List<ExclusionConstraint> exclusionConstraints = new ArrayList<>();
    final Map<String, IntrospectedIndex> indexes = new LinkedHashMap<>();
    final List<Policy> policies = new ArrayList<>();
    final List<Trigger> triggers = new ArrayList<>();

    IntrospectedTable(String schema, String name, RowSecurity rowSecurity, String comment,
                      Partitioning partitioning, PartitionBound partitionOf, Long parentOid, boolean unlogged) {
        this.schema = schema;
        this.name = name;
        this.rowSecurity = rowSecurity;
        this.comment = comment;
        this.partitioning = partitioning;
        this.partitionOf = partitionOf;
        this.unlogged = unlogged;
        this.parentOid = parentOid;
    }

    /**
     * The table; {@code parent} is the table this one is a partition of, when it was introspected too. Constraints,
     * indexes and triggers a partition inherits never reach this class (the queries leave them out). Its columns
     * do, since every partition has all of its parent's columns; a partition lists only those it changed (its
     * own NOT NULL, default or comment) and those its own indexes and constraints name, which the model needs
     * to find on the table. Whether a column counts as inherited cannot be read from {@code attislocal}: it is
     * false after {@code PARTITION OF} but true after {@code ATTACH PARTITION}.
     */
    Table toTable(IntrospectedTable parent) {
        List<Column> ownColumns = columns;
        if (parent != null) {
            Set<String> named = columnsNamedByOwnIndexesAndConstraints();
            ownColumns = columns.stream()
                    .filter(column -> named.contains(column.name()) || differsFromParent(column, parent))
                    .toList();
        }
        return new Table(name, ownColumns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints,
                IntrospectedIndex.build(indexes), rowSecurity, policies, comment, exclusionConstraints, triggers,
                partitioning, partitionOf, unlogged);
    }

    private Set<String> columnsNamedByOwnIndexesAndConstraints() {
        Set<String> named = new HashSet<>();
        if (primaryKey != null) {
            named.addAll(primaryKey.columns());
        }
        uniqueConstraints.forEach(unique -> named.addAll(unique.columns()));
        foreignKeys.forEach(foreignKey -> named.addAll(foreignKey.columns()));
        for (IntrospectedIndex index : indexes.values()) {
            index.keys.stream().filter(key -> key.column() != null).forEach(key -> named.add(key.column()));
            named.addAll(index.include);
        }
        return named;
    }

    private boolean differsFromParent(Column column, IntrospectedTable parent) {
        Column inherited = parent.columns.stream().filter(c -> c.name().equals(column.name())).findFirst().orElse(null);
        return inherited == null
                || column.nullable() != inherited.nullable()
                || !Objects.equals(catalogDefaults.get(column.name()), parent.catalogDefaults.get(column.name()))
                || !Objects.equals(column.comment(), inherited.comment());
    }
}
