package dev.schemaguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that turn one database into another, in the order they must run, and the statements left out
 * ({@code skipped}) because they would delete data and the plan was made without {@link PlanOptions#allowDrops()}.
 * {@code online}: made with {@link PlanOptions#online()}, so that {@link PlanExecutor} runs each statement in a
 * transaction of its own (or alone, outside one) and no lock is held past the statement that takes it: a
 * {@code VALIDATE CONSTRAINT} must not read the table while the ACCESS EXCLUSIVE lock of the {@code ADD CONSTRAINT
 * ... NOT VALID} before it is still held. Any other plan runs its transactional statements together.
 */
public record MigrationPlan(List<PlanStatement> statements, List<PlanStatement> skipped, boolean online) {

    public MigrationPlan {
        statements = List.copyOf(statements);
        skipped = List.copyOf(skipped);
    }

    /** A plan whose transactional statements run together (not online). */
    public MigrationPlan(List<PlanStatement> statements, List<PlanStatement> skipped) {
        this(statements, skipped, false);
    }

    /**
     * This plan with the locks and table work of each statement filled in by {@code rules}, made for the database the plan starts
     * from: the statements in order, then the skipped ones as if they ran after them.
     */
    MigrationPlan withLocksFrom(LockRules rules) {
        return new MigrationPlan(statements.stream().map(s -> withEffect(s, rules)).toList(),
                skipped.stream().map(s -> withEffect(s, rules)).toList(), online);
    }

    private static PlanStatement withEffect(PlanStatement statement, LockRules rules) {
        LockRules.Effect effect = rules.effect(statement);
        return statement.withLocks(effect.locks()).withWork(effect.work());
    }

    /** The statements as one SQL script, each followed by ";\n". Skipped statements are not included. */
    public String sql() {
        StringBuilder script = new StringBuilder();
        for (PlanStatement statement : statements) {
            script.append(statement.sql()).append(";\n");
        }
        return script.toString();
    }

    /** True when there is nothing to run (there may still be skipped statements). */
    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /**
     * Only the statements that create missing objects; everything that alters or drops an existing object moves
     * to {@code skipped}. Safe to run on a database holding data, though new constraints may still fail.
     * Declared renames (renamed_from) stay: they lose nothing, and what is created afterwards names the new name.
     */
    public MigrationPlan additiveOnly() {
        List<PlanStatement> creates = new ArrayList<>();
        List<PlanStatement> left = new ArrayList<>(skipped);
        for (PlanStatement statement : statements) {
            if (statement.kind() == PlanStatement.Kind.CREATE || isDeclaredRename(statement)) {
                creates.add(statement);
            } else {
                left.add(statement.withDescription(statement.description() + " (left out: not additive)"));
            }
        }
        return new MigrationPlan(creates, left, online);
    }

    private static boolean isDeclaredRename(PlanStatement statement) {
        return statement.cause() instanceof PlanStatement.Cause.Planned planned
                && planned.change() instanceof dev.schemaguard.diff.SchemaChange.DeclaredRename;
    }

    /** One line per skipped statement, or an empty string when nothing was skipped. */
    public String skippedSummary() {
        if (skipped.isEmpty()) {
            return "";
        }
        StringBuilder summary = new StringBuilder(skipped.size() + " statement(s) skipped:\n");
        for (PlanStatement statement : skipped) {
            summary.append("  - ").append(statement.description()).append('\n');
        }
        return summary.toString();
    }

    /**
     * The statements this plan runs or skips, by the change of {@code changes} that causes each (their
     * {@link PlanStatement#cause()}), in plan order; every change gets a list, possibly empty. The changes are those
     * the plan was made from, looked up by identity, not by (deep) equality.
     *
     * @throws IllegalStateException when a statement's cause is none of {@code changes} (a planner bug)
     */
    public java.util.Map<dev.schemaguard.diff.SchemaChange, List<PlanStatement>> statementsByCause(
            List<dev.schemaguard.diff.SchemaChange> changes) {
        java.util.Map<dev.schemaguard.diff.SchemaChange, List<PlanStatement>> byCause = new java.util.IdentityHashMap<>();
        changes.forEach(change -> byCause.put(change, new ArrayList<>()));
        List<PlanStatement> all = new ArrayList<>(statements);
        all.addAll(skipped);
        for (PlanStatement statement : all) {
            List<PlanStatement> caused = byCause.get(statement.cause().change());
            if (caused == null) {
                throw new IllegalStateException("the plan statement " + statement.sql() + " (" + statement.description()
                        + ") has no difference as its cause; this is a bug in schemaguard");
            }
            caused.add(statement);
        }
        return byCause;
    }
}
