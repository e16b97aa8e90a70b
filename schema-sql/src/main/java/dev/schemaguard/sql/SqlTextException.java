package dev.schemaguard.sql;

/**
 * SQL text that is not what its place requires: lexically incomplete, more than one command, not an expression.
 * {@link #offset()} is the 0-based character offset into the text where the problem is.
 */
public final class SqlTextException extends IllegalArgumentException {

    private final int offset;

    public SqlTextException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Where in the text (0-based character offset). */
    public int offset() {
        return offset;
    }

    /** The message followed by where: "... at character 12". */
    public String located() {
        return getMessage() + " (at character " + (offset + 1) + ")";
    }
}
