package dev.schemaguard.sql;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.ForeignTable;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Partitioning;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.ReplicaIdentity;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

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
    /** The tables this one inherits from ({@code INHERITS}), in order, and their oids. */
    private final List<QualifiedName> inherits;
    final List<Long> inheritedOids;
    private final List<String> storageParameters;
    private final ReplicaIdentity replicaIdentity;
    // The column fields below are held for every table until the read ends (in a check, beside the declared model):
    // no map entry per column, only what toTable needs. At 10,000 tables that was about 15 MB less at the peak.
    /** The columns an inheritance child declares itself (attislocal); kept for such children only. */
    private final Set<String> localColumns = new HashSet<>();
    /** Every column (inherited ones too) at its attribute number minus one; null where a number is unused. */
    private Column[] columnsByAttnum = new Column[0];
    /**
     * The catalog's default of each column whose model leaves it out (a serial column's nextval()); any other column's
     * catalog default is its default or generation expression ({@link #catalogDefault}).
     */
    private final Map<String, String> serialDefaults = new HashMap<>();
    PrimaryKey primaryKey;
    final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<CheckConstraint> checkConstraints = new ArrayList<>();
    final List<ExclusionConstraint> exclusionConstraints = new ArrayList<>();
    final Map<String, IntrospectedIndex> indexes = new LinkedHashMap<>();
    final List<Policy> policies = new ArrayList<>();
    final List<Trigger> triggers = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();
    final Map<String, String> constraintComments = new java.util.TreeMap<>();
    /** A foreign table's server and options (null for any other table); column options are added by the columns query. */
    ForeignTable foreign;
    final Map<String, Map<String, String>> foreignColumnOptions = new TreeMap<>();

    IntrospectedTable(String schema, String name, RowSecurity rowSecurity, String comment,
                      Partitioning partitioning, PartitionBound partitionOf, Long parentOid, boolean unlogged,
                      List<QualifiedName> inherits, List<Long> inheritedOids, List<String> storageParameters,
                      ReplicaIdentity replicaIdentity) {
        this.storageParameters = List.copyOf(storageParameters);
        this.replicaIdentity = replicaIdentity;
        this.schema = schema;
        this.name = name;
        this.rowSecurity = rowSecurity;
        this.comment = comment;
        this.partitioning = partitioning;
        this.partitionOf = partitionOf;
        this.unlogged = unlogged;
        this.parentOid = parentOid;
        this.inherits = List.copyOf(inherits);
        this.inheritedOids = List.copyOf(inheritedOids);
    }

    /**
     * A column the catalog has at {@code attnum}, declared by this table itself or not ({@code local}), with its
     * default or generation expression as the catalog spells it ({@code catalogDefault}, before serial detection).
     */
    void addColumn(int attnum, Column column, boolean local, String catalogDefault) {
        if (attnum > columnsByAttnum.length) {
            columnsByAttnum = Arrays.copyOf(columnsByAttnum, Math.max(attnum, 2 * columnsByAttnum.length));
        }
        columnsByAttnum[attnum - 1] = column;
        if (local && !inherits.isEmpty()) {
            localColumns.add(column.name());
        }
        if (catalogDefault != null && !catalogDefault.equals(column.defaultExpression())
                && !catalogDefault.equals(column.generatedExpression())) {
            serialDefaults.put(column.name(), catalogDefault);
        }
    }

    /** The column's default or generation expression as the catalog spells it (a serial column's nextval()). */
    private String catalogDefault(Column column) {
        String serial = serialDefaults.get(column.name());
        if (serial != null) {
            return serial;
        }
        return column.defaultExpression() != null ? column.defaultExpression() : column.generatedExpression();
    }

    private Column column(int attnum) {
        return attnum >= 1 && attnum <= columnsByAttnum.length ? columnsByAttnum[attnum - 1] : null;
    }

    /** The columns in attribute number order. */
    private List<Column> columns() {
        List<Column> columns = new ArrayList<>(columnsByAttnum.length);
        for (Column column : columnsByAttnum) {
            if (column != null) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** The names of the columns with these attribute numbers, in that order (a constraint's key). */
    List<String> columnNames(List<Integer> attnums, String constraint) {
        List<String> names = new ArrayList<>(attnums.size());
        for (int attnum : attnums) {
            Column column = column(attnum);
            if (column == null) {
                throw new IllegalStateException("constraint " + constraint + " on " + Identifiers.quote(schema) + "."
                        + Identifiers.quote(name) + " uses column number " + attnum + ", which the columns query did not return");
            }
            names.add(column.name());
        }
        return List.copyOf(names);
    }

    /** The oids of the tables this one takes columns from: its partitioned table, or those it inherits from. */
    List<Long> parentOids() {
        return parentOid != null ? List.of(parentOid) : inheritedOids;
    }

    /**
     * The table; {@code parents} are the introspected tables it takes columns from (its partitioned table, or the
     * tables it inherits from, in order; a parent outside the included schemas is missing). Constraints, indexes
     * and triggers a child inherits never reach this class (the queries leave them out). Its columns do, since a
     * child has all of its parents' columns: an inheritance child lists those it declares itself (attislocal), a
     * partition, whose columns are never local, those it changed (its own NOT NULL, default, comment, storage or
     * compression).
     */
    Table toTable(List<IntrospectedTable> parents) {
        List<Column> ownColumns = List.copyOf(columns());
        if (partitionOf != null && !parents.isEmpty()) {
            ownColumns = columns().stream().filter(column -> differsFromParents(column, parents)).toList();
        } else if (!inherits.isEmpty()) {
            ownColumns = columns().stream().filter(column -> localColumns.contains(column.name())).toList();
        }
        return new Table(name, ownColumns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints,
                IntrospectedIndex.build(indexes), rowSecurity, policies, comment, exclusionConstraints, triggers,
                partitioning, partitionOf, unlogged, inherits, storageParameters, replicaIdentity, constraintComments, rules,
                foreign == null ? null : foreign.withColumnOptions(foreignColumnOptions), null);
    }

    /**
     * The inherited columns of an inheritance child that differ from what its parents give them (their own
     * NOT NULL, default or comment): the model lists only an inheritance child's own columns, so it cannot
     * describe them. Columns of parents outside the included schemas cannot be told apart and are left alone.
     */
    List<String> inheritedColumnsWithOwnSettings(List<IntrospectedTable> parents) {
        if (inherits.isEmpty()) {
            return List.of();
        }
        return columns().stream()
                .filter(column -> !localColumns.contains(column.name()) && hasParentColumn(column, parents)
                        && differsFromParents(column, parents))
                .map(column -> QualifiedName.of(schema, name).sql() + "." + Identifiers.quote(column.name()))
                .toList();
    }

    private static boolean hasParentColumn(Column column, List<IntrospectedTable> parents) {
        return parents.stream().anyMatch(parent -> parent.columns().stream().anyMatch(c -> c.name().equals(column.name())));
    }

    /**
     * Whether the column changes what the first parent that has it gives it (comments are never inherited); a
     * column no parent has is the table's own.
     */
    private boolean differsFromParents(Column column, List<IntrospectedTable> parents) {
        for (IntrospectedTable parent : parents) {
            Column inherited = parent.columns().stream().filter(c -> c.name().equals(column.name())).findFirst().orElse(null);
            if (inherited != null) {
                return column.nullable() != inherited.nullable()
                        || !Objects.equals(catalogDefault(column), parent.catalogDefault(inherited))
                        || column.comment() != null
                        || column.storage() != inherited.storage() || column.compression() != inherited.compression();
            }
        }
        return true;
    }
}
