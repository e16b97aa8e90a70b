package dev.schemaguard.diff;

import java.util.List;

/**
 * A declared rename ({@code renamed_from}) that does not fit the database: both names exist, or neither. Says which
 * declaration: the former name it gives ({@link #oldName()}) and the names of the object declaring it, outermost
 * first ({@link #names()}: schema, then table, then column, constraint or index), so a reader of the declaration can
 * place the error where it was written.
 */
public final class DeclaredRenameException extends IllegalArgumentException {

    private final String oldName;
    private final List<String> names;

    public DeclaredRenameException(String message, String oldName, List<String> names) {
        super(message);
        this.oldName = oldName;
        this.names = List.copyOf(names);
    }

    /** The former name the declaration gives. */
    public String oldName() {
        return oldName;
    }

    /** The schema, table and member names of the object that declares the rename, outermost first. */
    public List<String> names() {
        return names;
    }
}
