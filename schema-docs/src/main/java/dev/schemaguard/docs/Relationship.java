package dev.schemaguard.docs;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A foreign key seen as a relationship between two tables, with the cardinality its columns give it:
 * <ul>
 *   <li>{@code parentOptional}: a child row may reference no parent row, because a foreign key column is nullable
 *   (a NULL in any of them means "no reference", under MATCH SIMPLE and FULL alike) — zero or one parent, else
 *   exactly one;</li>
 *   <li>{@code childUnique}: at most one child row per parent row, because the foreign key columns include all the
 *   columns of the child's primary key, a unique constraint or a unique index without predicate — a one-to-one
 *   relationship, else one-to-many;</li>
 *   <li>{@code identifying}: the foreign key columns are part of the child's primary key.</li>
 * </ul>
 */
record Relationship(QualifiedName child, QualifiedName parent, ForeignKey foreignKey, boolean parentOptional,
                    boolean childUnique, boolean identifying) {

    static Relationship of(Database database, QualifiedName childName, Table child, ForeignKey foreignKey) {
        Set<String> columns = Set.copyOf(foreignKey.columns());
        boolean optional = foreignKey.columns().stream().anyMatch(c -> nullable(database, childName, child, c));
        boolean unique = uniqueKeys(child).stream().anyMatch(columns::containsAll);
        boolean identifying = child.primaryKey() != null && child.primaryKey().columns().containsAll(columns);
        return new Relationship(childName, foreignKey.referencedTable(), foreignKey, optional, unique, identifying);
    }

    /** The Mermaid relationship operator from parent (left) to child (right), e.g. {@code ||--o{}. */
    String mermaidOperator() {
        return (parentOptional ? "|o" : "||") + (identifying ? "--" : "..") + (childUnique ? "o|" : "o{");
    }

    /** In words, for the Markdown: "each row references exactly one ...; one-to-many". */
    String cardinalityInWords() {
        return (parentOptional ? "zero or one" : "exactly one") + " parent row per row; "
                + (childUnique ? "one-to-one" : "one-to-many");
    }

    /** The column sets whose values are unique in the table. */
    private static List<Set<String>> uniqueKeys(Table table) {
        List<Set<String>> keys = new ArrayList<>();
        if (table.primaryKey() != null) {
            keys.add(Set.copyOf(table.primaryKey().columns()));
        }
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            keys.add(Set.copyOf(unique.columns()));
        }
        for (Index index : table.indexes()) {
            if (index.unique() && index.predicate() == null && index.keys().stream().noneMatch(IndexKey::isExpression)) {
                keys.add(Set.copyOf(index.keys().stream().map(IndexKey::column).toList()));
            }
        }
        return keys;
    }

    /**
     * Whether the column may hold NULL: primary key columns never do; a column the table does not list is looked
     * up in its parents (partitions and inheritance children list only their own columns); a column found nowhere
     * counts as nullable, the cardinality that claims less.
     */
    private static boolean nullable(Database database, QualifiedName tableName, Table table, String column) {
        if (table.primaryKey() != null && table.primaryKey().columns().contains(column)) {
            return false;
        }
        return findColumn(database, tableName, table, column, new HashSet<>()).map(Column::nullable).orElse(true);
    }

    private static Optional<Column> findColumn(Database database, QualifiedName tableName, Table table, String column,
                                               Set<QualifiedName> seen) {
        if (!seen.add(tableName)) {
            return Optional.empty();
        }
        Optional<Column> own = table.column(column);
        if (own.isPresent()) {
            return own;
        }
        for (QualifiedName parentName : table.parents()) {
            Optional<Table> parent = database.table(parentName);
            if (parent.isPresent()) {
                Optional<Column> inherited = findColumn(database, parentName, parent.get(), column, seen);
                if (inherited.isPresent()) {
                    return inherited;
                }
            }
        }
        return Optional.empty();
    }
}
