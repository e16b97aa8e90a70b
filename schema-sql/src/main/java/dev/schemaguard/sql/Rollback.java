package dev.schemaguard.sql;

import dev.schemaguard.model.Database;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The way back from a migration: the plan ({@code down}) that turns the migrated schema into the one the migration
 * started from, and what the migration did that no plan can undo ({@code irreversible}: rows of a dropped table
 * or column, values a lossy type change cut, a dropped sequence's position, changes a dropped publication did not
 * send to its subscribers).
 *
 * <p>The down plan is an ordinary plan with drops allowed (undoing a creation drops it) from the migrated model
 * to the original one: for a {@code diff} the declared target, for an {@code apply} best the database read again
 * after the last statement ran, inside the same transaction, so that the way back starts from what is really
 * there. It restores the schema, never data: a dropped column comes back empty.
 *
 * @param down         the statements that turn the migrated schema back into the original
 * @param irreversible what the migration's statements do that the down plan cannot restore, in plan order
 */
public record Rollback(MigrationPlan down, List<Irreversible> irreversible) {

    /** One statement of the migration (the "up" plan) whose effect {@link Rollback#down} cannot restore, and why. */
    public record Irreversible(PlanStatement up, String reason) {
        public Irreversible {
            Objects.requireNonNull(up, "up");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public Rollback {
        Objects.requireNonNull(down, "down");
        irreversible = List.copyOf(irreversible);
    }

    /**
     * The way back after {@code up} turned {@code original} into {@code migrated}, planned with {@code options}
     * (server version, online recipes) but always allowing drops. What {@code up} renamed as declared
     * ({@code renamed_from}) is renamed back ({@link RenamesUndone}), keeping its rows.
     */
    public static Rollback of(MigrationPlan up, Database original, Database migrated, PlanOptions options) {
        return new Rollback(MigrationPlanner.plan(RenamesUndone.in(original, up), RenamesUndone.withoutDeclarations(migrated),
                options.withAllowDrops(true)), irreversibleIn(up));
    }

    /** The statements of {@code up} whose effect cannot be undone, each with the reason. */
    public static List<Irreversible> irreversibleIn(MigrationPlan up) {
        List<Irreversible> irreversible = new ArrayList<>();
        for (PlanStatement statement : up.statements()) {
            String reason = reasonIrreversible(statement);
            if (reason != null) {
                irreversible.add(new Irreversible(statement, reason));
            }
        }
        return irreversible;
    }

    private static String reasonIrreversible(PlanStatement statement) {
        if (statement.has(Hazard.DELETES_DATA)) {
            return "deletes data; the way back restores the schema, not the rows or values";
        }
        if (statement.has(Hazard.STOPS_REPLICATION)) {
            return "stops publishing; changes made meanwhile are not sent to subscribers when it is published again";
        }
        if (statement.sql().toUpperCase(Locale.ROOT).startsWith("DROP SEQUENCE")) {
            return "drops a sequence; its position is lost: re-created, it starts from its start value (or after the"
                    + " highest value of a serial column), not where it was";
        }
        return null;
    }

    /**
     * The way back as a SQL script: {@code header} (each line a comment), the irreversible effects as comments
     * ({@code -- cannot be undone: ...}), then the statements of the down plan, each ending with ";", those that
     * delete data (what was written since the migration into what it created) preceded by a comment saying so.
     */
    public String script(List<String> header) {
        StringBuilder script = new StringBuilder();
        header.forEach(line -> script.append("-- ").append(oneLine(line)).append('\n'));
        for (Irreversible effect : irreversible) {
            script.append("-- cannot be undone: ").append(oneLine(effect.up().description())).append(" (")
                    .append(effect.reason()).append(")\n--   by: ").append(oneLine(effect.up().sql())).append(";\n");
        }
        if (down.isEmpty()) {
            script.append("-- nothing to undo\n");
        }
        for (PlanStatement statement : down.statements()) {
            if (statement.has(Hazard.DELETES_DATA)) {
                script.append("-- deletes data written since the migration: ").append(oneLine(statement.description()))
                        .append('\n');
            }
            if (!statement.transactional()) {
                script.append("-- runs outside a transaction block\n");
            }
            script.append(statement.sql()).append(";\n");
        }
        for (PlanStatement skipped : down.skipped()) {
            script.append("-- not planned: ").append(oneLine(skipped.description())).append(": ")
                    .append(oneLine(skipped.sql())).append('\n');
        }
        return script.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
