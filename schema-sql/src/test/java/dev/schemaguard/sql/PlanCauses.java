package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What tests check about the causes of plan statements, and a cause for statements written by hand. */
public final class PlanCauses {

    private PlanCauses() {
    }

    /** A cause for a statement a test writes itself: the plan it goes in was not made from a diff. */
    public static PlanStatement.Cause handWritten() {
        return new PlanStatement.Cause.Planned(new SchemaChange.SchemaAdded(Schema.empty("hand_written")));
    }

    /**
     * Every statement of the plan, run or skipped, is caused by a change of the diff it was planned from, and every
     * dependent says why; the prelude included.
     */
    public static void assertEveryStatementCausedByTheDiff(SchemaDiff diff, MigrationPlan plan) {
        Set<SchemaChange> changes = new HashSet<>(diff.changes());
        List<PlanStatement> statements = new ArrayList<>(plan.statements());
        statements.addAll(plan.skipped());
        for (PlanStatement statement : statements) {
            if (!changes.contains(statement.cause().change())) {
                fail("statement " + statement.sql() + " (" + statement.description() + ") is caused by "
                        + statement.cause().change().describe() + ", which is not a change of the diff");
            }
            if (statement.cause() instanceof PlanStatement.Cause.Dependent dependent) {
                assertTrue(!dependent.reason().isBlank(), () -> "dependent without a reason: " + statement.sql());
            }
        }
    }
}
