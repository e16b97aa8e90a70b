package dev.schemaguard.model;

import java.util.Objects;

/**
 * {@code CHECK (expression) [NO INHERIT] [NOT VALID]}; the expression without the surrounding CHECK ( ).
 * {@code notValid}: rows that existed when the constraint was added were not checked (pg_constraint.convalidated
 * false); new and updated rows are.
 */
public record CheckConstraint(String name, String expression, boolean noInherit, boolean notValid,
                              String renamedFrom) implements Constraint {

    /** A check that holds for every row (validated), inherited by children. */
    public static CheckConstraint of(String name, String expression) {
        return new CheckConstraint(name, expression, false, false, null);
    }

    public CheckConstraint withName(String newName) {
        return new CheckConstraint(newName, expression, noInherit, notValid, renamedFrom);
    }

    public CheckConstraint withNotValid(boolean newNotValid) {
        return new CheckConstraint(name, expression, noInherit, newNotValid, renamedFrom);
    }

    public CheckConstraint {
        Identifiers.requireValid(name, "check constraint name");
        Identifiers.requireRenamedFrom(renamedFrom, name, "check constraint");
        Objects.requireNonNull(expression, () -> "expression of check constraint " + name);
    }

    @Override
    public String kind() {
        return "check constraint";
    }

    /** The same object declared renamed from {@code oldName} (null: not renamed). */
    public CheckConstraint withRenamedFrom(String oldName) {
        return new CheckConstraint(name, expression, noInherit, notValid, oldName);
    }
}
