package dev.schemaguard.sql.convergence;

import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.ThrowawayDatabase;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throwaway databases reused from case to case, one pair per server: creating a database costs a checkpoint
 * and dominates a case's run time, while dropping the schemas a case created is cheap. {@link #reset} puts a
 * database back into the state of a freshly created one, as far as anything the model reads is concerned.
 * Close to drop them all.
 */
final class ScratchDatabases implements AutoCloseable {

    /** The two databases of a case: "current" is migrated, "target" holds the wanted schema. */
    record Pair(ThrowawayDatabase current, ThrowawayDatabase target) {
    }

    private final Map<String, Pair> pairs = new LinkedHashMap<>();

    /** The pair for {@code server}, both databases reset to empty. */
    synchronized Pair resetPairFor(PostgresServer server) throws SQLException {
        Pair pair = pairs.get(server.adminJdbcUrl());
        if (pair == null) {
            ThrowawayDatabase current = ThrowawayDatabase.create(server);
            try {
                pair = new Pair(current, ThrowawayDatabase.create(server));
            } catch (SQLException | RuntimeException e) {
                current.close();
                throw e;
            }
            pairs.put(server.adminJdbcUrl(), pair);
        }
        reset(pair.current());
        reset(pair.target());
        return pair;
    }

    /**
     * Drops every schema but the system ones (with everything in them) and recreates {@code public} as
     * CREATE DATABASE leaves it: its comment, and PostgreSQL 15's owner and narrower default privileges.
     */
    static void reset(ThrowawayDatabase database) throws SQLException {
        boolean fifteenOrNewer = database.server().majorVersion() >= 15;
        database.execute("""
                DO $reset$
                DECLARE s record;
                BEGIN
                    FOR s IN SELECT nspname FROM pg_namespace
                             WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
                        EXECUTE format('DROP SCHEMA %I CASCADE', s.nspname);
                    END LOOP;
                END
                $reset$;
                CREATE SCHEMA public;
                COMMENT ON SCHEMA public IS 'standard public schema';
                """ + (fifteenOrNewer
                ? "ALTER SCHEMA public OWNER TO pg_database_owner; GRANT USAGE ON SCHEMA public TO PUBLIC;"
                : "GRANT CREATE, USAGE ON SCHEMA public TO PUBLIC;"));
    }

    @Override
    public synchronized void close() throws SQLException {
        List<SQLException> failures = new ArrayList<>();
        for (Pair pair : pairs.values()) {
            for (ThrowawayDatabase database : List.of(pair.current(), pair.target())) {
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
