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
 * statement-level BEFORE and AFTER), which PostgreSQL always fires: they cannot be disabled. {@code options} are
 * {@code WITH (...)} as {@code name=value}: {@code check_option}, {@code security_barrier}, {@code security_invoker}
 * of a view, storage parameters of a materialized view. {@code rules} are its rewrite rules other than the query's
 * own {@code _RETURN} (an INSTEAD rule makes a view writable the old way).
 */
public record View(String name, boolean materialized, String definition, List<Index> indexes, String comment,
                   List<Trigger> triggers, List<String> options, List<Rule> rules) implements SchemaObject {

    /** A view or materialized view without triggers or options. */
    public static View of(String name, boolean materialized, String definition, List<Index> indexes, String comment) {
        return new View(name, materialized, definition, indexes, comment, List.of(), List.of(), List.of());
    }

    public View withOptions(List<String> newOptions) {
        return new View(name, materialized, definition, indexes, comment, triggers, newOptions, rules);
    }

    public View {
        Identifiers.requireValid(name, "view name");
        definition = withoutClosingSemicolons(Objects.requireNonNull(definition, () -> "definition of view " + name));
        indexes = List.copyOf(indexes);
        triggers = List.copyOf(triggers);
        rules = rules == null ? List.of() : List.copyOf(rules);
        Table.requireUniqueRules((materialized ? "materialized view " : "view ") + name, rules);
        for (Rule rule : rules) {
            if (materialized) {
                throw new IllegalArgumentException("materialized view " + name + " cannot have rule " + rule.name());
            }
            if (rule.firing() != Trigger.Firing.ORIGIN) {
                throw new IllegalArgumentException("rule " + rule.name() + " on view " + name + " is "
                        + rule.firing().sql() + "D; PostgreSQL cannot change when rules on views apply, so leave it"
                        + " enabled as created");
            }
        }
        options = StorageParameters.requireValid(options, (materialized ? "materialized view " : "view ") + name);
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
            if (trigger.firing() != Trigger.Firing.ORIGIN) {
                throw new IllegalArgumentException("trigger " + trigger.name() + " on view " + name + " is "
                        + trigger.firing().sql() + "D; PostgreSQL cannot change when triggers on views fire, so leave it"
                        + " enabled as created");
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

    public View withRules(List<Rule> newRules) {
        return new View(name, materialized, definition, indexes, comment, triggers, options, newRules);
    }

    public Optional<Rule> rule(String ruleName) {
        return rules.stream().filter(r -> r.name().equals(ruleName)).findFirst();
    }

    public View withTriggers(List<Trigger> viewTriggers) {
        return new View(name, materialized, definition, indexes, comment, viewTriggers, options, rules);
    }

    /** DSL: the view with one more trigger, given as its complete {@code CREATE TRIGGER} statement. */
    public View withTrigger(String triggerName, String createTrigger) {
        List<Trigger> more = new ArrayList<>(triggers);
        more.add(Trigger.of(triggerName, createTrigger));
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
