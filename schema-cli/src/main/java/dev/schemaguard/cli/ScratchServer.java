package dev.schemaguard.cli;

import dev.schemaguard.embedded.EmbeddedPostgres;
import dev.schemaguard.embedded.PostgresRelease;
import dev.schemaguard.sql.ScratchDatabase;
import dev.schemaguard.sql.ScratchServerDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Where one CLI run makes its throwaway databases: on the {@code --dev-db} server, or else on an embedded
 * PostgreSQL started the first time one is needed (and only then), of the target database's major version
 * when there is a target, and stopped by {@link #close()}.
 */
final class ScratchServer implements AutoCloseable {

    private final DatabaseUrl devDb;
    private DatabaseUrl target;
    private EmbeddedPostgres embedded;
    private ScratchServerDatabase shared;

    ScratchServer(DatabaseUrl devDb) {
        this.devDb = devDb;
    }

    /** The database whose major version an embedded server should have; the first one given counts. */
    void matchVersionOf(DatabaseUrl database) {
        if (target == null) {
            target = database;
        }
    }

    /** A new empty database; the caller closes (drops) it. */
    ScratchServerDatabase newDatabase() {
        String adminUrl;
        Properties properties;
        String where;
        if (devDb != null) {
            adminUrl = devDb.jdbcUrl();
            properties = devDb.properties();
            where = "--dev-db " + devDb.display();
        } else {
            EmbeddedPostgres postgres = embedded();
            adminUrl = postgres.jdbcUrl();
            properties = postgres.credentials();
            where = "the embedded " + postgres;
        }
        try {
            return ScratchServerDatabase.create(adminUrl, properties);
        } catch (SQLException e) {
            throw Errors.database("creating a temporary database on " + where, e);
        }
    }

    /** One empty database kept for the whole run (canonicalization leaves it empty after each use). */
    ScratchDatabase shared() {
        if (shared == null) {
            shared = newDatabase();
        }
        return shared;
    }

    private EmbeddedPostgres embedded() {
        if (embedded == null) {
            int major = target == null ? PostgresRelease.DEFAULT_MAJOR_VERSION : serverMajorVersion(target);
            EmbeddedPostgres.Options options = EmbeddedPostgres.Options.defaults().matchingServer(major);
            try {
                embedded = EmbeddedPostgres.start(options);
            } catch (RuntimeException e) {
                throw CliFailure.error("could not start an embedded PostgreSQL " + options.majorVersion()
                        + " for the throwaway database: " + Main.oneLine(e.getMessage())
                        + " (pass --dev-db URL to use a PostgreSQL server of your own instead)", e);
            }
        }
        return embedded;
    }

    private static int serverMajorVersion(DatabaseUrl url) {
        Connection connection = Connections.open(url);
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('server_version_num')::int")) {
            row.next();
            return PostgresRelease.majorOf(row.getInt(1));
        } catch (SQLException e) {
            throw Errors.database("reading the server version of " + url.display(), e);
        } finally {
            Connections.closeQuietly(connection);
        }
    }

    @Override
    public void close() {
        try {
            if (shared != null) {
                shared.close();
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
