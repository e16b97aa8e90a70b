package dev.schemaguard.diff;

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
 * Matches expected tables declared {@code renamedFrom} an old name with the actual table of that name, before
 * the tables are compared: the actual schema is returned with those tables under their new names (so every
 * later change refers to the new name), and a {@link SchemaChange.TableRenamed} is recorded for each.
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
        return have.withTables(renamed);
    }
}
