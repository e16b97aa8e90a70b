package dev.schemaguard.guard;

import java.util.List;

/**
 * A guard found the database without something it requires. The message lists every missing table, column,
 * column type and index, one per line, and ends with what to run to fix it.
 */
public final class MissingSchemaException extends RuntimeException {

    private final transient List<MissingObject> missing;

    MissingSchemaException(String checkedBy, List<MissingObject> missing, String fixHint) {
        super(message(checkedBy, missing, fixHint));
        this.missing = List.copyOf(missing);
    }

    /** Everything that was missing, in the order the guard declared its requirements. */
    public List<MissingObject> missing() {
        return missing;
    }

    private static String message(String checkedBy, List<MissingObject> missing, String fixHint) {
        StringBuilder message = new StringBuilder();
        message.append(checkedBy == null ? "Required schema objects are missing:" : checkedBy
                + " stopped before changing anything: required schema objects are missing:");
        for (MissingObject object : missing) {
            message.append("\n  - ").append(object.describe());
        }
        message.append('\n').append(fixHint);
        return message.toString();
    }
}
