package dev.schemaguard.model;

import java.util.Objects;

/**
 * {@code CHECK (expression) [NO INHERIT] [NOT VALID]}; the expression without the surrounding CHECK ( ).
 * {@code notValid}: rows that existed when the constraint was added were not checked (pg_constraint.convalidated
 * false); new and updated rows are.
 */
public record CheckConstraint(String name, String expression, boolean noInherit, boolean notValid) implements Constraint {

    /** A check that holds for every row (validated), inherited by children. */
    public static CheckConstraint of(String name, String expression) {
        return new CheckConstraint(name, expression, false, false);
    }

    public CheckConstraint withName(String newName) {
        return new CheckConstraint(newName, expression, noInherit, notValid);
    }

    public CheckConstraint withNotValid(boolean newNotValid) {
        return new CheckConstraint(name, expression, noInherit, newNotValid);
    }

    public CheckConstraint {
        Identifiers.requireValid(name, "check constraint name");
        Objects.requireNonNull(expression, () -> "expression of check constraint " + name);
    }

    @Override
    public String kind() {
        return "check constraint";
    }
}
