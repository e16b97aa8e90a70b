package dev.schemaguard.jpa;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table being assembled from entity attributes; unnamed constraints get PostgreSQL's default names. */
final class TableDraft {

    final QualifiedName name;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private List<String> primaryKey;
    private final Map<String, UniqueConstraint> uniques = new LinkedHashMap<>();
    private final Map<List<Object>, PendingForeignKey> foreignKeys = new LinkedHashMap<>();
    private final Map<String, CheckConstraint> checks = new LinkedHashMap<>();
    private final Map<String, Index> indexes = new LinkedHashMap<>();

    TableDraft(QualifiedName name) {
        this.name = name;
    }

    boolean hasColumn(String column) {
        return columns.containsKey(column);
    }

    /**
     * Adds a column once: a second mapping of the same column (e.g. {@code insertable = false, updatable = false}
     * beside an id attribute) keeps the first.
     */
    void addColumn(Column column) {
        columns.putIfAbsent(column.name(), column);
    }

    /** A foreign key before its columns are put in the order of the referenced key. */
    private record PendingForeignKey(String name, List<String> columns, QualifiedName target, List<String> targetColumns) {
    }

    void setPrimaryKey(List<String> pkColumns) {
        primaryKey = List.copyOf(pkColumns);
        for (String column : pkColumns) {
            columns.computeIfPresent(column, (n, c) -> c.withNullable(false));
        }
    }

    void addUnique(String constraintName, List<String> uniqueColumns) {
        String actualName = constraintName != null ? constraintName : defaultName(uniqueColumns, "key");
        uniques.putIfAbsent(actualName, new UniqueConstraint(actualName, uniqueColumns, false, false, false, null));
    }

    void addForeignKey(String constraintName, List<String> fkColumns, QualifiedName target, List<String> targetColumns) {
        List<Object> identity = constraintName != null ? List.of(constraintName) : List.of(Set.copyOf(fkColumns), target);
        foreignKeys.putIfAbsent(identity, new PendingForeignKey(constraintName, List.copyOf(fkColumns), target,
                List.copyOf(targetColumns)));
    }

    List<String> primaryKeyColumns() {
        return primaryKey == null ? List.of() : primaryKey;
    }

    /** Puts the columns of a composite primary key in the given order. */
    void orderPrimaryKey(Comparator<Column> order) {
        if (primaryKey != null && primaryKey.size() > 1) {
            primaryKey = primaryKey.stream().map(columns::get).sorted(order).map(Column::name).toList();
        }
    }

    void addCheck(String column, String expression) {
        addCheck(null, column, expression);
    }

    /**
     * A check, unnamed ({@code constraintName} null) named as PostgreSQL names it: after the column for a column's
     * check, after the table for a table's ({@code column} null).
     */
    void addCheck(String constraintName, String column, String expression) {
        String checkName = constraintName != null ? constraintName
                : column != null ? defaultName(List.of(column), "check") : Identifiers.defaultName(name.name(), null, "check");
        checks.putIfAbsent(checkName, new CheckConstraint(checkName, expression, false, false, null));
    }

    void addIndex(Index index) {
        indexes.putIfAbsent(index.name(), index);
    }

    /** PostgreSQL's choice for an unnamed constraint or index: table, columns joined by "_", a label. */
    String defaultName(List<String> keyColumns, String label) {
        return Identifiers.defaultName(name.name(), String.join("_", keyColumns), label);
    }

    List<Column> columns() {
        return List.copyOf(columns.values());
    }

    /**
     * The table; a foreign key whose referenced columns are a primary key of {@code primaryKeyOf} lists its columns
     * in that key's order, as Hibernate declares it; null from {@code primaryKeyOf} means no such table.
     */
    Table build(Function<QualifiedName, List<String>> primaryKeyOf) {
        List<ForeignKey> keys = new ArrayList<>();
        for (PendingForeignKey pending : foreignKeys.values()) {
            List<String> fkColumns = pending.columns();
            List<String> targetColumns = pending.targetColumns();
            List<String> referencedKey = primaryKeyOf.apply(pending.target());
            if (referencedKey == null) {
                continue; // an abstract TABLE_PER_CLASS root has no table, so Hibernate declares no key to it
            }
            if (referencedKey.size() == targetColumns.size() && Set.copyOf(referencedKey).equals(Set.copyOf(targetColumns))) {
                List<String> reordered = new ArrayList<>();
                for (String keyColumn : referencedKey) {
                    reordered.add(pending.columns().get(pending.targetColumns().indexOf(keyColumn)));
                }
                fkColumns = reordered;
                targetColumns = referencedKey;
            }
            String actualName = pending.name() != null ? pending.name() : defaultName(fkColumns, "fkey");
            keys.add(new ForeignKey(actualName, fkColumns, pending.target(), targetColumns, null, null, null, false, false, false, null));
        }
        PrimaryKey key = primaryKey == null ? null : new PrimaryKey(Identifiers.defaultName(name.name(), null, "pkey"), primaryKey, null);
        return new Table(name.name(), List.copyOf(columns.values()), key, new ArrayList<>(uniques.values()),
                keys, new ArrayList<>(checks.values()), new ArrayList<>(indexes.values()),
                RowSecurity.OFF, List.of(), null, List.of(), List.of(), null, null, false, List.of(), List.of(), null, java.util.Map.of(), List.of(), null, null);
    }
}
