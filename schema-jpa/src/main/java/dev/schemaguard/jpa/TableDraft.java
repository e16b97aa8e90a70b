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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table being assembled from entity attributes; unnamed constraints get PostgreSQL's default names. */
final class TableDraft {

    final QualifiedName name;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private PrimaryKey primaryKey;
    private final Map<String, UniqueConstraint> uniques = new LinkedHashMap<>();
    private final Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();
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

    void setPrimaryKey(List<String> pkColumns) {
        primaryKey = new PrimaryKey(Identifiers.defaultName(name.name(), null, "pkey"), pkColumns);
        for (String column : pkColumns) {
            columns.computeIfPresent(column, (n, c) -> c.withNullable(false));
        }
    }

    void addUnique(String constraintName, List<String> uniqueColumns) {
        String actualName = constraintName != null ? constraintName : defaultName(uniqueColumns, "key");
        uniques.putIfAbsent(actualName, new UniqueConstraint(actualName, uniqueColumns, false, false, false));
    }

    void addForeignKey(String constraintName, List<String> fkColumns, QualifiedName target, List<String> targetColumns) {
        String actualName = constraintName != null ? constraintName : defaultName(fkColumns, "fkey");
        foreignKeys.putIfAbsent(actualName, new ForeignKey(actualName, fkColumns, target, targetColumns,
                null, null, null, false, false, false));
    }

    void addCheck(String column, String expression) {
        String checkName = defaultName(List.of(column), "check");
        checks.putIfAbsent(checkName, new CheckConstraint(checkName, expression, false, false));
    }

    void addIndex(Index index) {
        indexes.putIfAbsent(index.name(), index);
    }

    /** PostgreSQL's choice for an unnamed constraint or index: table, columns joined by "_", a label. */
    String defaultName(List<String> keyColumns, String label) {
        return Identifiers.defaultName(name.name(), String.join("_", keyColumns), label);
    }

    Table build() {
        return new Table(name.name(), List.copyOf(columns.values()), primaryKey, new ArrayList<>(uniques.values()),
                new ArrayList<>(foreignKeys.values()), new ArrayList<>(checks.values()), new ArrayList<>(indexes.values()),
                RowSecurity.OFF, List.of(), null, List.of(), List.of(), null, null, false, List.of(), List.of(), null, java.util.Map.of(), List.of(), null);
    }
}
