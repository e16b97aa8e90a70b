package dev.schemaguard.sql;

/**
 * An expected schema could not be put into PostgreSQL's spelling through a throwaway database; the message says why.
 * {@link #blamesSchema()} tells a schema that is itself invalid (an unknown type, a broken CHECK, a view that does
 * not parse) from a throwaway database that cannot take it (an extension that server lacks, no connection, no
 * privilege): only the second is a reason to compare without canonicalization.
 */
public final class CanonicalizationException extends Exception {

    private final transient PlanStatement statement;
    private final String part;
    private final boolean blamesSchema;

    public CanonicalizationException(String message, Throwable cause) {
        this(message, cause, null, null, false);
    }

    public CanonicalizationException(String message, Throwable cause, PlanStatement statement, String part,
                                     boolean blamesSchema) {
        super(message, cause);
        this.statement = statement;
        this.part = part;
        this.blamesSchema = blamesSchema;
    }

    /**
     * The line of the failed statement the server's error points into (such as {@code id integr} of a CREATE
     * TABLE), or null when the server gave no position.
     */
    public String part() {
        return part;
    }

    /** The statement of the expected schema's baseline that failed, or null when the failure was not a statement's. */
    public PlanStatement statement() {
        return statement;
    }

    /** True when the expected schema itself is invalid, false when the throwaway database could not take it. */
    public boolean blamesSchema() {
        return blamesSchema;
    }
}
