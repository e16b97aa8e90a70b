package dev.schemaguard.diff;

/** A declared rename ({@code renamed_from}) that does not fit the database: both names exist, or neither. */
public final class DeclaredRenameException extends IllegalArgumentException {

    public DeclaredRenameException(String message) {
        super(message);
    }
}
