package dev.schemaguard.sql.convergence;

import dev.schemaguard.model.Database;
import dev.schemaguard.sql.PlanOptions;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

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
 * @param declarations         what the expected side declares beyond what the new database shows, e.g. declared
 *                             renames (the identity for most cases)
 * @param rowsQuery            a query on the migrated database whose rows (each as text) must be {@code rows}, e.g.
 *                             rows the old DDL inserted; null for none
 * @param rows                 the rows {@code rowsQuery} must return after the migration
 */
public record ConvergenceCase(
        String name, String oldDdl, String newDdl, PlanOptions options, int minimumServerVersion, Expectation expectation,
        UnaryOperator<Database> declarations, String rowsQuery, List<String> rows) {

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
        Objects.requireNonNull(declarations, "declarations");
        rows = List.copyOf(rows);
    }

    /** A case that must converge with {@link PlanOptions#SAFE} on every supported server. */
    public static ConvergenceCase of(String name, String oldDdl, String newDdl) {
        return new ConvergenceCase(name, oldDdl, newDdl, PlanOptions.SAFE, 13, Expectation.CONVERGES,
                UnaryOperator.identity(), null, List.of());
    }

    public ConvergenceCase allowingDrops() {
        return new ConvergenceCase(name, oldDdl, newDdl, PlanOptions.ALLOW_DROPS, minimumServerVersion, expectation, declarations,
                rowsQuery, rows);
    }

    public ConvergenceCase fromVersion(int major) {
        return new ConvergenceCase(name, oldDdl, newDdl, options, major, expectation, declarations, rowsQuery, rows);
    }

    public ConvergenceCase holdingBackUnsafeChanges() {
        return new ConvergenceCase(name, oldDdl, newDdl, options, minimumServerVersion,
                Expectation.HOLDS_BACK_UNSAFE_CHANGES, declarations, rowsQuery, rows);
    }

    /** The expected side is the new database's model passed through {@code moreDeclarations} (e.g. renamed_from). */
    public ConvergenceCase declaring(UnaryOperator<Database> moreDeclarations) {
        return new ConvergenceCase(name, oldDdl, newDdl, options, minimumServerVersion, expectation,
                d -> moreDeclarations.apply(declarations.apply(d)), rowsQuery, rows);
    }

    /** After the migration, {@code query} on the migrated database returns {@code expectedRows} (each row as text). */
    public ConvergenceCase keepingRows(String query, String... expectedRows) {
        return new ConvergenceCase(name, oldDdl, newDdl, options, minimumServerVersion, expectation, declarations, query,
                List.of(expectedRows));
    }

    @Override
    public String toString() {
        return name;
    }
}
