package dev.schemaguard.cli;

import dev.schemaguard.sql.ThrowawayDatabase;
import dev.schemaguard.sql.ThrowawayDatabaseOnServer;
import org.postgresql.PGConnection;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where a {@code .sql} source runs, and where a YAML schema is put into PostgreSQL's spelling: a throwaway database, owned by a login role made for this one run
 * ({@code schemaguard_sandbox_...}: no superuser, no CREATEDB, no CREATEROLE, no membership in any predefined
 * role, a random password only this process knows), with CONNECT on that database taken from PUBLIC. The roles
 * the script names and the server lacks are created NOLOGIN, with the sandbox role as their member and admin, so
 * that {@code OWNER TO}, {@code AUTHORIZATION} and {@code GRANT role TO} work on them. {@link #close()} drops the
 * database, then those roles and the sandbox role, also after a failure.
 */
final class Sandbox implements AutoCloseable {

    static final String ROLE_PREFIX = "schemaguard_sandbox_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ThrowawayServer.Admin admin;
    private final ThrowawayDatabaseOnServer database;
    private final String role;
    private final String password;
    private final List<String> createdRoles = new ArrayList<>();
    private final List<String> existingRoles = new ArrayList<>();
    private final Consumer<String> warnings;
    private Connection superuser;

    private Sandbox(ThrowawayServer.Admin admin, ThrowawayDatabaseOnServer database, Consumer<String> warnings) {
        this.admin = admin;
        this.database = database;
        this.warnings = warnings;
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        this.role = ROLE_PREFIX + HexFormat.of().formatHex(random);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        this.password = HexFormat.of().formatHex(secret);
    }

    /** Sets up the sandbox in {@code database}, which it then owns (and drops on close, also if this fails). */
    static Sandbox create(ThrowawayServer.Admin admin, ThrowawayDatabaseOnServer database, Set<String> roles,
                          Consumer<String> warnings) {
        Sandbox sandbox = new Sandbox(admin, database, warnings);
        try {
            sandbox.setUp(roles);
            return sandbox;
        } catch (SQLException e) {
            sandbox.close();
            CliFailure failure = Errors.database("preparing the unprivileged role for the throwaway database on "
                    + admin.where(), e);
            if (!"42501".equals(e.getSQLState())) {
                throw failure;
            }
            throw new CliFailure(failure.exitCode(), failure.getMessage() + " (schemaguard creates and drops roles there"
                    + " and hands the database to one: connect to that server as a superuser, or leave out --dev-db to"
                    + " use an embedded server)", e);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /** The sandbox role's name. */
    String role() {
        return role;
    }

    /** The roles named for this run that the server had already: the sandbox role has no rights over them. */
    List<String> existingRoles() {
        return List.copyOf(existingRoles);
    }

    /** Tells the user of something done differently for the script than it asked. */
    void warn(String message) {
        warnings.accept(message);
    }

    /** The roles created for this run (and dropped with it). */
    List<String> createdRoles() {
        return List.copyOf(createdRoles);
    }

    /**
     * A new connection to the throwaway database as the sandbox role, in the simple query protocol (statements reach
     * the server as written); the caller closes it.
     */
    Connection connect() {
        return open(true);
    }

    /**
     * The throwaway database as a {@link ThrowawayDatabase} whose connections are the sandbox role's (for
     * {@code CanonicalSchema}); closing it closes this sandbox.
     */
    ThrowawayDatabase asThrowawayDatabase() {
        return new ThrowawayDatabase() {
            @Override
            public Connection open() {
                return Sandbox.this.open(false);
            }

            @Override
            public int majorVersion() throws SQLException {
                return database.majorVersion();
            }

            @Override
            public void close() {
                Sandbox.this.close();
            }
        };
    }

    /** Creates, as for the script, those of {@code roles} the server does not have yet. */
    void ensureRoles(Set<String> roles) {
        try (Connection connection = database.open()) {
            createRoles(connection, roles);
        } catch (SQLException e) {
            throw Errors.database("creating roles for the throwaway database on " + admin.where(), e);
        }
    }

    private Connection open(boolean simpleQueries) {
        Properties properties = new Properties();
        properties.setProperty("user", role);
        properties.setProperty("password", password);
        if (simpleQueries) {
            properties.setProperty("preferQueryMode", "simple");
        }
        return Connections.open(new DatabaseUrl(DatabaseUrl.withoutCredentials(database.jdbcUrl()), properties, "temporary database " + database.name()
                + " on " + admin.where() + " as " + role));
    }

    /** Whether a role of this name exists on the server. */
    boolean roleExists(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Runs a statement schemaguard built itself (an allowed extension) as the superuser, in the throwaway
     * database, with the sandbox session's search_path (where an extension without SCHEMA goes).
     */
    void runAsSuperuser(String sql, String searchPath) throws SQLException {
        if (superuser == null) {
            superuser = database.open();
        }
        try (PreparedStatement path = superuser.prepareStatement("SELECT set_config('search_path', ?, false)")) {
            path.setString(1, searchPath);
            path.execute();
        }
        try (Statement statement = superuser.createStatement()) {
            statement.execute(sql);
        }
    }

    private void setUp(Set<String> roles) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            String quotedRole = TrustedExtensions.quote(role);
            statement.execute("CREATE ROLE " + quotedRole + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
                    + " NOBYPASSRLS INHERIT CONNECTION LIMIT 3");
            createdRoles.add(role);
            // hashed here (SCRAM), so that the password is in no statement a server log could show
            connection.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
            statement.execute("ALTER DATABASE " + database.name() + " OWNER TO " + quotedRole);
            statement.execute("REVOKE ALL ON DATABASE " + database.name() + " FROM PUBLIC");
            if (connection.getMetaData().getDatabaseMajorVersion() < 15) {
                // PostgreSQL 15 gives schema public to pg_database_owner; before, the bootstrap superuser owned it
                statement.execute("ALTER SCHEMA public OWNER TO " + quotedRole);
            }
            createRoles(connection, roles);
        }
    }

    private void createRoles(Connection connection, Set<String> roles) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String name : roles) {
                if (roleExists(connection, name)) {
                    if (!createdRoles.contains(name) && !existingRoles.contains(name)) {
                        existingRoles.add(name);
                    }
                } else {
                    statement.execute("CREATE ROLE " + TrustedExtensions.quote(name) + " NOLOGIN");
                    createdRoles.add(name);
                    statement.execute("GRANT " + TrustedExtensions.quote(name) + " TO " + TrustedExtensions.quote(role)
                            + " WITH ADMIN OPTION");
                }
            }
        }
    }

    /** Drops the database, then the roles made for it; what cannot be dropped is reported, not thrown. */
    @Override
    public void close() {
        if (superuser != null) {
            Connections.closeQuietly(superuser);
            superuser = null;
        }
        database.close();
        if (createdRoles.isEmpty()) {
            return;
        }
        Connection connection;
        try {
            connection = Connections.open(new DatabaseUrl(admin.jdbcUrl(), admin.properties(), admin.where()));
        } catch (CliFailure e) {
            warnings.accept("could not drop the roles " + createdRoles + " made for the .sql source: " + e.getMessage()
                    + " (drop them by hand with DROP ROLE)");
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (int i = createdRoles.size() - 1; i >= 0; i--) {
                String name = createdRoles.get(i);
                try {
                    statement.execute("DROP ROLE IF EXISTS " + TrustedExtensions.quote(name));
                } catch (SQLException e) {
                    warnings.accept("could not drop the role " + name + " made for the .sql source on " + admin.where()
                            + ": " + e.getMessage() + " (drop it by hand: DROP ROLE " + TrustedExtensions.quote(name) + ")");
                }
            }
            createdRoles.clear();
        } catch (SQLException e) {
            warnings.accept("could not drop the roles " + createdRoles + " made for the .sql source on " + admin.where()
                    + ": " + e.getMessage() + " (drop them by hand with DROP ROLE)");
        } finally {
            Connections.closeQuietly(connection);
        }
    }
}
