package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a real server: plans with statements that cannot run in a transaction block ({@code CREATE INDEX
 * CONCURRENTLY}, written by hand here) run in groups under the session-level advisory lock; a statement that gives
 * up waiting for a lock is retried, then fails naming what it waited for; groups committed before a failure stay,
 * and running the apply again continues from them.
 */
class MixedPlanApplyTest {

    private static final LockRetry QUICK_RETRY = new LockRetry(3, Duration.ofMillis(100));

    @Test
    void transactionalStatementsShareATransactionAndAConcurrentIndexRunsAlone() throws SQLException {
        MigrationPlan plan = new MigrationPlan(List.of(
                statement("CREATE TABLE t (id int)"),
                statement("CREATE TABLE u (id int)"),
                outsideTransaction("CREATE INDEX CONCURRENTLY t_id ON t (id)"),
                statement("CREATE TABLE v (id int)")), List.of());
        assertEquals(List.of(List.of(1, 2), List.of(3), List.of(4)), StatementGroup.of(plan).stream()
                .map(group -> java.util.stream.IntStream.rangeClosed(group.first() + 1, group.first() + group.size())
                        .boxed().toList()).toList());
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect(); Connection observer = db.connect()) {
            execute(connection, "SET lock_timeout = '7s'");
            Events events = new Events();
            MigrationPlan applied = LockedApply.withLockTimeout("5s").withListener(events).apply(connection, c -> plan);
            assertEquals(plan, applied);
            assertTrue(exists(observer, "t_id") && exists(observer, "v"));
            assertEquals(List.of("Started 1", "Finished 1", "Started 2", "Finished 2", "Started 3", "Finished 3",
                    "Started 4", "Finished 4"), events.names());
            assertTrue(connection.getAutoCommit());
            assertEquals("7s", show(connection, "lock_timeout"), "the session's own lock_timeout is given back");
            assertTrue(tryAdvisoryLock(observer), "the session-level lock was released");
        }
    }

    @Test
    void beforeCommitRunsOnceAfterTheLastStatementWhateverItsGroup() throws SQLException {
        for (boolean lastIsConcurrent : List.of(false, true)) {
            MigrationPlan plan = new MigrationPlan(List.of(
                    statement("CREATE TABLE t (id int)"),
                    outsideTransaction("CREATE INDEX CONCURRENTLY t_id ON t (id)"),
                    lastIsConcurrent ? outsideTransaction("CREATE INDEX CONCURRENTLY t_id2 ON t (id)")
                            : statement("CREATE TABLE v (id int)")), List.of());
            String last = lastIsConcurrent ? "t_id2" : "v";
            try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
                 Connection connection = db.connect()) {
                List<Boolean> sawTheLastStatement = new ArrayList<>();
                LockedApply.withLockTimeout("5s").apply(connection, c -> plan,
                        (c, applied) -> sawTheLastStatement.add(exists(c, last)));
                assertEquals(List.of(true), sawTheLastStatement, "ran once, after " + last + " was made");
            }
        }
    }

    @Test
    void aFailingBeforeCommitUndoesTheLastTransactionalGroup() throws SQLException {
        MigrationPlan plan = new MigrationPlan(List.of(
                statement("CREATE TABLE t (id int)"),
                outsideTransaction("CREATE INDEX CONCURRENTLY t_id ON t (id)"),
                statement("CREATE TABLE v (id int)")), List.of());
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect(); Connection observer = db.connect()) {
            SQLException failure = assertThrows(SQLException.class, () -> LockedApply.withLockTimeout("5s")
                    .apply(connection, c -> plan, (c, applied) -> {
                        throw new SQLException("the way back could not be planned");
                    }));
            assertEquals("the way back could not be planned", failure.getMessage());
            assertTrue(exists(observer, "t_id"), "the groups before the last stay committed");
            assertFalse(exists(observer, "v"), "the last group was rolled back with the hook");
            assertTrue(tryAdvisoryLock(observer), "the session-level lock was released");
        }
    }

    @Test
    void anOnlinePlanRunsEachStatementInATransactionOfItsOwn() throws SQLException {
        MigrationPlan plan = new MigrationPlan(List.of(
                statement("CREATE TABLE t (id int)"),
                statement("ALTER TABLE t ADD CONSTRAINT t_id_positive CHECK (id > 0) NOT VALID"),
                statement("ALTER TABLE t VALIDATE CONSTRAINT t_id_positive")), List.of(), true);
        assertEquals(3, StatementGroup.of(plan).size(), "one group per statement");
        assertFalse(StatementGroup.oneTransaction(plan));
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect()) {
            List<Long> transactions = new ArrayList<>();
            ApplyListener afterEach = event -> {
                if (event instanceof ApplyEvent.Finished) {
                    transactions.add(currentTransaction(connection));
                }
            };
            LockedApply.withLockTimeout("5s").withListener(afterEach).apply(connection, c -> plan);
            assertEquals(3, new java.util.HashSet<>(transactions).size(), "three transactions: " + transactions);
        }
    }

    private static long currentTransaction(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT txid_current()")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void twoMixedAppliesRunOneAfterTheOther() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection first = db.connect(); Connection second = db.connect(); Connection observer = db.connect()) {
            CountDownLatch firstRunsItsIndex = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            ApplyListener pauseAtTheIndex = event -> {
                if (event instanceof ApplyEvent.Started started && !started.step().statement().transactional()) {
                    firstRunsItsIndex.countDown();
                    awaitOrFail(releaseFirst);
                }
            };
            MigrationPlan firstPlan = new MigrationPlan(List.of(statement("CREATE TABLE made_by_first (id int)"),
                    outsideTransaction("CREATE INDEX CONCURRENTLY first_id ON made_by_first (id)")), List.of());
            Future<MigrationPlan> firstApply = threads.submit(() -> LockedApply.withLockTimeout("5s")
                    .withListener(pauseAtTheIndex).apply(first, c -> firstPlan));
            assertTrue(firstRunsItsIndex.await(30, TimeUnit.SECONDS));

            Future<Boolean> secondApply = threads.submit(() -> {
                boolean[] sawFirstIndex = {false};
                LockedApply.withLockTimeout("5s").apply(second, c -> {
                    sawFirstIndex[0] = exists(c, "first_id");
                    return new MigrationPlan(List.of(statement("CREATE TABLE made_by_second (id int)")), List.of());
                });
                return sawFirstIndex[0];
            });
            Thread.sleep(300);
            assertFalse(secondApply.isDone(), "the second apply waits while the first holds the session-level lock");
            assertTrue(exists(observer, "made_by_first"), "the first group is committed");
            assertFalse(exists(observer, "made_by_second"));

            releaseFirst.countDown();
            firstApply.get(30, TimeUnit.SECONDS);
            assertTrue(secondApply.get(30, TimeUnit.SECONDS), "the second apply planned after the first ended");
            assertTrue(exists(observer, "made_by_second"));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aGroupThatTimesOutIsRetriedAndSucceedsOnceTheLockIsFree() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect(); Connection holder = db.connect(); Connection observer = db.connect()) {
            db.execute("CREATE TABLE busy (id int); CREATE TABLE other (id int)");
            holder.setAutoCommit(false);
            execute(holder, "LOCK TABLE busy IN ACCESS SHARE MODE");
            Events events = new Events(event -> {
                if (event instanceof ApplyEvent.Retrying) {
                    rollback(holder); // the long query ends while the apply pauses
                }
            });
            MigrationPlan plan = new MigrationPlan(List.of(statement("CREATE TABLE before_busy (id int)"),
                    outsideTransaction("CREATE INDEX CONCURRENTLY other_id ON other (id)"),
                    statement("CREATE TABLE with_busy (id int)"),
                    locking("ALTER TABLE busy ADD COLUMN x int", "busy")), List.of());
            LockedApply.withLockTimeout("200ms").withRetry(QUICK_RETRY).withListener(events).apply(connection, c -> plan);

            assertTrue(columnExists(observer, "busy", "x"));
            assertTrue(exists(observer, "with_busy"));
            assertEquals(List.of("Started 3", "Finished 3", "Started 4", "Failed 4 55P03", "Retrying 4 after attempt 1",
                    "Started 3", "Finished 3", "Started 4", "Finished 4"), events.names().subList(4, events.names().size()),
                    "the whole group (3 and 4) ran again");
        }
    }

    @Test
    void aOneTransactionPlanThatTimesOutIsPlannedAndRunAgain() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect(); Connection holder = db.connect(); Connection observer = db.connect()) {
            db.execute("CREATE TABLE busy (id int)");
            holder.setAutoCommit(false);
            execute(holder, "LOCK TABLE busy IN ACCESS SHARE MODE");
            Events events = new Events(event -> {
                if (event instanceof ApplyEvent.Retrying) {
                    rollback(holder);
                }
            });
            int[] plansMade = {0};
            LockedApply.withLockTimeout("200ms").withRetry(QUICK_RETRY).withListener(events).apply(connection, c -> {
                plansMade[0]++;
                return new MigrationPlan(List.of(statement("CREATE TABLE before_busy (id int)"),
                        locking("ALTER TABLE busy ADD COLUMN x int", "busy")), List.of());
            });
            assertEquals(2, plansMade[0], "the plan was made again after the lock timeout");
            assertTrue(columnExists(observer, "busy", "x"));
            assertTrue(events.names().contains("Retrying 2 after attempt 1"), events.names()::toString);
            assertEquals(List.of(1, 1, 2, 2), events.events().stream().filter(ApplyEvent.Started.class::isInstance)
                    .map(e -> ((ApplyEvent.Started) e).attempt()).toList(), "the second run counts as attempt 2");
        }
    }

    @Test
    void aStatementThatNeverGetsItsLockGivesUpAfterItsRetriesAndSaysWhatStays() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect(); Connection holder = db.connect(); Connection observer = db.connect()) {
            db.execute("CREATE TABLE busy (id int); CREATE TABLE other (id int)");
            holder.setAutoCommit(false);
            execute(holder, "LOCK TABLE busy IN ACCESS SHARE MODE");
            try {
                MigrationPlan plan = new MigrationPlan(List.of(statement("CREATE TABLE before_busy (id int)"),
                        outsideTransaction("CREATE INDEX CONCURRENTLY other_id ON other (id)"),
                        locking("ALTER TABLE busy ADD COLUMN x int", "busy")), List.of());
                PlanExecutor.StatementFailedException failure = assertThrows(PlanExecutor.StatementFailedException.class,
                        () -> LockedApply.withLockTimeout("100ms").withRetry(new LockRetry(2, Duration.ofMillis(50)))
                                .apply(connection, c -> plan));
                assertEquals("55P03", failure.getSQLState());
                assertEquals(3, failure.attempts());
                assertEquals(2, failure.committed());
                assertFalse(failure.wholePlanRolledBack());
                assertTrue(failure.getMessage().contains("statement 3/3"), failure.getMessage());
                assertTrue(failure.getMessage().contains("lock_timeout (100ms) for a lock on one of public.busy, on 3 attempts"),
                        failure.getMessage());
                assertTrue(failure.getMessage().contains("2 of 3 statement(s) were committed before it and stay"),
                        failure.getMessage());
                assertTrue(failure.getMessage().contains("run the apply again"), failure.getMessage());
                assertTrue(exists(observer, "other_id"), "the groups before the failing one stay");
                assertTrue(tryAdvisoryLock(observer), "the session-level lock was released after the failure");
                assertTrue(connection.getAutoCommit());
            } finally {
                holder.rollback();
            }
        }
    }

    /**
     * A CREATE INDEX CONCURRENTLY that gives up while it waits for the writers' transactions has already made the
     * index (invalid): its retry meets "already exists", and the failure says why and what to do.
     */
    @Test
    void aConcurrentIndexThatGaveUpAfterMakingItsIndexSaysSo() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect(); Connection writer = db.connect()) {
            db.execute("CREATE TABLE t (id int)");
            writer.setAutoCommit(false);
            execute(writer, "INSERT INTO t VALUES (1)");
            try {
                MigrationPlan plan = new MigrationPlan(List.of(outsideTransaction("CREATE INDEX CONCURRENTLY t_id ON t (id)")),
                        List.of());
                PlanExecutor.StatementFailedException failure = assertThrows(PlanExecutor.StatementFailedException.class,
                        () -> LockedApply.withLockTimeout("300ms").withRetry(new LockRetry(1, Duration.ofMillis(50)))
                                .apply(connection, c -> plan));
                assertEquals("42P07", failure.getSQLState(), failure.getMessage());
                assertTrue(failure.note().contains("gave up waiting for a lock after it had created what it creates"),
                        failure.getMessage());
                assertTrue(failure.getMessage().contains("invalid"), failure.getMessage());
            } finally {
                writer.rollback();
            }
        }
    }

    @Test
    void aStatementTimeoutEndsAStatementOutsideATransaction() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary()); Connection connection = db.connect()) {
            MigrationPlan plan = new MigrationPlan(List.of(outsideTransaction("SELECT pg_sleep(5)")), List.of());
            PlanExecutor.StatementFailedException failure = assertThrows(PlanExecutor.StatementFailedException.class,
                    () -> LockedApply.withLockTimeout("5s").withStatementTimeout("200ms").apply(connection, c -> plan));
            assertEquals("57014", failure.getSQLState(), failure.getMessage());
            assertEquals(1, failure.attempts(), "only lock timeouts are retried");
            assertEquals("0", show(connection, "statement_timeout"));
        }
    }

    /**
     * The resume: the second group (a foreign key) fails on existing data, the first (an index built concurrently) stays; once the
     * data is fixed, applying again plans only what is left and the database converges.
     */
    @Test
    void aPlanThatFailsHalfWayContinuesWhenAppliedAgain() throws SQLException {
        String before = "CREATE TABLE customers (id int PRIMARY KEY); CREATE TABLE orders (id int PRIMARY KEY, customer_id int);";
        String after = before + " CREATE INDEX orders_customer ON orders (customer_id);"
                + " ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers;";
        try (ThrowawayDatabase expectedDb = ThrowawayDatabase.create(TestPostgres.primary());
             ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect()) {
            expectedDb.execute(after);
            Database expected;
            try (Connection c = expectedDb.connect()) {
                expected = new PostgresIntrospector(IntrospectionOptions.ALL).introspect(c);
            }
            db.execute(before + " INSERT INTO customers VALUES (1); INSERT INTO orders VALUES (1, 1), (2, 99);");
            LockedApply.PlanMaker concurrentIndexes = c -> indexesConcurrently(MigrationPlanner.plan(expected,
                    new PostgresIntrospector(IntrospectionOptions.ALL).introspect(c), PlanOptions.SAFE));
            LockedApply apply = LockedApply.withLockTimeout("5s");

            PlanExecutor.StatementFailedException failure = assertThrows(PlanExecutor.StatementFailedException.class,
                    () -> apply.apply(connection, concurrentIndexes));
            assertEquals(1, failure.committed(), "the index was built first, in a group of its own: " + failure.getMessage());
            assertTrue(exists(connection, "orders_customer"));
            assertTrue(failure.statement().sql().contains("orders_customer_fk"), failure.getMessage());
            assertTrue(failure.getMessage().contains("1 of 2 statement(s) were committed before it and stay"),
                    failure.getMessage());

            db.execute("DELETE FROM orders WHERE customer_id = 99");
            MigrationPlan rest = apply.apply(connection, concurrentIndexes);
            assertEquals(List.of(failure.statement().sql()), rest.statements().stream().map(PlanStatement::sql).toList(),
                    "the second run plans only what the first left undone");
            Database converged = new PostgresIntrospector(IntrospectionOptions.ALL).introspect(connection);
            assertTrue(SchemaDiff.compare(expected, converged).isEmpty(), () -> SchemaDiff.compare(expected, converged).toString());
        }
    }

    /** A stand-in for the online planner's recipe: each CREATE INDEX built concurrently, outside a transaction. */
    private static MigrationPlan indexesConcurrently(MigrationPlan plan) {
        List<PlanStatement> statements = plan.statements().stream().map(s -> s.sql().startsWith("CREATE INDEX ")
                ? new PlanStatement(s.sql().replaceFirst("CREATE INDEX ", "CREATE INDEX CONCURRENTLY "), s.kind(),
                s.hazards(), s.description(), s.cause(), s.locks(), s.work(), false)
                : s).toList();
        return new MigrationPlan(statements, plan.skipped());
    }

    /** Records each event as a short name, e.g. "Started 3", "Failed 4 55P03"; then runs {@code also}. */
    static final class Events implements ApplyListener {
        private final List<String> names = Collections.synchronizedList(new ArrayList<>());
        private final List<ApplyEvent> events = Collections.synchronizedList(new ArrayList<>());
        private final ApplyListener also;

        Events() {
            this(ApplyListener.NONE);
        }

        Events(ApplyListener also) {
            this.also = also;
        }

        @Override
        public void on(ApplyEvent event) {
            events.add(event);
            int n = event.step().number();
            String name = null;
            if (event instanceof ApplyEvent.Started) {
                name = "Started " + n;
            } else if (event instanceof ApplyEvent.Finished) {
                name = "Finished " + n;
            } else if (event instanceof ApplyEvent.Failed e) {
                name = "Failed " + n + " " + e.sqlState();
            } else if (event instanceof ApplyEvent.Retrying e) {
                name = "Retrying " + n + " after attempt " + e.attempt();
            } else if (event instanceof ApplyEvent.Waiting) {
                name = "Waiting " + n;
            } else if (event instanceof ApplyEvent.WatchFailed e) {
                name = "WatchFailed " + e.reason();
            }
            if (name != null) {
                names.add(name);
            }
            also.on(event);
        }

        List<String> names() {
            return List.copyOf(names);
        }

        List<ApplyEvent> events() {
            return List.copyOf(events);
        }
    }

    static PlanStatement statement(String sql) {
        return new PlanStatement(sql, PlanStatement.Kind.CREATE, Set.of(), sql, PlanCauses.handWritten());
    }

    static PlanStatement outsideTransaction(String sql) {
        return new PlanStatement(sql, PlanStatement.Kind.CREATE, Set.of(), sql, PlanCauses.handWritten(), Map.of(), Map.of(), false);
    }

    static PlanStatement locking(String sql, String table) {
        return new PlanStatement(sql, PlanStatement.Kind.ALTER, Set.of(), sql, PlanCauses.handWritten(),
                Map.of(QualifiedName.of("public", table), LockMode.ACCESS_EXCLUSIVE), Map.of(), true);
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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

    static boolean exists(Connection connection, String relation) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT to_regclass('public." + relation + "') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static boolean columnExists(Connection connection, String table, String column) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_name = '"
                     + table + "' AND column_name = '" + column + "'")) {
            row.next();
            return row.getInt(1) == 1;
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        }
    }

    private static boolean tryAdvisoryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_try_advisory_xact_lock(" + LockedApply.ADVISORY_LOCK_KEY + ")")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
