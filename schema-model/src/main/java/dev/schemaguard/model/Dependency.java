package dev.schemaguard.model;

import java.util.Objects;

/**
 * {@code dependent} cannot exist without {@code referenced} as it is (a view reads a column, a trigger calls
 * a function, a column has an enum type). Read from {@code pg_depend} on a live database; used by the planner
 * to drop dependents before changing what they depend on, and to re-create them afterwards.
 */
public record Dependency(ObjectRef dependent, ObjectRef referenced) {

    public Dependency {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(referenced, "referenced");
    }
}
