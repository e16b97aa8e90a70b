package dev.schemaguard.sql;

import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetProvider;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Catalog queries run concurrently on several connections that share one snapshot, the way {@code pg_dump -j}
 * does: the leader's REPEATABLE READ READ ONLY transaction exports its snapshot and every other connection's
 * transaction imports it, so all of them see the catalogs as of one instant. Each query's rows are buffered
 * and handed out, in the query's order, when the introspector asks for that query; the model is therefore
 * built in the same order as a sequential read.
 */
final class ParallelCatalogReads implements AutoCloseable {

    /**
     * One planned query: what it reads (its key), its text, and its array parameter as element type and
     * elements (both null when it takes none), to be bound again on whichever connection runs it.
     */
    record Read(String what, String sql, String parameterType, Object[] parameter) {

        static Read of(String what, String sql, Array parameter) throws SQLException {
            return parameter == null ? new Read(what, sql, null, null)
                    : new Read(what, sql, parameter.getBaseTypeName(), (Object[]) parameter.getArray());
        }
    }

    private final List<Connection> connections;
    private final ExecutorService executor;

    private ParallelCatalogReads(List<Connection> connections) {
        this.connections = connections;
        this.executor = Executors.newFixedThreadPool(connections.size(), runnable -> {
            Thread thread = new Thread(runnable, "schemaguard-introspection");
            thread.setDaemon(true);
            return thread;
        });
    }

    static ParallelCatalogReads open(ConnectionSource source, int count) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        try {
            Connection leader = begin(source.open(), connections);
            ReadTransaction.applySettings(leader);
            String snapshot;
            try (Statement statement = leader.createStatement();
                 ResultSet row = statement.executeQuery("select pg_export_snapshot()")) {
                row.next();
                snapshot = row.getString(1);
            }
            for (int i = 1; i < count; i++) {
                Connection worker = begin(source.open(), connections);
                try (Statement statement = worker.createStatement()) {
                    statement.execute("set transaction snapshot '" + snapshot + "'");
                }
                ReadTransaction.applySettings(worker);
            }
            return new ParallelCatalogReads(connections);
        } catch (SQLException | RuntimeException e) {
            closeAll(connections, e);
            throw e;
        }
    }

    private static Connection begin(Connection connection, List<Connection> opened) throws SQLException {
        opened.add(connection);
        ReadTransaction.begin(connection);
        return connection;
    }

    Connection leader() {
        return connections.get(0);
    }

    /**
     * Queries that deparse expressions with their table ({@code pg_get_constraintdef}, {@code pg_get_expr} with a
     * relation, {@code pg_get_triggerdef}) open the table, and the first open in a session builds its relation
     * cache entry (about 1 s of server time at 10,000 tables). They run one after the other on one connection so
     * that this is paid once, not once per connection.
     */
    private static final Set<String> OPEN_RELATIONS = Set.of("constraints", "indexes", "policies", "triggers");

    /**
     * Starts every read, each on the next free connection (those of {@link #OPEN_RELATIONS} as one task, in
     * turn), and answers queries from their buffered rows, waiting for a read that has not finished yet.
     */
    CatalogReads start(List<Read> planned) {
        ConcurrentLinkedQueue<Connection> free = new ConcurrentLinkedQueue<>(connections);
        Map<String, CompletableFuture<CachedRowSet>> results = new HashMap<>();
        List<List<Read>> tasks = new ArrayList<>();
        List<Read> sharingRelations = new ArrayList<>();
        tasks.add(sharingRelations);
        for (Read read : planned) {
            results.put(read.what(), new CompletableFuture<>());
            if (OPEN_RELATIONS.contains(read.what())) {
                sharingRelations.add(read);
            } else {
                tasks.add(List.of(read));
            }
        }
        for (List<Read> task : tasks) {
            executor.execute(() -> {
                Connection connection = free.poll();
                try {
                    for (Read read : task) {
                        CompletableFuture<CachedRowSet> result = results.get(read.what());
                        try {
                            result.complete(fetch(connection, read));
                        } catch (SQLException | RuntimeException e) {
                            result.completeExceptionally(e);
                        }
                    }
                } finally {
                    free.add(connection);
                }
            });
        }
        return (what, sql, schemas, reader) -> {
            CachedRowSet rows = await(results.get(what), what);
            while (rows.next()) {
                reader.read(rows);
            }
            rows.close();
        };
    }

    private static CachedRowSet fetch(Connection connection, Read read) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(read.sql())) {
            if (read.parameter() != null) {
                statement.setArray(1, connection.createArrayOf(read.parameterType(), read.parameter()));
            }
            try (ResultSet rows = statement.executeQuery()) {
                CachedRowSet buffered = RowSetProvider.newFactory().createCachedRowSet();
                buffered.populate(rows);
                return buffered;
            }
        } catch (SQLException e) {
            throw new SQLException("Reading " + read.what() + " from pg_catalog failed: " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    private static CachedRowSet await(CompletableFuture<CachedRowSet> result, String what) throws SQLException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while reading " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("Reading " + what + " failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() throws SQLException {
        executor.shutdownNow();
        closeAll(connections, null);
    }

    private static void closeAll(List<Connection> connections, Exception pending) throws SQLException {
        SQLException failure = null;
        for (Connection connection : connections) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException e) {
                if (pending != null) {
                    pending.addSuppressed(e);
                } else if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
