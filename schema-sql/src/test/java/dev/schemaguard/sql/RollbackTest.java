package dev.schemaguard.sql;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Sequence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.schemaguard.model.DataTypes.integer;
import static dev.schemaguard.model.DataTypes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The way back planned from models: what it runs, what of the migration it names as irreversible, and its script.
 * That it really restores the schema is {@code ConvergenceTest}'s job (every case, there and back).
 */
class RollbackTest {

    private static final Database ORIGINAL = Schema.named("app").table("t", t -> {
        t.column("id", integer()).primaryKey();
        t.column("legacy", text());
    }).sequence(Sequence.of("counter")).toDatabase();

    private static final Database MIGRATED = Schema.named("app").table("t", t -> {
        t.column("id", integer()).primaryKey();
        t.column("added", text());
    }).toDatabase();

    @Test
    void theWayBackUndoesTheMigrationAndNamesWhatItCannotRestore() {
        MigrationPlan up = MigrationPlanner.plan(MIGRATED, ORIGINAL, PlanOptions.ALLOW_DROPS);
        Rollback rollback = Rollback.of(up, ORIGINAL, MIGRATED, PlanOptions.SAFE);

        assertEquals(List.of("ALTER TABLE app.t DROP COLUMN added", "CREATE SEQUENCE app.counter AS bigint",
                        "ALTER TABLE app.t ADD COLUMN legacy text"),
                rollback.down().statements().stream().map(PlanStatement::sql).toList(),
                "drops allowed although the options do not: undoing an added column drops it");
        assertEquals(List.of("ALTER TABLE app.t DROP COLUMN legacy", "DROP SEQUENCE app.counter"),
                rollback.irreversible().stream().map(effect -> effect.up().sql()).toList());
        assertTrue(rollback.irreversible().get(0).reason().startsWith("deletes data"), rollback.toString());
        assertTrue(rollback.irreversible().get(1).reason().startsWith("drops a sequence"), rollback.toString());
    }

    @Test
    void theScriptHasTheHeaderTheIrreversibleEffectsAsCommentsThenTheStatements() {
        MigrationPlan up = MigrationPlanner.plan(MIGRATED, ORIGINAL, PlanOptions.ALLOW_DROPS);
        String script = Rollback.of(up, ORIGINAL, MIGRATED, PlanOptions.SAFE).script(List.of("from a\nto b"));
        List<String> lines = script.lines().toList();

        assertEquals("-- from a to b", lines.get(0), "a header line is one comment line, whatever it holds");
        assertTrue(lines.get(1).startsWith("-- cannot be undone: drop column app.t.legacy"), script);
        assertEquals("--   by: ALTER TABLE app.t DROP COLUMN legacy;", lines.get(2));
        assertTrue(lines.get(3).startsWith("-- cannot be undone: drop sequence app.counter"), script);
        assertEquals("--   by: DROP SEQUENCE app.counter;", lines.get(4));
        assertTrue(lines.get(5).startsWith("-- deletes data written since the migration: drop column app.t.added"), script);
        assertEquals("ALTER TABLE app.t DROP COLUMN added;", lines.get(6));
        assertTrue(script.endsWith("ALTER TABLE app.t ADD COLUMN legacy text;\n"), script);
    }

    @Test
    void nothingToUndoSaysSo() {
        Rollback rollback = Rollback.of(new MigrationPlan(List.of(), List.of()), ORIGINAL, ORIGINAL, PlanOptions.SAFE);
        assertTrue(rollback.down().isEmpty() && rollback.irreversible().isEmpty(), rollback.toString());
        assertEquals("-- header\n-- nothing to undo\n", rollback.script(List.of("header")));
    }
}
