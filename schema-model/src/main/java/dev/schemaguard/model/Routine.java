package dev.schemaguard.model;

import java.util.Objects;

/**
 * A function or procedure (aggregates are {@link Aggregate}s). {@code name} is the routine's name, {@code arguments} its identity argument list
 * ({@code integer, text}) — together they identify it, since PostgreSQL overloads by arguments.
 * {@code definition} is the complete {@code CREATE OR REPLACE ...} statement as {@code pg_get_functiondef}
 * prints it.
 */
public record Routine(String name, String arguments, Kind routineKind, String definition, String comment)
        implements SchemaObject {

    public enum Kind { FUNCTION, PROCEDURE }

    public Routine {
        Identifiers.requireValid(name, "routine name");
        arguments = arguments == null ? "" : arguments;
        routineKind = routineKind == null ? Kind.FUNCTION : routineKind;
        Objects.requireNonNull(definition, () -> "definition of routine " + name);
    }

    /** {@code name(arguments)}: how PostgreSQL identifies the routine in DROP and COMMENT. */
    public String signature() {
        return Identifiers.quote(name) + "(" + arguments + ")";
    }

    @Override
    public String identity() {
        return signature();
    }

    @Override
    public String kind() {
        return routineKind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
