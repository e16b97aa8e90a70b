package dev.schemaguard.sql;

import java.util.Objects;
import java.util.Optional;

/**
 * A rule a plan breaks: at {@code statement} (empty for a rule over the whole plan), with {@code detail} naming
 * what and how big.
 */
public record RuleFinding(PlanRule rule, Optional<PlanStatement> statement, String detail) {

    public RuleFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line for a person: {@code SG107 error: <reason> (<detail>); instead: <alternative>}. */
    public String describe() {
        return rule.code() + " " + rule.severity().label() + ": " + rule.reason() + (detail.isEmpty() ? "" : " (" + detail + ")")
                + "; instead: " + rule.alternative();
    }
}
