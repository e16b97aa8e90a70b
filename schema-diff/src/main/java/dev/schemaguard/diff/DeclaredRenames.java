package dev.schemaguard.diff;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
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
                        + ", but the database has both tables: drop or rename one of them, or remove the declaration",
                        oldName, List.of(want.name(), table.name()));
            }
            if (!hasNew && !hasOld) {
                throw new DeclaredRenameException("table " + newName + " is declared renamed from " + old
                        + ", but the database has neither table: remove the declaration to create " + newName,
                        oldName, List.of(want.name(), table.name()));
            }
            if (hasOld) {
                String earlier = newNameByOld.putIfAbsent(oldName, table.name());
                if (earlier != null) {
                    throw new DeclaredRenameException("tables " + QualifiedName.of(want.name(), earlier) + " and "
                            + newName + " are both declared renamed from " + old, oldName, List.of(want.name(), table.name()));
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
        // so do its grants (they are on the oid too): no REVOKE and GRANT again after the rename
        return have.withTables(renamed.stream().map(t -> t.withForeignKeys(t.foreignKeys().stream()
                .map(fk -> fk.withReferencedTable(tableRenames.getOrDefault(fk.referencedTable(), fk.referencedTable())))
                .toList())).toList())
                .withGrants(have.grants().stream().map(g -> renamedTableGrant(g, newNameByOld)).toList());
    }

    /** A grant on a table or one of its columns, moved to the table's new name when the table is renamed. */
    private static Grant renamedTableGrant(Grant grant, Map<String, String> newNameByOld) {
        ObjectRef on = grant.on();
        String newName = newNameByOld.get(on.name());
        if (newName == null || (on.kind() != ObjectRef.Kind.TABLE && on.kind() != ObjectRef.Kind.COLUMN)) {
            return grant;
        }
        return new Grant(new ObjectRef(on.kind(), on.schema(), newName, on.member()), grant.grantee(), grant.privilege(),
                grant.withGrantOption(), grant.revoked());
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
                            + " them, or remove the declaration", oldName, List.of(want.name(), wantTable.name(), column.name()));
                }
                if (!hasNew && !hasOld) {
                    throw new DeclaredRenameException(what + ", but the table has neither column: remove the declaration"
                            + " to add " + column.name(), oldName, List.of(want.name(), wantTable.name(), column.name()));
                }
                if (hasOld && newNameByOld.putIfAbsent(oldName, column.name()) != null) {
                    throw new DeclaredRenameException("columns " + newNameByOld.get(oldName) + " and " + column.name()
                            + " of " + table + " are both declared renamed from " + oldName, oldName,
                            List.of(want.name(), wantTable.name(), column.name()));
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
                    renamedTable = withTextRenamed(renamedTable.withColumnRenamed(column.name(), newName),
                            column.name(), newName);
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
                .toList())
                .withGrants(have.grants().stream().map(g -> renamedColumnGrant(g, columnRenames)).toList());
    }

    /** A grant on a column, moved to the column's new name when it is renamed (privileges follow the attribute). */
    private static Grant renamedColumnGrant(Grant grant, Map<QualifiedName, Map<String, String>> columnRenames) {
        ObjectRef on = grant.on();
        if (on.kind() != ObjectRef.Kind.COLUMN) {
            return grant;
        }
        Map<String, String> renames = columnRenames.get(QualifiedName.of(on.schema(), on.name()));
        String newName = renames == null ? null : renames.get(on.member());
        return newName == null ? grant : new Grant(new ObjectRef(on.kind(), on.schema(), on.name(), newName),
                grant.grantee(), grant.privilege(), grant.withGrantOption(), grant.revoked());
    }

    private static List<String> renamed(List<String> columns, Map<String, String> newNameByOld) {
        return columns.stream().map(c -> newNameByOld.getOrDefault(c, c)).toList();
    }

    /**
     * The table's checks, exclusion constraints, index expressions and predicates and generated columns with
     * column {@code oldName} spelled {@code newName}, as PostgreSQL prints them after RENAME COLUMN (see
     * {@link ColumnReferences}). Policies are left as they are: they are compared, and re-created, by their text.
     */
    private static Table withTextRenamed(Table table, String oldName, String newName) {
        Function<String, String> text = sql -> ColumnReferences.renamed(sql, oldName, newName);
        return table.withCheckConstraints(table.checkConstraints().stream().map(c -> new CheckConstraint(c.name(),
                        text.apply(c.expression()), c.noInherit(), c.notValid(), c.renamedFrom())).toList())
                .withExclusionConstraints(table.exclusionConstraints().stream().map(x -> new ExclusionConstraint(x.name(),
                        text.apply(x.definition()), x.renamedFrom())).toList())
                .withIndexes(table.indexes().stream().map(i -> new Index(i.name(), i.unique(), i.method(), i.keys().stream()
                        .map(k -> k.expression() == null ? k : new IndexKey(k.column(), text.apply(k.expression()),
                                k.descending(), k.nullsFirst(), k.opclass())).toList(), i.include(), text.apply(i.predicate()),
                        i.nullsNotDistinct(), i.storageParameters(), i.comment(), i.renamedFrom(), i.valid())).toList())
                .withColumns(table.columns().stream().map(c -> c.generatedExpression() == null ? c
                        : c.withGenerated(text.apply(c.generatedExpression()))).toList());
    }

    /**
     * {@code have} (tables and columns already renamed) with the declared index and constraint renames applied,
     * table by table, under the same rules: nothing to do once renamed, an error when the table has both names or
     * neither. A renamed constraint keeps its comment. Then {@link #withoutIndexAndConstraintDeclarations} on the
     * expected side makes both compare equal.
     */
    static Schema applyIndexAndConstraintRenames(Schema want, Schema have, List<SchemaChange> changes) {
        Map<String, Table> haveTables = new HashMap<>();
        have.tables().forEach(t -> haveTables.put(t.name(), t));
        boolean any = false;
        for (Table wantTable : want.tables()) {
            Table haveTable = haveTables.get(wantTable.name());
            if (haveTable == null || (wantTable.indexes().stream().allMatch(i -> i.renamedFrom() == null)
                    && wantTable.constraints().stream().allMatch(c -> c.renamedFrom() == null))) {
                continue; // the usual case: nothing declared renamed in this table
            }
            QualifiedName table = QualifiedName.of(want.name(), wantTable.name());
            Table renamed = haveTable;
            Set<String> indexNames = haveTable.indexes().stream().map(Index::name)
                    .collect(Collectors.toCollection(java.util.HashSet::new));
            for (Index index : wantTable.indexes()) {
                if (index.renamedFrom() != null && DeclaredTypeRenames.mustRename("index " + index.name(),
                        "index " + index.renamedFrom(), "table " + table, indexNames.contains(index.name()),
                        indexNames.contains(index.renamedFrom()), "index", index.renamedFrom(),
                        List.of(want.name(), wantTable.name(), index.name()))) {
                    changes.add(new SchemaChange.IndexRenamed(table, index.name(), index.renamedFrom()));
                    indexNames.remove(index.renamedFrom()); // a second declaration from the same name finds neither
                    indexNames.add(index.name());
                    renamed = renamed.withIndexes(renamed.indexes().stream()
                            .map(i -> i.name().equals(index.renamedFrom()) ? i.withName(index.name()) : i).toList());
                }
            }
            Set<String> constraintNames = haveTable.constraints().stream().map(Constraint::name)
                    .collect(Collectors.toCollection(java.util.HashSet::new));
            for (Constraint constraint : wantTable.constraints()) {
                String oldName = constraint.renamedFrom();
                if (oldName != null && DeclaredTypeRenames.mustRename(constraint.kind() + " " + constraint.name(),
                        oldName, "table " + table, constraintNames.contains(constraint.name()),
                        constraintNames.contains(oldName), constraint.kind(), oldName,
                        List.of(want.name(), wantTable.name(), constraint.name()))) {
                    changes.add(new SchemaChange.ConstraintRenamed(table, constraint.name(), oldName));
                    constraintNames.remove(oldName);
                    constraintNames.add(constraint.name());
                    renamed = withConstraintRenamed(renamed, oldName, constraint.name());
                }
            }
            if (renamed != haveTable) {
                haveTables.put(haveTable.name(), renamed);
                any = true;
            }
        }
        return any ? have.withTables(have.tables().stream().map(t -> haveTables.get(t.name())).toList()) : have;
    }

    /** {@code want} without the index and constraint declarations, once they are applied to the actual side. */
    static Schema withoutIndexAndConstraintDeclarations(Schema want) {
        if (want.tables().stream().noneMatch(t -> t.indexes().stream().anyMatch(i -> i.renamedFrom() != null)
                || t.constraints().stream().anyMatch(c -> c.renamedFrom() != null))) {
            return want;
        }
        return want.withTables(want.tables().stream().map(Table::withoutIndexAndConstraintRenames).toList());
    }

    private static Table withConstraintRenamed(Table table, String oldName, String newName) {
        PrimaryKey key = table.primaryKey();
        Map<String, String> comments = new TreeMap<>(table.constraintComments());
        String comment = comments.remove(oldName);
        if (comment != null) {
            comments.put(newName, comment);
        }
        return table.withPrimaryKey(key != null && key.name().equals(oldName) ? key.withName(newName) : key)
                .withUniqueConstraints(table.uniqueConstraints().stream()
                        .map(u -> u.name().equals(oldName) ? u.withName(newName) : u).toList())
                .withForeignKeys(table.foreignKeys().stream()
                        .map(f -> f.name().equals(oldName) ? f.withName(newName) : f).toList())
                .withCheckConstraints(table.checkConstraints().stream()
                        .map(c -> c.name().equals(oldName) ? c.withName(newName) : c).toList())
                .withExclusionConstraints(table.exclusionConstraints().stream()
                        .map(x -> x.name().equals(oldName) ? x.withName(newName) : x).toList())
                .withConstraintComments(comments);
    }
}
