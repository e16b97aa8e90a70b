package dev.schemaguard.cli;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections and tells connection failures (exit 2) from other database errors (exit 3). */
final class Connections {

    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private Connections() {
    }

    /** Opens a connection in autocommit mode; any failure to connect becomes a {@link CliFailure} with exit 2. */
    static Connection open(DatabaseUrl url) {
        Properties properties = new Properties();
        properties.putAll(url.properties());
        properties.putIfAbsent("ApplicationName", "schemaguard");
        Connection connection;
        try {
            connection = DRIVER.connect(url.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw CliFailure.cannotConnect("cannot connect to " + url.display() + ": " + PasswordMask.mask(e.getMessage())
                    + hint(e), e);
        }
        if (connection == null) {
            throw CliFailure.error("the PostgreSQL driver does not accept the URL " + url.display());
        }
        return connection;
    }

    /** Whether a failure during a session means the connection was lost or refused rather than a SQL error. */
    static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("28P01") || state.equals("28000")) {
                    return true;
                }
            }
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String hint(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return " (check the user name and password)";
        }
        if (state.startsWith("08")) {
            return " (is the server running and reachable on that host and port?)";
        }
        if (state.equals("3D000")) {
            return " (check the database name in the URL)";
        }
        return "";
    }

    static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing useful to do: the command's outcome is already decided
            }
        }
    }
}
