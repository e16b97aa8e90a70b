package dev.schemaguard.cli;

import dev.schemaguard.sql.Hazard;
import dev.schemaguard.sql.PlanStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * The comment lines printed above a plan statement in text and SQL output for what an online plan
 * ({@code --online}) says about how it runs: outside a transaction block, or without an online recipe.
 */
final class StatementNotes {

    static final String OUTSIDE_TRANSACTION = "runs outside a transaction";

    private StatementNotes() {
    }

    /** The notes of {@code statement}, each without the leading {@code -- }; empty for an ordinary statement. */
    static List<String> of(PlanStatement statement) {
        List<String> notes = new ArrayList<>();
        if (!statement.transactional()) {
            notes.add(OUTSIDE_TRANSACTION);
        }
        if (statement.has(Hazard.NOT_ONLINE)) {
            notes.add(notOnlineReason(statement));
        }
        return notes;
    }

    /** "not online: why", taken from the statement's description, where the planner says it. */
    static String notOnlineReason(PlanStatement statement) {
        String description = statement.description();
        int start = description.indexOf("not online: ");
        if (start < 0) {
            return "not online: no online recipe applies; it holds its lock for its whole run";
        }
        int end = description.indexOf(')', start);
        return description.substring(start, end < 0 ? description.length() : end).replace('\n', ' ');
    }
}
