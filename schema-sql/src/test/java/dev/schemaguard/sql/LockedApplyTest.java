package dev.schemaguard.sql;

import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a real server: two applies to one database run one after the other (the second waits for the first's
 * advisory lock, trying it again while the first holds it, and plans from what the first left), a failing statement rolls the whole plan back, and the lock
 * timeout makes a statement that waits for a table lock give up.
 */
class LockedApplyTest {

    private static final LockedApply FIVE_SECONDS = LockedApply.withLockTimeout("5s");

    @Test
    void twoConcurrentAppliesRunOneAfterTheOther() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection first = db.connect(); Connection second = db.connect(); Connection observer = db.connect()) {
            CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            Future<MigrationPlan> firstApply = threads.submit(() -> FIVE_SECONDS.apply(first, connection -> {
                firstHoldsTheLock.countDown();
                awaitOrFail(releaseFirst);
                return plan("CREATE TABLE made_by_first (id int)");
            }));
            assertTrue(firstHoldsTheLock.await(30, TimeUnit.SECONDS));

            int secondPid = backendPid(second);
            Future<Boolean> secondApply = threads.submit(() -> {
                boolean[] sawFirstTable = {false};
                FIVE_SECONDS.apply(second, connection -> {
                    sawFirstTable[0] = tableExists(connection, "made_by_first");
                    return plan("CREATE TABLE made_by_second (id int)");
                });
                return sawFirstTable[0];
            });
            waitUntilTryingTheLock(observer, secondPid);
            assertFalse(secondApply.isDone(), "the second apply waits while the first holds the lock");
            assertFalse(tableExists(observer, "made_by_second"));

            releaseFirst.countDown();
            assertEquals(1, firstApply.get(30, TimeUnit.SECONDS).statements().size());
            assertTrue(secondApply.get(30, TimeUnit.SECONDS),
                    "the second apply planned after the first committed, and saw its table");
            assertTrue(tableExists(observer, "made_by_first"));
            assertTrue(tableExists(observer, "made_by_second"));
            assertTrue(first.getAutoCommit());
            assertTrue(second.getAutoCommit());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailingStatementRollsBackTheWholePlanAndReleasesTheLock() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect(); Connection observer = db.connect()) {
            MigrationPlan plan = plan("CREATE TABLE a (id int)", "CREATE TABLE b (id int)",
                    "ALTER TABLE no_such_table ADD COLUMN x int");
            PlanExecutor.StatementFailedException failure = assertThrows(PlanExecutor.StatementFailedException.class,
                    () -> FIVE_SECONDS.apply(connection, c -> plan));
            assertEquals("ALTER TABLE no_such_table ADD COLUMN x int", failure.statement().sql());
            assertFalse(tableExists(observer, "a"), "the statements before the failing one were rolled back");
            assertFalse(tableExists(observer, "b"));
            assertTrue(connection.getAutoCommit(), "the connection's autocommit setting is given back");
            assertTrue(tryAdvisoryLock(observer), "the lock ended with the transaction");
        }
    }

    @Test
    void aPlanMakerThatFailsRunsNothingAndReleasesTheLock() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect(); Connection observer = db.connect()) {
            assertThrows(IllegalStateException.class, () -> FIVE_SECONDS.apply(connection, c -> {
                execute(c, "CREATE TABLE made_while_planning (id int)");
                throw new IllegalStateException("planning failed");
            }));
            assertFalse(tableExists(observer, "made_while_planning"));
            assertTrue(tryAdvisoryLock(observer));
        }
    }

    @Test
    void aStatementWaitingForATableLockGivesUpAfterTheLockTimeout() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect(); Connection holder = db.connect()) {
            db.execute("CREATE TABLE busy (id int)");
            holder.setAutoCommit(false);
            execute(holder, "LOCK TABLE busy IN ACCESS SHARE MODE");
            try {
                MigrationPlan plan = plan("CREATE TABLE before_busy (id int)", "ALTER TABLE busy ADD COLUMN x int");
                PlanExecutor.StatementFailedException failure = assertThrows(PlanExecutor.StatementFailedException.class,
                        () -> LockedApply.withLockTimeout("200ms").apply(connection, c -> plan));
                assertEquals("55P03", failure.getSQLState(), "lock_not_available: " + failure.getMessage());
            } finally {
                holder.rollback();
            }
            try (Connection observer = db.connect()) {
                assertFalse(tableExists(observer, "before_busy"));
            }
        }
    }

    @Test
    void beforeCommitSeesThePlanRunInTheTransactionAndItsFailureRollsTheWholePlanBack() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect(); Connection observer = db.connect()) {
            boolean[] seen = {false, false};
            FIVE_SECONDS.apply(connection, c -> plan("CREATE TABLE kept (id int)"), (c, applied) -> {
                seen[0] = tableExists(c, "kept");
                seen[1] = tableExists(observer, "kept");
            });
            assertTrue(seen[0], "the hook runs after the plan, on its connection");
            assertFalse(seen[1], "the hook runs before the commit");
            assertTrue(tableExists(observer, "kept"));

            SQLException failure = assertThrows(SQLException.class, () -> FIVE_SECONDS.apply(connection,
                    c -> plan("CREATE TABLE undone (id int)"), (c, applied) -> {
                        throw new SQLException("cannot plan the way back");
                    }));
            assertEquals("cannot plan the way back", failure.getMessage());
            assertFalse(tableExists(observer, "undone"), "a failing hook rolls the plan back");
            assertTrue(connection.getAutoCommit());
        }
    }

    @Test
    void anEmptyPlanRunsNothing() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect(); Connection observer = db.connect()) {
            MigrationPlan applied = FIVE_SECONDS.apply(connection, c -> {
                execute(c, "CREATE TABLE made_while_planning (id int)");
                return plan();
            });
            assertTrue(applied.isEmpty());
            assertFalse(tableExists(observer, "made_while_planning"), "an empty plan's transaction is rolled back");
        }
    }

    @Test
    void onlyDurationsAreLockTimeouts() {
        for (String duration : List.of("5s", "500ms", "1min", "2h", "0", " 5s ")) {
            assertTrue(LockedApply.isDuration(duration), duration);
        }
        for (String text : List.of("", "5 s", "5sec", "-1", "5s'; DROP TABLE t; --", "1.5s")) {
            assertFalse(LockedApply.isDuration(text), text);
            assertInstanceOf(IllegalArgumentException.class,
                    assertThrows(RuntimeException.class, () -> LockedApply.withLockTimeout(text)));
        }
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "the test never released the first apply");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static MigrationPlan plan(String... statements) {
        return new MigrationPlan(java.util.Arrays.stream(statements)
                .map(sql -> new PlanStatement(sql, PlanStatement.Kind.CREATE, Set.of(), sql, PlanCauses.handWritten())).toList(),
                List.of());
    }

    /**
     * Waits until the second apply has tried the lock at least twice (it tries every 200 ms while it waits, and
     * rolls back after each try, so its last query is the one or the other).
     */
    private static void waitUntilTryingTheLock(Connection observer, int pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int seen = 0;
        while (System.nanoTime() < deadline) {
            try (Statement statement = observer.createStatement();
                 ResultSet row = statement.executeQuery("SELECT query LIKE 'SELECT pg_try_advisory_xact_lock(%'"
                         + " OR query = 'ROLLBACK' FROM pg_stat_activity WHERE pid = " + pid)) {
                if (row.next() && row.getBoolean(1) && ++seen >= 2) {
                    Thread.sleep(500);
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the second apply never tried the advisory lock");
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static boolean tryAdvisoryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_try_advisory_xact_lock(" + LockedApply.ADVISORY_LOCK_KEY + ")")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
