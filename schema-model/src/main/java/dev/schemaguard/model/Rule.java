package dev.schemaguard.model;

import java.util.Objects;

/**
 * A rewrite rule on a table or view ({@code CREATE RULE}); {@code definition} is the statement as
 * {@code pg_get_ruledef} prints it, without its closing semicolon. {@code firing} says when it applies, as for
 * triggers ({@code ALTER TABLE ... ENABLE [ALWAYS | REPLICA] / DISABLE RULE}). A view's own {@code _RETURN} rule is
 * the view's query, not a rule of this kind.
 */
public record Rule(String name, String definition, Trigger.Firing firing, String comment) {

    public Rule {
        Identifiers.requireValid(name, "rule name");
        if ("_RETURN".equals(name)) {
            throw new IllegalArgumentException("_RETURN is the rule PostgreSQL keeps a view's query in; a view's query"
                    + " is declared as the view");
        }
        definition = withoutClosingSemicolon(Objects.requireNonNull(definition, () -> "definition of rule " + name));
        firing = firing == null ? Trigger.Firing.ORIGIN : firing;
    }

    /** A rule that applies as rules do by default. */
    public static Rule of(String name, String definition) {
        return new Rule(name, definition, Trigger.Firing.ORIGIN, null);
    }

    private static String withoutClosingSemicolon(String definition) {
        String trimmed = definition.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
        }
        return trimmed;
    }
}
