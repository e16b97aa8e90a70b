package dev.schemaguard.cli;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.Schema;
import dev.schemaguard.sql.ApplyEvent;
import dev.schemaguard.sql.ApplyListener;
import dev.schemaguard.sql.PlanStatement;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How apply progress is written: lines for logs, one live line on a terminal, JSON lines; and on a real server. */
class ApplyProgressTest {

    @TempDir
    Path dir;

    private static final PlanStatement INDEX = new PlanStatement("CREATE INDEX CONCURRENTLY orders_customer ON public.orders (customer_id)",
            PlanStatement.Kind.CREATE, Set.of(), "add index orders_customer on public.orders",
            new PlanStatement.Cause.Planned(new SchemaChange.SchemaAdded(Schema.empty("hand_written"))), Map.of(), Map.of(), false);
    private static final ApplyEvent.Step STEP = new ApplyEvent.Step(2, 3, INDEX);
    private static final ApplyEvent.Blocker BLOCKER = new ApplyEvent.Blocker(4242,
            OffsetDateTime.of(2026, 12, 6, 23, 10, 1, 123_000_000, ZoneOffset.UTC), "idle in transaction");

    /** A statement that waits, is retried, and finishes. */
    private static final List<ApplyEvent> EVENTS = List.of(
            new ApplyEvent.Started(STEP, 1, 77),
            new ApplyEvent.Running(STEP, Duration.ofMillis(1000), List.of()),
            new ApplyEvent.Waiting(STEP, Duration.ofMillis(2000), List.of(BLOCKER), "public.orders"),
            new ApplyEvent.Running(STEP, Duration.ofMillis(2000), List.of(BLOCKER)),
            new ApplyEvent.Failed(STEP, Duration.ofMillis(5000), "55P03", "ERROR: canceling statement due to lock timeout"),
            new ApplyEvent.Retrying(STEP, 1, Duration.ofSeconds(1)),
            new ApplyEvent.Started(STEP, 2, 77),
            new ApplyEvent.Finished(STEP, Duration.ofMillis(65_300)));

    @Test
    void logsGetOneLinePerStartEndWaitAndRetry() {
        assertEquals("""
                [2/3] add index orders_customer on public.orders (outside a transaction)
                [2/3] waiting for a lock on public.orders held by pid 4242 (query started 2026-12-06T23:10:01Z, idle in transaction) (after 2.0 s)
                [2/3] failed after 5.0 s: ERROR: canceling statement due to lock timeout (SQLState 55P03)
                [2/3] gave up waiting for a lock on attempt 1; trying again in 1.0 s
                [2/3] add index orders_customer on public.orders (outside a transaction) (attempt 2)
                [2/3] done in 1 min 5 s
                """, render(ProgressLines::new));
    }

    @Test
    void aTerminalGetsOneLineRewrittenWithTheTimeAndTheBlocker() {
        String shown = render(out -> new LiveProgressLine(out, 200));
        String rewrite = "\r\u001b[2K";
        assertTrue(shown.startsWith(rewrite + "[2/3] add index orders_customer on public.orders (outside a transaction)"
                + rewrite + "[2/3] 1.0 s add index"), shown);
        assertTrue(shown.contains(rewrite + "[2/3] 2.0 s add index orders_customer on public.orders (outside a transaction)"
                + " -- waiting for pid 4242 (query started 2026-12-06T23:10:01Z, idle in transaction)"), shown);
        assertTrue(shown.endsWith(rewrite + "[2/3] done in 1 min 5 s: add index orders_customer on public.orders"
                + " (outside a transaction)" + System.lineSeparator()), shown);
        assertEquals(3, shown.split(System.lineSeparator(), -1).length - 1, "failed, retrying and done stay as lines of their own:\n" + shown);
        String narrow = render(out -> new LiveProgressLine(out, 40));
        assertTrue(narrow.contains(rewrite + "[2/3] 2.0 s add index orders_customer..." + rewrite), narrow);
    }

    @Test
    void jsonIsOneEventPerLine() {
        List<String> lines = render(JsonProgress::new).lines().toList();
        assertEquals(6, lines.size(), "no ticks: " + lines);
        assertEquals("{\"event\": \"started\",\"statement\": 2,\"of\": 3,\"sql\": \"CREATE INDEX CONCURRENTLY orders_customer"
                + " ON public.orders (customer_id)\",\"description\": \"add index orders_customer on public.orders\","
                + "\"transactional\": false,\"attempt\": 1}", lines.get(0));
        assertEquals("{\"event\": \"waiting\",\"statement\": 2,\"of\": 3,\"elapsedMs\": 2000,\"relation\": \"public.orders\","
                + "\"blockedBy\": [{\"pid\": 4242,\"queryStart\": \"2026-12-06T23:10:01.123Z\",\"state\": \"idle in transaction\"}]}",
                lines.get(1));
        assertEquals("{\"event\": \"retrying\",\"statement\": 2,\"of\": 3,\"failedAttempt\": 1,\"pauseMs\": 1000}", lines.get(3));
        assertEquals("{\"event\": \"finished\",\"statement\": 2,\"of\": 3,\"elapsedMs\": 65300}", lines.get(5));
    }

