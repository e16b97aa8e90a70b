package dev.schemaguard.jpa;

/** Two schema sources declare the same object differently; the message names the object and both sources. */
public final class SchemaConflictException extends IllegalArgumentException {

    public SchemaConflictException(String message) {
        super(message);
    }
}
