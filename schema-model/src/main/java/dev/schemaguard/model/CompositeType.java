package dev.schemaguard.model;

import java.util.List;
import java.util.Objects;

/** {@code CREATE TYPE name AS (attribute type [COLLATE c], ...)}. */
public record CompositeType(String name, List<Attribute> attributes, String comment, String renamedFrom) implements SchemaObject {

    public record Attribute(String name, DataType type, String collation) {
        public Attribute {
            Identifiers.requireValid(name, "attribute name");
            Objects.requireNonNull(type, () -> "type of attribute " + name);
        }
    }

    public CompositeType {
        Identifiers.requireValid(name, "composite type name");
        Identifiers.requireRenamedFrom(renamedFrom, name, "composite type");
        attributes = List.copyOf(attributes);
    }

    @Override
    public String kind() {
        return "composite type";
    }

    public CompositeType withName(String newName) {
        return new CompositeType(newName, attributes, comment, renamedFrom);
    }

    /** The same object declared renamed from {@code oldName} (null: not renamed). */
    public CompositeType withRenamedFrom(String oldName) {
        return new CompositeType(name, attributes, comment, oldName);
    }
}
