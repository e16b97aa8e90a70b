package dev.schemaguard.model;

import java.util.List;

public record PrimaryKey(String name, List<String> columns) implements Constraint {

    public PrimaryKey withName(String newName) {
        return new PrimaryKey(newName, columns);
    }

    public PrimaryKey withColumns(List<String> newColumns) {
        return new PrimaryKey(name, newColumns);
    }

    public PrimaryKey {
        Identifiers.requireValid(name, "primary key name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("primary key " + name + " needs at least one column");
        }
    }

    @Override
    public String kind() {
        return "primary key";
    }
}
