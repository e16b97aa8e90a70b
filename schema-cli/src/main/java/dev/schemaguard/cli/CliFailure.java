package dev.schemaguard.cli;

/**
 * A failure that ends the command with a one-line reason on stderr and the given exit code. The message must
 * already be safe to print: no passwords.
 */
final class CliFailure extends RuntimeException {

    private final int exitCode;

    CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    static CliFailure cannotConnect(String message, Throwable cause) {
        return new CliFailure(ExitCode.CANNOT_CONNECT, message, cause);
    }

    static CliFailure error(String message) {
        return new CliFailure(ExitCode.ERROR, message, null);
    }

    static CliFailure error(String message, Throwable cause) {
        return new CliFailure(ExitCode.ERROR, message, cause);
    }

    int exitCode() {
        return exitCode;
    }
}
