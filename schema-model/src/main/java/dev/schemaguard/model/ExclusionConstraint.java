package dev.schemaguard.model;

import java.util.Objects;

/** {@code EXCLUDE USING method (element WITH operator, ...) [WHERE (...)]}; the definition after the name, as PostgreSQL prints it. */
public record ExclusionConstraint(String name, String definition, String renamedFrom) implements Constraint {

    public ExclusionConstraint withName(String newName) {
        return new ExclusionConstraint(newName, definition, renamedFrom);
    }

    public ExclusionConstraint {
        Identifiers.requireValid(name, "exclusion constraint name");
        Identifiers.requireRenamedFrom(renamedFrom, name, "exclusion constraint");
        Objects.requireNonNull(definition, () -> "definition of exclusion constraint " + name);
    }

    @Override
    public String kind() {
        return "exclusion constraint";
    }

    /** The same object declared renamed from {@code oldName} (null: not renamed). */
    public ExclusionConstraint withRenamedFrom(String oldName) {
        return new ExclusionConstraint(name, definition, oldName);
    }
}
