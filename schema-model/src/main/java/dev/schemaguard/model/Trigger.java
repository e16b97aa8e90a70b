package dev.schemaguard.model;

import java.util.Objects;

/** A trigger on a table or view; {@code definition} is the {@code CREATE TRIGGER} statement as {@code pg_get_triggerdef} prints it. */
public record Trigger(String name, String definition, boolean enabled, String comment) {

    public Trigger {
        Identifiers.requireValid(name, "trigger name");
        Objects.requireNonNull(definition, () -> "definition of trigger " + name);
    }
}
