package dev.schemaguard.sql;

/** An expected schema could not be put into PostgreSQL's spelling through a scratch database; the message says why. */
public final class CanonicalizationException extends Exception {

    public CanonicalizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
