package dev.schemaguard.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The transaction an introspection reads in. On a connection in auto-commit mode (a pool's usual state) the read
 * gets a transaction of its own: REPEATABLE READ READ ONLY, so that every catalog query sees the catalogs as of
 * one instant, as {@code pg_dump} does, with {@code work_mem} raised to {@value #WORK_MEM_KB} kB for that
 * transaction alone. At 10,000 tables the default 4 MB made the dependencies and constraints queries sort on disk
 * (benchmarks/README.md). A connection already in a transaction is read in that transaction, untouched: its
 * isolation level and settings are the caller's.
 */
final class ReadTransaction {

    static final int WORK_MEM_KB = 65_536;

    /** Raises work_mem for the current transaction only, and only when the server's own setting is lower. */
    static final String RAISE_WORK_MEM = "select set_config('work_mem', '" + WORK_MEM_KB + "kB', true) "
            + "from pg_settings where name = 'work_mem' and setting::bigint < " + WORK_MEM_KB;

    @FunctionalInterface
    interface Read<T> {
        T run() throws SQLException;
    }

    private ReadTransaction() {
    }

    static <T> T run(Connection connection, Read<T> read) throws SQLException {
        if (!connection.getAutoCommit()) {
            return read.run();
        }
        T result;
        try {
            begin(connection);
            raiseWorkMem(connection);
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
     * Begins a read's own transaction: auto-commit off, REPEATABLE READ READ ONLY. {@link #raiseWorkMem} comes
     * next, except on a parallel read's worker, whose {@code set transaction snapshot} must come first.
     */
    static void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
        }
    }

    /** The first query of the transaction, so it also takes the snapshot (unless one was set). */
    static void raiseWorkMem(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(RAISE_WORK_MEM);
        }
    }
}
