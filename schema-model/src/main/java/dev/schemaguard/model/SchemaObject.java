package dev.schemaguard.model;

/**
 * An object that lives in a schema beside tables: sequences, types, views, functions, collations. The diff treats them
 * uniformly (added, dropped, altered); the planner knows how each kind is created, changed and dropped.
 */
public sealed interface SchemaObject permits Sequence, EnumType, Domain, CompositeType, RangeType, View, Routine,
        Collation, Aggregate {

    /** The name within the schema. */
    String name();

    /** What tells this object apart from others of its kind in a schema: the name, or for routines the signature. */
    default String identity() {
        return name();
    }

    /** A short word for messages: "sequence", "enum", "view", ... */
    String kind();

    String comment();
}
