package dev.schemaguard.model;

/**
 * An object that lives in a schema beside tables: sequences, types, views, functions. The diff treats them
 * uniformly (added, dropped, altered); the planner knows how each kind is created, changed and dropped.
 */
public sealed interface SchemaObject permits Sequence, EnumType, Domain, CompositeType, View, Routine {

    /** The name within the schema; for routines, name plus argument types, as they are identified. */
    String name();

    /** A short word for messages: "sequence", "enum", "view", ... */
    String kind();

    String comment();
}
