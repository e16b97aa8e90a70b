package dev.schemaguard.guard;

/** Mode REPAIR could not add what was missing; the repair was rolled back as a whole. */
public final class SchemaRepairException extends RuntimeException {

    SchemaRepairException(String message, Throwable cause) {
        super(message, cause);
    }
}
