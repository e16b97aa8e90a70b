package dev.schemaguard.sql.convergence;

import dev.schemaguard.testkit.PostgresServer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One pair of {@link ReusableThrowawayDatabase}s per test server, created on first use; close to drop them all. */
final class ReusableThrowawayDatabases implements AutoCloseable {

    /** The two databases of a case: "current" is migrated, "target" holds the wanted schema. */
    record Pair(ReusableThrowawayDatabase current, ReusableThrowawayDatabase target) {
    }

    private final Map<String, Pair> pairs = new LinkedHashMap<>();

    /** The pair for {@code server}, both databases reset to empty. */
    synchronized Pair resetPairFor(PostgresServer server) throws SQLException {
        Pair pair = pairs.get(server.adminJdbcUrl());
        if (pair == null) {
            ReusableThrowawayDatabase current = ReusableThrowawayDatabase.create(server);
            try {
                pair = new Pair(current, ReusableThrowawayDatabase.create(server));
            } catch (SQLException | RuntimeException e) {
                current.close();
                throw e;
            }
            pairs.put(server.adminJdbcUrl(), pair);
            return pair; // freshly created: already empty
        }
        pair.current().reset();
        pair.target().reset();
        return pair;
    }

    @Override
    public synchronized void close() throws SQLException {
        List<SQLException> failures = new ArrayList<>();
        for (Pair pair : pairs.values()) {
            for (ReusableThrowawayDatabase database : List.of(pair.current(), pair.target())) {
                try {
                    database.close();
                } catch (SQLException e) {
                    failures.add(e);
                }
            }
        }
        pairs.clear();
        if (!failures.isEmpty()) {
            SQLException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
