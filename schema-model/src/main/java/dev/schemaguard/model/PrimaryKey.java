package dev.schemaguard.model;

import java.util.List;

public record PrimaryKey(String name, List<String> columns, String renamedFrom) implements Constraint {

    public PrimaryKey withName(String newName) {
        return new PrimaryKey(newName, columns, renamedFrom);
    }

    public PrimaryKey withColumns(List<String> newColumns) {
        return new PrimaryKey(name, newColumns, renamedFrom);
    }

    public PrimaryKey {
        Identifiers.requireValid(name, "primary key name");
        Identifiers.requireRenamedFrom(renamedFrom, name, "primary key");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("primary key " + name + " needs at least one column");
        }
    }

    @Override
    public String kind() {
        return "primary key";
    }

    /** The same object declared renamed from {@code oldName} (null: not renamed). */
    public PrimaryKey withRenamedFrom(String oldName) {
        return new PrimaryKey(name, columns, oldName);
    }
}
