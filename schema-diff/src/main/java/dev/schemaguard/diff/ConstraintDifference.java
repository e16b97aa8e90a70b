package dev.schemaguard.diff;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** How an actual constraint differs from the expected one of the same name, for a person to read. */
final class ConstraintDifference {

    private ConstraintDifference() {
    }

    /** E.g. {@code columns are (a, b), expected (b, a)}; the parts that differ, joined by "; ". */
    static String describe(Constraint expected, Constraint actual) {
        List<String> parts = new ArrayList<>();
        if (expected.getClass() != actual.getClass()) {
            return "it is a " + actual.kind() + ", expected a " + expected.kind();
        }
        if (expected instanceof PrimaryKey e && actual instanceof PrimaryKey a) {
            compare(parts, "columns are", columns(a.columns()), columns(e.columns()));
        } else if (expected instanceof UniqueConstraint e && actual instanceof UniqueConstraint a) {
            compare(parts, "columns are", columns(a.columns()), columns(e.columns()));
            compare(parts, "nulls not distinct is", a.nullsNotDistinct(), e.nullsNotDistinct());
            compare(parts, "deferrable is", a.deferrable(), e.deferrable());
            compare(parts, "initially deferred is", a.initiallyDeferred(), e.initiallyDeferred());
        } else if (expected instanceof ForeignKey e && actual instanceof ForeignKey a) {
            compare(parts, "columns are", columns(a.columns()), columns(e.columns()));
            compare(parts, "it references", a.referencedTable() + columns(a.referencedColumns()),
                    e.referencedTable() + columns(e.referencedColumns()));
            compare(parts, "on update is", a.onUpdate(), e.onUpdate());
            compare(parts, "on delete is", a.onDelete(), e.onDelete());
            compare(parts, "match is", a.match(), e.match());
            compare(parts, "deferrable is", a.deferrable(), e.deferrable());
            compare(parts, "initially deferred is", a.initiallyDeferred(), e.initiallyDeferred());
        } else if (expected instanceof CheckConstraint e && actual instanceof CheckConstraint a) {
            compare(parts, "expression is", a.expression(), e.expression());
            compare(parts, "no inherit is", a.noInherit(), e.noInherit());
        } else if (expected instanceof ExclusionConstraint e && actual instanceof ExclusionConstraint a) {
            compare(parts, "definition is", a.definition(), e.definition());
        }
        return String.join("; ", parts);
    }

    private static void compare(List<String> parts, String label, Object actual, Object expected) {
        if (!Objects.equals(actual, expected)) {
            parts.add(label + " " + actual + ", expected " + expected);
        }
    }

    private static String columns(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }
}
