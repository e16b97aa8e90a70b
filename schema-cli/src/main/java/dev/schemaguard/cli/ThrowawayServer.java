package dev.schemaguard.cli;

import dev.schemaguard.embedded.EmbeddedPostgres;
import dev.schemaguard.embedded.PostgresRelease;
import dev.schemaguard.sql.ThrowawayDatabase;
import dev.schemaguard.sql.ThrowawayDatabaseOnServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The server one CLI run makes its throwaway databases on: an embedded PostgreSQL started for the run the first
 * time one is needed (and only then), of the target database's major version when there is a target, and stopped
 * by {@link #close()}; or, with {@code --dev-db}, a server of the user's, which it leaves running.
 */
final class ThrowawayServer implements AutoCloseable {

    static final String SUPERUSER = "schemaguard";

    private final DatabaseUrl devDb;
    private final Consumer<String> warnings;
    private DatabaseUrl target;
    private EmbeddedPostgres embedded;
    /** The major version the embedded server has (or would have), once known. */
    private Integer embeddedMajor;
    private Sandbox shared;

    ThrowawayServer(DatabaseUrl devDb, Consumer<String> warnings) {
        this.devDb = devDb;
        this.warnings = warnings;
    }

    /** The database whose major version an embedded server should have; the first one given counts. */
    void matchVersionOf(DatabaseUrl database) {
        if (target == null) {
            target = database;
        }
    }

    /**
     * How to reach the server as its administrator.
     *
     * @param jdbcUrl    the server's URL (its maintenance or given database)
     * @param properties user, password and the like
     * @param where      the server, for messages (password masked)
     */
    record Admin(String jdbcUrl, Properties properties, String where) {

        /** Only where: the properties hold the password. */
        @Override
        public String toString() {
            return where;
        }
    }

    /** The server throwaway databases are made on, starting the embedded one if it is that and not running yet. */
    Admin admin() {
        if (devDb != null) {
            return new Admin(devDb.jdbcUrl(), devDb.properties(), "--dev-db " + devDb.display());
        }
        EmbeddedPostgres postgres = embedded();
        return new Admin(postgres.jdbcUrl(), postgres.credentials(), "the embedded " + postgres);
    }

    /** A new empty database; the caller closes (drops) it. */
    ThrowawayDatabaseOnServer newDatabase() {
        Admin admin = admin();
        try {
            return ThrowawayDatabaseOnServer.create(admin.jdbcUrl(), admin.properties());
        } catch (SQLException e) {
            throw Errors.database("creating a temporary database on " + admin.where(), e);
        }
    }

    /**
     * One empty database kept for the whole run (canonicalization leaves it empty after each use), used as an
     * unprivileged role ({@link Sandbox}): a YAML schema's expressions and view queries are SQL too. The roles
     * {@code roles} are created for it if the server lacks them.
     */
    ThrowawayDatabase shared(Set<String> roles) {
        if (shared == null) {
            Admin admin = admin();
            shared = Sandbox.create(admin, newDatabase(), roles, warnings);
        } else {
            shared.ensureRoles(roles);
        }
        return shared.asThrowawayDatabase();
    }

    /**
     * What a schema built on this server and read back depends on, found without starting an embedded server: the
     * embedded release it would start (e.g. {@code embedded PostgreSQL 15.15.0 on Linux/amd64}), or the --dev-db
     * server's version number with the settings that change how expressions print and the extension versions it
     * offers. Its first line says which server, for --verbose.
     */
    String identity() {
        if (devDb == null) {
            return "embedded PostgreSQL " + PostgresRelease.matching(embeddedMajor()).artifactVersion() + " on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch");
        }
        Connection connection = Connections.open(devDb);
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('server_version_num'), "
                     + "(SELECT string_agg(name || '=' || reset_val, ' ' ORDER BY name) FROM pg_settings WHERE name IN"
                     + " ('search_path', 'standard_conforming_strings', 'IntervalStyle', 'lc_monetary', 'lc_numeric')),"
                     + " (SELECT string_agg(name || ' ' || coalesce(default_version, ''), ' ' ORDER BY name)"
                     + " FROM pg_available_extensions)")) {
            row.next();
            return "--dev-db server_version_num " + row.getString(1) + "\n" + row.getString(2) + "\nextensions " + row.getString(3);
        } catch (SQLException e) {
            throw Errors.database("reading the server version of --dev-db " + devDb.display(), e);
        } finally {
            Connections.closeQuietly(connection);
        }
    }

    /**
     * The major version of {@code database}, read already by whoever connected to it: the embedded server for that
     * target then needs no connection of its own to learn it. Called from the thread that read the database.
     */
    synchronized void knowVersionOf(DatabaseUrl database, int major) {
        if (embeddedMajor == null && database.equals(target)) {
            embeddedMajor = major;
        }
    }

    private synchronized int embeddedMajor() {
        if (embeddedMajor == null) {
            embeddedMajor = target == null ? PostgresRelease.DEFAULT_MAJOR_VERSION : serverMajorVersion(target);
        }
        return embeddedMajor;
    }

    private EmbeddedPostgres embedded() {
        if (embedded == null) {
            int major = embeddedMajor();
            // superuser 'schemaguard': 'postgres' stays free for a .sql source that grants to or owns by it
            EmbeddedPostgres.Options options = EmbeddedPostgres.Options.defaults().matchingServer(major)
                    .withSuperuser(SUPERUSER);
            try {
                embedded = EmbeddedPostgres.start(options);
                closeDatabasesToPublic(embedded);
            } catch (RuntimeException e) {
                throw CliFailure.error("could not start an embedded PostgreSQL " + options.majorVersion()
                        + " for the throwaway database: " + Main.oneLine(e.getMessage())
                        + " (pass --dev-db URL to use a PostgreSQL server of your own instead)", e);
            }
        }
        return embedded;
    }

    /**
     * On the server schemaguard runs itself, the role a .sql source runs as can connect nowhere but to its own
     * database: PUBLIC loses CONNECT (and TEMPORARY) on the databases initdb made.
     */
    private static void closeDatabasesToPublic(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("REVOKE CONNECT, TEMPORARY ON DATABASE postgres, template0, template1 FROM PUBLIC");
        } catch (SQLException e) {
            throw new IllegalStateException("could not revoke CONNECT from PUBLIC on " + postgres + ": " + e.getMessage(), e);
        }
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
