package dev.schemaguard.guard;

/** What {@link SchemaGuard#verify()} does when the database differs from the expected schema. */
public enum Mode {
    /** Throw {@link SchemaDriftException} listing every difference; change nothing. For production emergencies. */
    FAIL,
    /** Log every difference as a warning and carry on; change nothing. For regular production starts. */
    WARN,
    /**
     * Add what is missing (tables, columns, constraints, indexes, ...) in one transaction, verify again, and log
     * whatever is left as a warning: differences that only altering or dropping could fix are never repaired
     * automatically. For staging.
     */
    REPAIR
}
