package dev.schemaguard.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * Counts, on the server, the statements sent to one database, with pg_stat_statements: reset before a run,
 * the sum of {@code calls} for that database after it. Every statement counts, catalog queries and utility
 * statements alike (SET, LOCK TABLE, BEGIN); the counter's own queries run in database postgres and are not
 * counted. When the server has not loaded pg_stat_statements (benchmarks/bench-server does), counts are
 * empty rather than guessed.
 */
public final class ServerStatementCounter implements AutoCloseable {

    private final Connection admin;
    private final boolean available;

    public ServerStatementCounter(ServerAddress server) throws SQLException {
        admin = server.connect("postgres");
        available = loaded(admin);
    }

    private static boolean loaded(Connection admin) {
        try (Statement sql = admin.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
            sql.executeQuery("select count(*) from pg_stat_statements").close();
            return true;
        } catch (SQLException e) {
            System.out.println("Statement counts unavailable (" + e.getMessage().strip()
                    + "); start the server with shared_preload_libraries = 'pg_stat_statements', as benchmarks/bench-server does");
            return false;
        }
    }

    public void reset() throws SQLException {
        if (available) {
            try (Statement sql = admin.createStatement()) {
                sql.execute("select pg_stat_statements_reset()");
            }
        }
    }

    /** The statements sent to {@code database} since the last {@link #reset()}. */
    public OptionalLong count(String database) throws SQLException {
        if (!available) {
            return OptionalLong.empty();
        }
        try (PreparedStatement query = admin.prepareStatement("select coalesce(sum(s.calls), 0) from pg_stat_statements s"
                + " join pg_database d on d.oid = s.dbid where d.datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return OptionalLong.of(rows.getLong(1));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        admin.close();
    }
}
