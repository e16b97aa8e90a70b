package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A view or materialized view. {@code definition} is the query as PostgreSQL prints it
 * ({@code pg_get_viewdef}); materialized views may carry indexes, plain views triggers (INSTEAD OF, or
 * statement-level BEFORE and AFTER), which PostgreSQL always fires: they cannot be disabled.
 */
public record View(String name, boolean materialized, String definition, List<Index> indexes, String comment,
                   List<Trigger> triggers) implements SchemaObject {

    public View {
        Identifiers.requireValid(name, "view name");
        definition = withoutClosingSemicolons(Objects.requireNonNull(definition, () -> "definition of view " + name));
        indexes = List.copyOf(indexes);
        triggers = List.copyOf(triggers);
        if (!materialized && !indexes.isEmpty()) {
            throw new IllegalArgumentException("view " + name + " is not materialized and cannot have indexes");
        }
        if (materialized && !triggers.isEmpty()) {
            throw new IllegalArgumentException("materialized view " + name + " cannot have triggers; PostgreSQL"
                    + " allows them on tables and plain views only");
        }
        Set<String> triggerNames = new HashSet<>();
        for (Trigger trigger : triggers) {
            if (!triggerNames.add(trigger.name())) {
                throw new IllegalArgumentException("view " + name + " declares trigger " + trigger.name() + " twice");
            }
            if (!trigger.enabled()) {
                throw new IllegalArgumentException("trigger " + trigger.name() + " on view " + name + " is disabled;"
                        + " PostgreSQL cannot disable triggers on views, so drop it or enable it");
            }
        }
    }

    /**
     * The query without the {@code ;} that ends a statement written by hand: PostgreSQL stores and prints it
     * without one, so a definition copied from a migration still compares equal.
     */
    private static String withoutClosingSemicolons(String query) {
        String trimmed = query.stripTrailing();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
        }
        return trimmed;
    }

    /** A view or materialized view without triggers. */
    public View(String name, boolean materialized, String definition, List<Index> indexes, String comment) {
        this(name, materialized, definition, indexes, comment, List.of());
    }

    public View withTriggers(List<Trigger> viewTriggers) {
        return new View(name, materialized, definition, indexes, comment, viewTriggers);
    }

    /** DSL: the view with one more trigger, given as its complete {@code CREATE TRIGGER} statement. */
    public View withTrigger(String triggerName, String createTrigger) {
        List<Trigger> more = new ArrayList<>(triggers);
        more.add(new Trigger(triggerName, createTrigger, true, null));
        return withTriggers(more);
    }

    public Optional<Trigger> trigger(String triggerName) {
        return triggers.stream().filter(t -> t.name().equals(triggerName)).findFirst();
    }

    @Override
    public String kind() {
        return materialized ? "materialized view" : "view";
    }
}
