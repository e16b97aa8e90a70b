package dev.schemaguard.model;

import java.util.Objects;

/** {@code EXCLUDE USING method (element WITH operator, ...) [WHERE (...)]}; the definition after the name, as PostgreSQL prints it. */
public record ExclusionConstraint(String name, String definition) implements Constraint {

    public ExclusionConstraint withName(String newName) {
        return new ExclusionConstraint(newName, definition);
    }

    public ExclusionConstraint {
        Identifiers.requireValid(name, "exclusion constraint name");
        Objects.requireNonNull(definition, () -> "definition of exclusion constraint " + name);
    }

    @Override
    public String kind() {
        return "exclusion constraint";
    }
}
