package dev.schemaguard.sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An empty database schemaguard may use for a while and then throw away: expected schemas are created in it to
 * read them back in PostgreSQL's own spelling ({@link CanonicalSchema}), and {@code .sql} schemas are run in it.
 * {@link #close()} removes it.
 */
public interface ScratchDatabase extends AutoCloseable {

    /** A new connection to the scratch database, in autocommit mode; the caller closes it. */
    Connection open() throws SQLException;

    /** The PostgreSQL major version of the server it lives on. */
    int majorVersion() throws SQLException;

    /** Removes the database. */
    @Override
    void close();
}
