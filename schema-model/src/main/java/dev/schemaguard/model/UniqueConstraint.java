package dev.schemaguard.model;

import java.util.List;

/** {@code UNIQUE [NULLS NOT DISTINCT] (columns) [DEFERRABLE [INITIALLY DEFERRED]]}; NULLS NOT DISTINCT needs PostgreSQL 15. */
public record UniqueConstraint(
        String name, List<String> columns, boolean nullsNotDistinct, boolean deferrable, boolean initiallyDeferred,
        String renamedFrom)
        implements Constraint {

    public UniqueConstraint withName(String newName) {
        return new UniqueConstraint(newName, columns, nullsNotDistinct, deferrable, initiallyDeferred, renamedFrom);
    }

    public UniqueConstraint withColumns(List<String> newColumns) {
        return new UniqueConstraint(name, newColumns, nullsNotDistinct, deferrable, initiallyDeferred, renamedFrom);
    }

    public UniqueConstraint {
        Identifiers.requireValid(name, "unique constraint name");
        Identifiers.requireRenamedFrom(renamedFrom, name, "unique constraint");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("unique constraint " + name + " needs at least one column");
        }
        if (initiallyDeferred && !deferrable) {
            throw new IllegalArgumentException("unique constraint " + name + " is INITIALLY DEFERRED but not DEFERRABLE");
        }
    }

    @Override
    public String kind() {
        return "unique constraint";
    }

    /** The same object declared renamed from {@code oldName} (null: not renamed). */
    public UniqueConstraint withRenamedFrom(String oldName) {
        return new UniqueConstraint(name, columns, nullsNotDistinct, deferrable, initiallyDeferred, oldName);
    }
}
