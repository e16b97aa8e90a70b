package dev.schemaguard.sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An empty database made for one run and dropped after it: expected schemas are created in it to read them back
 * in PostgreSQL's own spelling ({@link CanonicalSchema}), and {@code .sql} schemas are run in it. {@link #close()}
 * removes it. {@link ThrowawayDatabaseOnServer} makes one on a server of your choice; the server a CLI run makes
 * them on is its throwaway server. (Tests use the test kit's {@code dev.schemaguard.testkit.ThrowawayDatabase}, the
 * same idea on a test server.)
 */
public interface ThrowawayDatabase extends AutoCloseable {

    /** A new connection to the throwaway database, in autocommit mode; the caller closes it. */
    Connection open() throws SQLException;

    /** The PostgreSQL major version of the server it lives on. */
    int majorVersion() throws SQLException;

    /** Removes the database. */
    @Override
    void close();
}
