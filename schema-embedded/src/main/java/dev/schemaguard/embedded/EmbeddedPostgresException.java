package dev.schemaguard.embedded;

/** Starting, provisioning or stopping an embedded PostgreSQL server failed; the message says what and why. */
public class EmbeddedPostgresException extends RuntimeException {

    public EmbeddedPostgresException(String message) {
        super(message);
    }

    public EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
