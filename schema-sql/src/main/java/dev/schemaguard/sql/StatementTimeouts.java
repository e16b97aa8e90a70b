package dev.schemaguard.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The {@code lock_timeout} and {@code statement_timeout} each plan statement runs with; null keeps the session's
 * own. Inside a transaction they are set with {@code SET LOCAL}; around a statement that runs outside one, with
 * {@code SET} and then set back to the values the session had.
 */
public record StatementTimeouts(String lockTimeout, String statementTimeout) {

    /** A PostgreSQL duration as the timeouts take it: milliseconds, or a number with ms, s, min or h. */
    private static final Pattern DURATION = Pattern.compile("\\d+(ms|s|min|h)?");

    /** Both timeouts as the session has them. */
    public static final StatementTimeouts SESSION = new StatementTimeouts(null, null);

    public StatementTimeouts {
        lockTimeout = checked("lock timeout", lockTimeout);
        statementTimeout = checked("statement timeout", statementTimeout);
    }

    /** Whether {@code text} (trimmed) is a duration the timeouts take, e.g. 5s, 500ms, 2min or 0. */
    public static boolean isDuration(String text) {
        return text != null && DURATION.matcher(text.trim()).matches();
    }

    public StatementTimeouts withLockTimeout(String duration) {
        return new StatementTimeouts(duration, statementTimeout);
    }

    public StatementTimeouts withStatementTimeout(String duration) {
        return new StatementTimeouts(lockTimeout, duration);
    }

    private static String checked(String what, String duration) {
        if (duration == null) {
            return null;
        }
        if (!isDuration(duration)) {
            throw new IllegalArgumentException("not a " + what + ": " + duration + " (use e.g. 5s, 500ms, 2min or 0)");
        }
        return duration.trim();
    }

    /** Sets the timeouts for the transaction open on {@code connection}. */
    void setLocal(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (lockTimeout != null) {
                statement.execute("SET LOCAL lock_timeout = '" + lockTimeout + "'");
            }
            if (statementTimeout != null) {
                statement.execute("SET LOCAL statement_timeout = '" + statementTimeout + "'");
            }
        }
    }

    /**
     * Sets the timeouts for the session, for a statement that runs outside a transaction; returns what the session
     * had, for {@link #restore} (null when both are the session's: then nothing is set).
     */
    SessionValues setSession(Connection connection) throws SQLException {
        if (lockTimeout == null && statementTimeout == null) {
            return null;
        }
        SessionValues before;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT current_setting('lock_timeout'), current_setting('statement_timeout')")) {
            row.next();
            before = new SessionValues(row.getString(1), row.getString(2));
        }
        try (Statement statement = connection.createStatement()) {
            if (lockTimeout != null) {
                statement.execute("SET lock_timeout = '" + lockTimeout + "'");
            }
            if (statementTimeout != null) {
                statement.execute("SET statement_timeout = '" + statementTimeout + "'");
            }
        }
        return before;
    }

    /** Gives the session back the values {@link #setSession} found. */
    void restore(Connection connection, SessionValues before) throws SQLException {
        if (before == null) {
            return; // nothing was set
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('lock_timeout', ?, false), set_config('statement_timeout', ?, false)")) {
            statement.setString(1, before.lockTimeout());
            statement.setString(2, before.statementTimeout());
            statement.execute();
        }
    }

    /** The timeouts a session had, as current_setting prints them (e.g. "0", "5s", "1d"). */
    record SessionValues(String lockTimeout, String statementTimeout) {
    }

    @Override
    public String toString() {
        return "lock_timeout=" + (lockTimeout == null ? "the session's" : lockTimeout)
                + ", statement_timeout=" + (statementTimeout == null ? "the session's" : statementTimeout);
    }
}
