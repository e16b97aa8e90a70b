package dev.schemaguard.model;

import java.util.Objects;

/**
 * A reference to one database object, for dependencies: its kind, schema and name, and for objects that
 * live inside another (a column, a trigger, a constraint, a policy) the name of that part in {@code member}.
 * Routines are named by their signature, e.g. {@code touch(integer)}.
 */
public record ObjectRef(Kind kind, String schema, String name, String member) {

    public enum Kind {
        SCHEMA, TABLE, COLUMN, VIEW, MATERIALIZED_VIEW, SEQUENCE, TYPE, ROUTINE, TRIGGER, CONSTRAINT, INDEX, POLICY, EXTENSION,
        COLLATION, RULE, TEXT_SEARCH_DICTIONARY, TEXT_SEARCH_CONFIGURATION
    }

    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static ObjectRef of(Kind kind, String schema, String name) {
        return new ObjectRef(kind, schema, name, null);
    }

    public static ObjectRef column(QualifiedName table, String column) {
        return new ObjectRef(Kind.COLUMN, table.schema(), table.name(), column);
    }

    /** The object this one is part of: a column's table, for example; itself when it is not a part. */
    public ObjectRef owner() {
        return switch (kind) {
            case COLUMN, TRIGGER, CONSTRAINT, POLICY, RULE -> new ObjectRef(Kind.TABLE, schema, name, null);
            default -> this;
        };
    }

    @Override
    public String toString() {
        String base = (schema == null ? "" : schema + ".") + name;
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + (member == null ? base : base + "." + member);
    }
}
