package dev.schemaguard.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An {@link ApplyListener} in front of another that watches, on a connection of its own, the server backend
 * running the current statement: every {@code interval} (about a second) it reports {@link ApplyEvent.Running},
 * and when the backend waits for a lock, {@link ApplyEvent.Waiting} with the sessions that hold it
 * ({@code pg_blocking_pids}, their query start and state from {@code pg_stat_activity}) and the relation waited
 * for ({@code pg_locks}). Its connection is opened at the first statement and closed by {@link #close()}.
 */
public final class BlockingWatcher implements ApplyListener, AutoCloseable {

    private static final String BLOCKERS = """
            SELECT b.pid, a.query_start, a.state,
                   (SELECT format('%I.%I', n.nspname, c.relname)
                      FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE l.pid = ? AND NOT l.granted LIMIT 1)
              FROM unnest(pg_blocking_pids(?)) AS b(pid)
              LEFT JOIN pg_stat_activity a ON a.pid = b.pid
             ORDER BY b.pid""";

    private final ConnectionSource connections;
    private final ApplyListener downstream;
    private final ScheduledExecutorService ticker;
    private Connection connection;
    private volatile Watched current;
    private List<Integer> lastBlockers = List.of();
    private boolean failed;

    /** The statement being watched: its step, the backend running it, when it started. */
    private record Watched(ApplyEvent.Step step, int backendPid, long startNanos) {
    }

    private BlockingWatcher(ConnectionSource connections, ApplyListener downstream, Duration interval) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schemaguard-blocking-watcher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        ticker.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts watching, looking every {@code interval}; events go on to {@code downstream}. */
    public static BlockingWatcher start(ConnectionSource connections, ApplyListener downstream, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the watcher's interval must be positive: " + interval);
        }
        return new BlockingWatcher(connections, downstream, interval);
    }

    @Override
    public synchronized void on(ApplyEvent event) {
        if (event instanceof ApplyEvent.Started started) {
            current = new Watched(started.step(), started.backendPid(), System.nanoTime());
            lastBlockers = List.of();
        } else if (event instanceof ApplyEvent.Finished || event instanceof ApplyEvent.Failed) {
            current = null;
        }
        downstream.on(event);
    }

    private void poll() {
        Watched watched = current;
        if (watched == null || watched.backendPid() == 0) {
            return;
        }
        List<ApplyEvent.Blocker> blockers = new ArrayList<>();
        String relation = null;
        try {
            if (connection == null) {
                connection = connections.open();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement query = connection.prepareStatement(BLOCKERS)) {
                query.setInt(1, watched.backendPid());
                query.setInt(2, watched.backendPid());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        blockers.add(new ApplyEvent.Blocker(rows.getInt(1), rows.getObject(2, OffsetDateTime.class),
                                rows.getString(3)));
                        relation = rows.getString(4);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            reportFailure(watched, e);
            return;
        }
        report(watched, blockers, relation);
    }

    private synchronized void report(Watched watched, List<ApplyEvent.Blocker> blockers, String relation) {
        if (current != watched) {
            return; // the statement finished while the watcher looked
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - watched.startNanos());
        List<Integer> pids = blockers.stream().map(ApplyEvent.Blocker::pid).toList();
        if (!pids.isEmpty() && !pids.equals(lastBlockers)) {
            downstream.on(new ApplyEvent.Waiting(watched.step(), elapsed, blockers, relation));
        }
        lastBlockers = pids;
        downstream.on(new ApplyEvent.Running(watched.step(), elapsed, blockers));
    }

    private synchronized void reportFailure(Watched watched, Exception e) {
        if (!failed && current == watched) {
            failed = true; // said once; the apply goes on without the watcher
            downstream.on(new ApplyEvent.WatchFailed(watched.step(), String.valueOf(e.getMessage())));
        }
    }

    /** Stops watching and closes the watcher's connection. */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the watcher only read; a failing close loses nothing
            }
        }
    }
}
