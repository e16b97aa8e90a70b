package dev.schemaguard.sql.convergence;

import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.ThrowawayDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throwaway database (the test kit's) reused from case to case through one open connection. Creating a database costs a
 * checkpoint, and a new connection starts with cold catalog caches that make the first introspection several
 * times slower than the next; both would dominate a case's run time. {@link #reset} puts the database back
 * into the state of a freshly created one, as far as anything the model reads is concerned.
 */
final class ReusableThrowawayDatabase implements AutoCloseable {

    private final ThrowawayDatabase database;
    private final Connection connection;

    private ReusableThrowawayDatabase(ThrowawayDatabase database, Connection connection) {
        this.database = database;
        this.connection = connection;
    }

    static ReusableThrowawayDatabase create(PostgresServer server) throws SQLException {
        ThrowawayDatabase database = ThrowawayDatabase.create(server);
        try {
            return new ReusableThrowawayDatabase(database, database.connect());
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    PostgresServer server() {
        return database.server();
    }

    /** The open connection (autocommit on); callers must not close it. */
    Connection connection() {
        return connection;
    }

    /** A second connection to the database, for the caller to close (a session that holds locks while another waits). */
    Connection connectAnother() throws SQLException {
        return database.connect();
    }

    /** Runs a script of one or more statements in autocommit mode. */
    void execute(String script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
    }

    /**
     * Drops every schema but the system ones (with everything in them), every publication, the casts left (those
     * between built-in types) and every foreign-data wrapper (with its servers and user mappings), and recreates {@code public} as
     * CREATE DATABASE leaves it: its comment, and PostgreSQL 15's owner and narrower default privileges.
     */
    ReusableThrowawayDatabase reset() throws SQLException {
        boolean fifteenOrNewer = server().majorVersion() >= 15;
        execute("""
                DO $reset$
                DECLARE s record;
                BEGIN
                    FOR s IN SELECT nspname FROM pg_namespace
                             WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
                        EXECUTE format('DROP SCHEMA %I CASCADE', s.nspname);
                    END LOOP;
                    FOR s IN SELECT pubname FROM pg_publication LOOP
                        EXECUTE format('DROP PUBLICATION %I', s.pubname);
                    END LOOP;
                    FOR s IN SELECT format_type(c.castsource, null) AS source, format_type(c.casttarget, null) AS target
                             FROM pg_cast c WHERE c.oid >= 16384
                               AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_cast'::regclass
                                                                         AND d.objid = c.oid AND d.deptype IN ('e', 'i')) LOOP
                        EXECUTE format('DROP CAST (%s AS %s)', s.source, s.target);
                    END LOOP;
                    FOR s IN SELECT fdwname FROM pg_foreign_data_wrapper LOOP
                        EXECUTE format('DROP FOREIGN DATA WRAPPER %I CASCADE', s.fdwname);
                    END LOOP;
                END
                $reset$;
                CREATE SCHEMA public;
                COMMENT ON SCHEMA public IS 'standard public schema';
                """ + (fifteenOrNewer
                ? "ALTER SCHEMA public OWNER TO pg_database_owner; GRANT USAGE ON SCHEMA public TO PUBLIC;"
                : "GRANT CREATE, USAGE ON SCHEMA public TO PUBLIC;"));
        return this;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            database.close();
        }
    }

    @Override
    public String toString() {
        return database.toString();
    }
}
