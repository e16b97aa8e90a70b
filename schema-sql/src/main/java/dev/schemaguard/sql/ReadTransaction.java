package dev.schemaguard.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The transaction an introspection reads in. On a connection in auto-commit mode (a pool's usual state) the read
 * gets a transaction of its own: REPEATABLE READ READ ONLY, so that every catalog query sees the catalogs as of
 * one instant, as {@code pg_dump} does, and with two settings for that transaction alone: {@code work_mem} raised
 * to {@value #WORK_MEM_KB} kB (at 10,000 tables the default 4 MB made the dependencies and constraints queries
 * sort on disk, benchmarks/README.md) and {@code jit} off, as {@code pg_dump} sets it (compiling a catalog query
 * costs more than it saves; a plan whose estimated cost passes {@code jit_above_cost} paid 40 ms for it). A
 * connection already in a transaction is read in that transaction, untouched: its isolation level and settings
 * are the caller's.
 */
final class ReadTransaction {

    static final int WORK_MEM_KB = 65_536;

    /**
     * For the current transaction only: JIT off, and work_mem raised where the server's own setting is lower
     * (pg_settings gives it in kB).
     */
    static final String SETTINGS = "select set_config('jit', 'off', true), case when setting::bigint < " + WORK_MEM_KB
            + " then set_config('work_mem', '" + WORK_MEM_KB + "kB', true) end from pg_settings where name = 'work_mem'";

    @FunctionalInterface
    interface Read<T> {
        T run() throws SQLException;
    }

    private ReadTransaction() {
    }

    /** Runs {@code read} in the connection's own read transaction, or in the caller's where there is one. */
    static <T> T run(Connection connection, Read<T> read) throws SQLException {
        if (!connection.getAutoCommit()) {
            return read.run();
        }
        T result;
        try {
            begin(connection);
            applySettings(connection);
            result = read.run();
        } catch (SQLException | RuntimeException e) {
            try {
                end(connection);
            } catch (SQLException ending) {
                e.addSuppressed(ending);
            }
            throw e;
        }
        end(connection);
        return result;
    }

    private static void end(Connection connection) throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Begins a read's own transaction: auto-commit off, REPEATABLE READ READ ONLY. {@link #applySettings} comes
     * next, except on a parallel read's worker, whose {@code set transaction snapshot} must come first.
     */
    static void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
        }
    }

    /** The first query of the transaction, so it also takes the snapshot (unless one was set). */
    static void applySettings(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(SETTINGS);
        }
    }
}
