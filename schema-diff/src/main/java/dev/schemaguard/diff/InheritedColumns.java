package dev.schemaguard.diff;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every column a table has in one model, including those a partition or inheritance child gets from its
 * parents, which it does not list. An inherited column is the parent's without its comment (PostgreSQL does not
 * copy comments); a column the child lists overrides it. A parent the model does not hold gives nothing.
 */
final class InheritedColumns {

    private final Database database;
    private final Map<QualifiedName, Map<String, Column>> all = new HashMap<>();
    private final Set<QualifiedName> resolving = new HashSet<>();

    InheritedColumns(Database database) {
        this.database = database;
    }

    /** The table's columns by name: inherited ones first (first parent first), then those it lists. */
    Map<String, Column> all(QualifiedName name, Table table) {
        Map<String, Column> known = all.get(name);
        if (known != null) {
            return known;
        }
        if (!resolving.add(name)) {
            return Map.of(); // an inheritance cycle, which PostgreSQL forbids: nothing more to inherit
        }
        Map<String, Column> columns = new LinkedHashMap<>(inherited(table));
        table.columns().forEach(column -> columns.put(column.name(), column));
        resolving.remove(name);
        all.put(name, columns);
        return columns;
    }

    /** The columns the table's parents give it, by name, first parent first. */
    Map<String, Column> inherited(Table table) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (QualifiedName parent : table.parents()) {
            all(parent).forEach((column, definition) -> columns.putIfAbsent(column, asInherited(parent, definition)));
        }
        return columns;
    }

    /**
     * A parent's column as a child has it: without comment, and a serial column spelled out, since the child's
     * default draws from the parent's sequence ({@code nextval('public.orders_id_seq'::regclass)}).
     */
    private static Column asInherited(QualifiedName parent, Column column) {
        Column inherited = column.withComment(null);
        if (!inherited.type().isSerial()) {
            return inherited;
        }
        QualifiedName sequence = QualifiedName.of(parent.schema(), Identifiers.defaultName(parent.name(), column.name(), "seq"));
        return inherited.withType(inherited.type().storageType())
                .withDefault("nextval(" + Identifiers.literal(sequence.sql()) + "::regclass)");
    }

    /** The columns of the named table, or none when the model does not hold it. */
    Map<String, Column> all(QualifiedName name) {
        return database.table(name).map(table -> all(name, table)).orElse(Map.of());
    }

    /** Whether {@code parent} has the column in this model. */
    boolean has(QualifiedName parent, String column) {
        return all(parent).containsKey(column);
    }

    /** The table and then its ancestors that list the column themselves, nearest first. */
    List<QualifiedName> declaredIn(QualifiedName name, Table table, String column) {
        List<QualifiedName> tables = new ArrayList<>();
        collectDeclarations(name, table, column, tables, new HashSet<>());
        return tables;
    }

    private void collectDeclarations(QualifiedName name, Table table, String column, List<QualifiedName> tables,
                                     Set<QualifiedName> seen) {
        if (!seen.add(name)) {
            return;
        }
        if (table.column(column).isPresent()) {
            tables.add(name);
        }
        for (QualifiedName parent : table.parents()) {
            database.table(parent).ifPresent(p -> collectDeclarations(parent, p, column, tables, seen));
        }
    }
}
