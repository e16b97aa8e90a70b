package dev.schemaguard.cli;

/** The process exit codes of every command; documented in docs/cli.md. */
public final class ExitCode {

    /** The database matches (check, diff) or the command did what was asked. */
    public static final int OK = 0;
    /** check or diff found differences. */
    public static final int DRIFT = 1;
    /** The database could not be reached or refused the credentials. */
    public static final int CANNOT_CONNECT = 2;
    /** Anything else: bad arguments, an unreadable or invalid schema, a failed statement, an internal error. */
    public static final int ERROR = 3;
    /**
     * The plan breaks a rule named by {@code --fail-on} or at the severity of {@code --fail-on-severity} (check,
     * diff: the report is printed; apply: nothing was run).
     */
    public static final int RULES_BROKEN = 4;

    private ExitCode() {
    }
}
