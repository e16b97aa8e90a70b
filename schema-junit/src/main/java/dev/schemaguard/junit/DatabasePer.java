package dev.schemaguard.junit;

/** How long one throwaway database of {@link SchemaGuardTest} lives. */
public enum DatabasePer {
    /** One database for every test of the class (and its {@code @Nested} classes), dropped after the class. */
    CLASS,
    /** A new database for every test method, dropped after it. */
    METHOD
}
