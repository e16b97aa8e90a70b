package dev.schemaguard.model;

import java.util.Objects;

/** {@code CHECK (expression) [NO INHERIT]}; the expression without the surrounding CHECK ( ). */
public record CheckConstraint(String name, String expression, boolean noInherit) implements Constraint {

    public CheckConstraint {
        Identifiers.requireValid(name, "check constraint name");
        Objects.requireNonNull(expression, () -> "expression of check constraint " + name);
    }

    @Override
    public String kind() {
        return "check constraint";
    }
}
