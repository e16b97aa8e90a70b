package dev.schemaguard.cli;

import dev.schemaguard.sql.SqlScript;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Runs a {@link ScriptFile} in a {@link Sandbox}, statement by statement in autocommit mode as psql runs a file.
 * Some statements are done for the script rather than by it: {@code CREATE ROLE|USER|GROUP} of a role that
 * exists by then (schemaguard made it, NOLOGIN, before the script started) is skipped, and {@code CREATE EXTENSION}
 * of an allowed extension ({@link TrustedExtensions}) runs as the superuser. ({@code SET client_encoding} never
 * arrives here: the file was read in the encodings it sets, {@code SqlScript.text}.) A failing statement stops the
 * run with its {@code file:line:column}, the server's reason and the statement.
 */
final class SandboxedScript {

    private static final int SHOWN_STATEMENT_LENGTH = 120;
    private static final String PRIVILEGE_HINT = " (.sql sources run as an unprivileged role that owns only its"
            + " throwaway database; schemaguard creates for it the roles the script names, NOLOGIN, and the extensions "
            + String.join(", ", TrustedExtensions.ALLOWED) + "; see 'SQL sources run in a sandbox' in docs/cli.md)";

    private final ScriptFile script;
    private final Sandbox sandbox;

    SandboxedScript(ScriptFile script, Sandbox sandbox) {
        this.script = script;
        this.sandbox = sandbox;
    }

    /** Runs every statement on {@code connection}, a sandbox connection. */
    void run(Connection connection) {
        for (SqlScript.Statement statement : script.statements()) {
            try {
                runOne(connection, statement);
            } catch (SQLException e) {
                throw CliFailure.error(failure(statement, e), e);
            }
        }
    }

    private void runOne(Connection connection, SqlScript.Statement statement) throws SQLException {
        if (createsExistingRole(connection, statement)) {
            return;
        }
        Optional<String> roleSetting = settingOfCreatedRole(statement);
        if (roleSetting.isPresent()) {
            sandbox.warn(script.position(statement.offset()) + ": skipped a setting of role " + roleSetting.get()
                    + " (ALTER ROLE ... SET): roles belong to the server, not to the schema, and this one exists only"
                    + " for this run");
            return;
        }
        Optional<String> extension = TrustedExtensions.superuserStatement(statement);
        if (extension.isPresent()) {
            sandbox.runAsSuperuser(extension.get(), searchPath(connection));
            return;
        }
        try (Statement jdbc = connection.createStatement()) {
            jdbc.setEscapeProcessing(false);
            jdbc.execute(statement.sql());
        }
    }

    private boolean createsExistingRole(Connection connection, SqlScript.Statement statement) throws SQLException {
        boolean createsRole = statement.startsWith("create", "role") || statement.startsWith("create", "group")
                || (statement.startsWith("create", "user") && !statement.startsWith("create", "user", "mapping"));
        if (!createsRole || statement.token(2) == null || statement.token(2).identifier() == null) {
            return false;
        }
        return sandbox.roleExists(connection, statement.token(2).identifier());
    }

    /**
     * The role of {@code ALTER ROLE|USER name [IN DATABASE db] SET|RESET ...} when schemaguard created it for this
     * run: a session default of a role is no part of a schema, and changing it would need CREATEROLE.
     */
    private Optional<String> settingOfCreatedRole(SqlScript.Statement statement) {
        if (!(statement.startsWith("alter", "role") || statement.startsWith("alter", "user"))
                || statement.token(2) == null || statement.token(2).identifier() == null || statement.token(3) == null) {
            return Optional.empty();
        }
        boolean setting = statement.token(3).isWord("set") || statement.token(3).isWord("reset") || statement.token(3).isWord("in");
        String role = statement.token(2).identifier();
        return setting && sandbox.createdRoles().contains(role) ? Optional.of(role) : Optional.empty();
    }

    private static String searchPath(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('search_path')")) {
            row.next();
            return row.getString(1);
        }
    }

    private String failure(SqlScript.Statement statement, SQLException e) {
        int offset = statement.offset();
        if (e instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getPosition() > 0 && server.getPosition() <= statement.sql().length()) {
                offset += server.getPosition() - 1;
            }
        }
        String shown = statement.sql().replaceAll("\\s+", " ").strip();
        if (shown.length() > SHOWN_STATEMENT_LENGTH) {
            shown = shown.substring(0, SHOWN_STATEMENT_LENGTH) + " ...";
        }
        boolean privileges = "42501".equals(e.getSQLState());
        String where = e instanceof PSQLException psql && psql.getServerErrorMessage() != null
                ? psql.getServerErrorMessage().getWhere() : null;
        return script.position(offset) + ": " + firstLine(e.getMessage()) + " in statement: " + shown
                + (where == null || where.isBlank() ? "" : " (where: " + where.replaceAll("\\s+", " ").strip() + ")")
                + (privileges ? existingRoleHint(e.getMessage()) + PRIVILEGE_HINT : "");
    }

    /** When the refusal names a role the server had before the run: why, and what to do. */
    private String existingRoleHint(String message) {
        for (String role : sandbox.existingRoles()) {
            if (message != null && message.contains("\"" + role + "\"")) {
                return " (the role " + role + " existed on the server before this run, and the sandbox role gets rights"
                        + " only over the roles schemaguard creates for it: drop " + role + " there if nothing else needs"
                        + " it, or leave out --dev-db to use an embedded server)";
            }
        }
        return "";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
