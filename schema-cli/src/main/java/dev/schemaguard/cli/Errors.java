package dev.schemaguard.cli;

import java.sql.SQLException;

/** Turns exceptions into {@link CliFailure}s with the right exit code and a message safe to print. */
final class Errors {

    private Errors() {
    }

    static CliFailure database(String what, SQLException e) {
        String message = what + " failed: " + PasswordMask.mask(e.getMessage());
        return Connections.isConnectionFailure(e) ? CliFailure.cannotConnect(message, e) : CliFailure.error(message, e);
    }
}