    /** On a real server: the apply waits behind another session's lock, and the JSON events name that session. */
    @Test
    void applyReportsTheSessionItWaitsFor() throws Exception {
        Path expected = Fixtures.expectedYaml("create table t (id int primary key, added text);", dir.resolve("t.yaml"));
        ExecutorService release = Executors.newSingleThreadExecutor();
        try (ThrowawayDatabase db = Fixtures.database("create table t (id int primary key);");
             Connection holder = db.connect()) {
            int holderPid;
            try (Statement statement = holder.createStatement(); ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
                row.next();
                holderPid = row.getInt(1);
            }
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("lock table t in access share mode");
            }
            Future<?> released = release.submit(() -> {
                Thread.sleep(3000); // long enough for the watcher (once a second) to see the wait
                holder.rollback();
                return null;
            });
            CliRun apply = CliRun.of("apply", "--db", db.jdbcUrl(), "--expected", expected.toString(),
                    "--lock-timeout", "30s", "--format", "json");
            released.get(30, TimeUnit.SECONDS);

            assertEquals(ExitCode.OK, apply.exitCode(), apply::toString);
            List<String> lines = apply.out().lines().toList();
            assertTrue(lines.get(0).startsWith("{\"event\": \"started\",\"statement\": 1,\"of\": 1,\"sql\": \"ALTER TABLE public.t ADD COLUMN added text\""),
                    apply::toString);
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("{\"event\": \"waiting\",\"statement\": 1,\"of\": 1,")
                    && line.contains("\"relation\": \"public.t\"") && line.contains("\"blockedBy\": [{\"pid\": " + holderPid + ",")),
                    apply::toString);
            assertTrue(lines.get(lines.size() - 2).startsWith("{\"event\": \"finished\",\"statement\": 1,\"of\": 1,"), apply::toString);
            assertEquals("{\"event\": \"applied\",\"statements\": 1,\"skipped\": 0}", lines.get(lines.size() - 1));
        } finally {
            release.shutdownNow();
        }
    }

    /** A plan in groups that fails half-way: the message says what stays and that applying again continues. */
    @Test
    void aFailureHalfWaySaysWhatStaysAndHowToContinue() throws Exception {
        try (ThrowawayDatabase db = Fixtures.database("create table t (id int); insert into t values (1), (1);");
             Connection connection = db.connect()) {
            dev.schemaguard.sql.MigrationPlan plan = new dev.schemaguard.sql.MigrationPlan(List.of(
                    handWritten("CREATE INDEX CONCURRENTLY t_id ON t (id)", false),
                    handWritten("CREATE TABLE u (id int)", true),
                    handWritten("ALTER TABLE t ADD CONSTRAINT t_id_key UNIQUE (id)", true)), List.of());
            dev.schemaguard.sql.PlanExecutor.StatementFailedException failure = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.schemaguard.sql.PlanExecutor.StatementFailedException.class,
                    () -> dev.schemaguard.sql.LockedApply.withLockTimeout("5s").apply(connection, c -> plan));
            String message = PlanRunner.failureMessage(DatabaseUrl.parse(db.jdbcUrl()), failure);
            assertTrue(message.startsWith("statement 3/3 failed on "), message);
            assertTrue(message.endsWith(" -- 1 of 3 statement(s) were committed before it and stay; fix the cause and run"
                    + " `schemaguard apply` again: it plans again from what is in the database and continues from there"),
                    message);
        }
    }

    private static PlanStatement handWritten(String sql, boolean transactional) {
        return new PlanStatement(sql, PlanStatement.Kind.CREATE, Set.of(), sql,
                new PlanStatement.Cause.Planned(new SchemaChange.SchemaAdded(Schema.empty("hand_written"))), Map.of(),
                Map.of(), transactional);
    }

    @Test
    void aStatementTimeoutMustBeADuration() throws Exception {
        Path yaml = java.nio.file.Files.writeString(dir.resolve("x.yaml"), "schemas: {}\n");
        CliRun apply = CliRun.of("apply", "--db", "postgres://localhost/x", "--expected", yaml.toString(),
                "--statement-timeout", "soon");
        assertEquals(ExitCode.ERROR, apply.exitCode(), apply::toString);
        assertTrue(apply.err().contains("--statement-timeout soon is not a duration"), apply::toString);
    }

    private static String render(java.util.function.Function<PrintStream, ApplyListener> renderer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ApplyListener listener = renderer.apply(out);
            EVENTS.forEach(listener::on);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
