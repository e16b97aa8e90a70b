package dev.schemaguard.sql.convergence;

import dev.schemaguard.sql.PlanOptions;

import java.util.Objects;

/**
 * One row of the convergence table: a database built from {@code oldDdl} must become, after planning and
 * applying, indistinguishable from one built from {@code newDdl}.
 *
 * @param name                 what the case exercises, shown in the test name
 * @param oldDdl               script creating the starting database (may be empty)
 * @param newDdl               script creating the target database (may be empty)
 * @param options              planner options; drops are off unless the case needs them
 * @param minimumServerVersion the oldest PostgreSQL major the DDL runs on (e.g. 15 for NULLS NOT DISTINCT)
 * @param expectation          whether the plan converges in one step or must hold back unsafe changes
 */
public record ConvergenceCase(
        String name, String oldDdl, String newDdl, PlanOptions options, int minimumServerVersion, Expectation expectation) {

    public enum Expectation {
        /** Planning once and applying leaves no difference. */
        CONVERGES,
        /**
         * The options forbid some needed change (e.g. a narrowing type change without allowDrops): the plan must
         * list it as skipped, apply cleanly without it, and a second plan that allows drops must then converge.
         */
        HOLDS_BACK_UNSAFE_CHANGES
    }

    public ConvergenceCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(oldDdl, "oldDdl");
        Objects.requireNonNull(newDdl, "newDdl");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(expectation, "expectation");
    }

    /** A case that must converge with {@link PlanOptions#SAFE} on every supported server. */
    public static ConvergenceCase of(String name, String oldDdl, String newDdl) {
        return new ConvergenceCase(name, oldDdl, newDdl, PlanOptions.SAFE, 13, Expectation.CONVERGES);
    }

    public ConvergenceCase allowingDrops() {
        return new ConvergenceCase(name, oldDdl, newDdl, PlanOptions.ALLOW_DROPS, minimumServerVersion, expectation);
    }

    public ConvergenceCase fromVersion(int major) {
        return new ConvergenceCase(name, oldDdl, newDdl, options, major, expectation);
    }

    public ConvergenceCase holdingBackUnsafeChanges() {
        return new ConvergenceCase(name, oldDdl, newDdl, options, minimumServerVersion, Expectation.HOLDS_BACK_UNSAFE_CHANGES);
    }

    @Override
    public String toString() {
        return name;
    }
}
