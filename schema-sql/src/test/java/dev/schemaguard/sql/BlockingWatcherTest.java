package dev.schemaguard.sql;

import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real server: a statement blocked by another session's lock is reported with that session's pid. */
class BlockingWatcherTest {

    @Test
    void aBlockedStatementIsReportedWithTheBlockingSessionsPid() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect(); Connection holder = db.connect()) {
            db.execute("CREATE TABLE busy (id int)");
            int holderPid = backendPid(holder);
            holder.setAutoCommit(false);
            MixedPlanApplyTest.execute(holder, "LOCK TABLE busy IN ACCESS SHARE MODE");
            MixedPlanApplyTest.Events events = new MixedPlanApplyTest.Events(event -> {
                if (event instanceof ApplyEvent.Waiting) {
                    try {
                        holder.rollback(); // seen: let the statement go on
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            MigrationPlan plan = new MigrationPlan(List.of(MixedPlanApplyTest.statement("CREATE TABLE first (id int)"),
                    MixedPlanApplyTest.locking("ALTER TABLE busy ADD COLUMN x int", "busy")), List.of());
            try (BlockingWatcher watcher = BlockingWatcher.start(db::connect, events, Duration.ofMillis(100))) {
                LockedApply.withLockTimeout("30s").withListener(watcher).apply(connection, c -> plan);
            }
            ApplyEvent.Waiting waiting = events.events().stream().filter(ApplyEvent.Waiting.class::isInstance)
                    .map(ApplyEvent.Waiting.class::cast).findFirst().orElseThrow(() -> new AssertionError(events.names()));
            assertEquals(2, waiting.step().number());
            assertEquals(List.of(holderPid), waiting.blockers().stream().map(ApplyEvent.Blocker::pid).toList());
            assertNotNull(waiting.blockers().get(0).queryStart(), "the blocking session's query start");
            assertEquals("idle in transaction", waiting.blockers().get(0).state());
            assertEquals("public.busy", waiting.relation());
            assertTrue(events.events().stream().anyMatch(e -> e instanceof ApplyEvent.Running r && r.step().number() == 2),
                    "the watcher ticks while the statement runs");
            List<String> names = events.names();
            assertEquals(List.of("Started 1", "Finished 1", "Started 2", "Waiting 2", "Finished 2"), names);
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }
}
