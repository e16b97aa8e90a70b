package dev.schemaguard.guard;

/** Mode FAIL found differences: the message lists each one and what to run to fix them. Nothing was changed. */
public final class SchemaDriftException extends RuntimeException {

    private final transient VerificationResult result;

    SchemaDriftException(String message, VerificationResult result) {
        super(message);
        this.result = result;
    }

    /** The verification that failed, with the typed differences ({@code result().found()}). */
    public VerificationResult result() {
        return result;
    }
}
