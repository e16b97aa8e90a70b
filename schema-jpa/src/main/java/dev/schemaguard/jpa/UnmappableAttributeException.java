package dev.schemaguard.jpa;

/** An attribute the reader cannot map; the reader reports it as a warning and skips it, never the whole entity set. */
final class UnmappableAttributeException extends IllegalArgumentException {

    UnmappableAttributeException(String message) {
        super(message);
    }
}
