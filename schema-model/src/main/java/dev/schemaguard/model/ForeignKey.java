package dev.schemaguard.model;

import java.util.List;
import java.util.Objects;

/** {@code FOREIGN KEY (columns) REFERENCES table (columns) MATCH … ON UPDATE … ON DELETE … [DEFERRABLE …] [NOT VALID]}. */
public record ForeignKey(
        String name,
        List<String> columns,
        QualifiedName referencedTable,
        List<String> referencedColumns,
        ReferentialAction onUpdate,
        ReferentialAction onDelete,
        MatchType match,
        boolean deferrable,
        boolean initiallyDeferred,
        boolean notValid,
        String renamedFrom) implements Constraint {

    public ForeignKey withName(String newName) {
        return new ForeignKey(newName, columns, referencedTable, referencedColumns, onUpdate, onDelete, match, deferrable,
                initiallyDeferred, notValid, renamedFrom);
    }

    public ForeignKey withColumns(List<String> newColumns) {
        return new ForeignKey(name, newColumns, referencedTable, referencedColumns, onUpdate, onDelete, match, deferrable,
                initiallyDeferred, notValid, renamedFrom);
    }

    public ForeignKey withReferencedTable(QualifiedName newReferencedTable) {
        return new ForeignKey(name, columns, newReferencedTable, referencedColumns, onUpdate, onDelete, match, deferrable,
                initiallyDeferred, notValid, renamedFrom);
    }

    public ForeignKey withReferencedColumns(List<String> newReferencedColumns) {
        return new ForeignKey(name, columns, referencedTable, newReferencedColumns, onUpdate, onDelete, match, deferrable,
                initiallyDeferred, notValid, renamedFrom);
    }

    /** NOT VALID: rows that existed when the key was added were not checked (pg_constraint.convalidated false). */
    public ForeignKey withNotValid(boolean newNotValid) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onUpdate, onDelete, match, deferrable,
                initiallyDeferred, newNotValid, renamedFrom);
    }

    public enum ReferentialAction {
        NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT");

        private final String sql;

        ReferentialAction(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    public enum MatchType { SIMPLE, FULL }

    public ForeignKey {
        Identifiers.requireValid(name, "foreign key name");
        Identifiers.requireRenamedFrom(renamedFrom, name, "foreign key");
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(referencedTable, () -> "referenced table of foreign key " + name);
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key " + name + " has " + columns.size()
                    + " column(s) but references " + referencedColumns.size());
        }
        onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
        onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
        match = match == null ? MatchType.SIMPLE : match;
        if (initiallyDeferred && !deferrable) {
            throw new IllegalArgumentException("foreign key " + name + " is INITIALLY DEFERRED but not DEFERRABLE");
        }
    }

    @Override
    public String kind() {
        return "foreign key";
    }

    /** The same object declared renamed from {@code oldName} (null: not renamed). */
    public ForeignKey withRenamedFrom(String oldName) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onUpdate, onDelete, match,
                deferrable, initiallyDeferred, notValid, oldName);
    }
}
