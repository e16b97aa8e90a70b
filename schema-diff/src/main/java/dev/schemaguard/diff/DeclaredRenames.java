package dev.schemaguard.diff;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Matches expected tables and columns declared {@code renamedFrom} an old name with the actual table or column of
 * that name, before they are compared: the actual schema is returned with those under their new names (so every
 * later change refers to the new name), and a {@link SchemaChange.TableRenamed} or
 * {@link SchemaChange.ColumnRenamed} is recorded for each.
 */
final class DeclaredRenames {

    private DeclaredRenames() {
    }

    /**
     * {@code have} with the declared renames applied. A table already renamed (its new name exists, its old one
     * does not) needs nothing; a declaration whose old and new names both exist, or neither does, is an error,
     * since renaming could then lose or invent data.
     */
    static Schema applyTableRenames(Schema want, Schema have, List<SchemaChange> changes) {
        Set<String> haveNames = have.tables().stream().map(Table::name).collect(Collectors.toSet());
        Map<String, String> newNameByOld = new HashMap<>();
        for (Table table : want.tables()) {
            String oldName = table.renamedFrom();
            if (oldName == null) {
                continue;
            }
            QualifiedName newName = QualifiedName.of(want.name(), table.name());
            QualifiedName old = QualifiedName.of(want.name(), oldName);
            boolean hasNew = haveNames.contains(table.name());
            boolean hasOld = haveNames.contains(oldName);
            if (hasNew && hasOld) {
                throw new DeclaredRenameException("table " + newName + " is declared renamed from " + old
                        + ", but the database has both tables: drop or rename one of them, or remove the declaration");
            }
            if (!hasNew && !hasOld) {
                throw new DeclaredRenameException("table " + newName + " is declared renamed from " + old
                        + ", but the database has neither table: remove the declaration to create " + newName);
            }
            if (hasOld) {
                String earlier = newNameByOld.putIfAbsent(oldName, table.name());
                if (earlier != null) {
                    throw new DeclaredRenameException("tables " + QualifiedName.of(want.name(), earlier) + " and "
                            + newName + " are both declared renamed from " + old);
                }
            }
        }
        if (newNameByOld.isEmpty()) {
            return have;
        }
        List<Table> renamed = new ArrayList<>();
        for (Table table : have.tables()) {
            String newName = newNameByOld.get(table.name());
            if (newName == null) {
                renamed.add(table);
            } else {
                changes.add(new SchemaChange.TableRenamed(QualifiedName.of(want.name(), newName), table.name()));
                renamed.add(table.withName(newName));
            }
        }
        renamed.sort(java.util.Comparator.comparing(Table::name));
        // PostgreSQL's foreign keys follow the table (they hold its oid): so do the actual model's
        Map<QualifiedName, QualifiedName> tableRenames = new HashMap<>();
        newNameByOld.forEach((o, n) -> tableRenames.put(QualifiedName.of(want.name(), o), QualifiedName.of(want.name(), n)));
        return have.withTables(renamed.stream().map(t -> t.withForeignKeys(t.foreignKeys().stream()
                .map(fk -> fk.withReferencedTable(tableRenames.getOrDefault(fk.referencedTable(), fk.referencedTable())))
                .toList())).toList());
    }

    /**
     * {@code have} (its tables already renamed) with the declared column renames applied, under the same rules
     * as tables: nothing to do once renamed, an error when the table has both names or neither. Only a table's
     * own columns. Key, unique, foreign key and index column lists (also other tables' foreign keys referencing it)
     * follow the rename as in PostgreSQL; expressions (checks, index expressions, policies) still spell the old
     * name, so they differ and are planned again.
     */
    static Schema applyColumnRenames(Schema want, Schema have, List<SchemaChange> changes) {
        Map<String, Table> haveTables = new HashMap<>();
        have.tables().forEach(t -> haveTables.put(t.name(), t));
        Map<QualifiedName, Map<String, String>> columnRenames = new HashMap<>();
        boolean any = false;
        for (Table wantTable : want.tables()) {
            Table haveTable = haveTables.get(wantTable.name());
            if (haveTable == null || wantTable.columns().stream().allMatch(c -> c.renamedFrom() == null)) {
                continue;
            }
            QualifiedName table = QualifiedName.of(want.name(), wantTable.name());
            Set<String> haveNames = haveTable.columns().stream().map(Column::name).collect(Collectors.toSet());
            Map<String, String> newNameByOld = new HashMap<>();
            for (Column column : wantTable.columns()) {
                String oldName = column.renamedFrom();
                if (oldName == null) {
                    continue;
                }
                boolean hasNew = haveNames.contains(column.name());
                boolean hasOld = haveNames.contains(oldName);
                String what = "column " + table + "." + column.name() + " is declared renamed from " + oldName;
                if (hasNew && hasOld) {
                    throw new DeclaredRenameException(what + ", but the table has both columns: drop or rename one of"
                            + " them, or remove the declaration");
                }
                if (!hasNew && !hasOld) {
                    throw new DeclaredRenameException(what + ", but the table has neither column: remove the declaration"
                            + " to add " + column.name());
                }
                if (hasOld && newNameByOld.putIfAbsent(oldName, column.name()) != null) {
                    throw new DeclaredRenameException("columns " + newNameByOld.get(oldName) + " and " + column.name()
                            + " of " + table + " are both declared renamed from " + oldName);
                }
            }
            if (newNameByOld.isEmpty()) {
                continue;
            }
            Table renamedTable = haveTable;
            for (Column column : haveTable.columns()) {
                String newName = newNameByOld.get(column.name());
                if (newName != null) {
                    changes.add(new SchemaChange.ColumnRenamed(table, newName, column.name()));
                    renamedTable = renamedTable.withColumnRenamed(column.name(), newName);
                }
            }
            haveTables.put(haveTable.name(), renamedTable);
            columnRenames.put(table, newNameByOld);
            any = true;
        }
        if (!any) {
            return have;
        }
        return have.withTables(have.tables().stream().map(t -> haveTables.get(t.name()))
                .map(t -> t.withForeignKeys(t.foreignKeys().stream().map(fk -> columnRenames.containsKey(fk.referencedTable())
                        ? fk.withReferencedColumns(renamed(fk.referencedColumns(), columnRenames.get(fk.referencedTable())))
                        : fk).toList()))
                .toList());
    }

    private static List<String> renamed(List<String> columns, Map<String, String> newNameByOld) {
        return columns.stream().map(c -> newNameByOld.getOrDefault(c, c)).toList();
    }
}
