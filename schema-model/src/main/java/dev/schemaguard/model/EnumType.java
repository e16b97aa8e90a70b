package dev.schemaguard.model;

import java.util.HashSet;
import java.util.List;

/** {@code CREATE TYPE name AS ENUM (values...)}; the order of values is significant. */
public record EnumType(String name, List<String> values, String comment, String renamedFrom) implements SchemaObject {

    public EnumType {
        Identifiers.requireValid(name, "enum name");
        Identifiers.requireRenamedFrom(renamedFrom, name, "enum");
        values = List.copyOf(values);
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException("enum " + name + " lists a value twice: " + values);
        }
    }

    @Override
    public String kind() {
        return "enum";
    }

    public EnumType withName(String newName) {
        return new EnumType(newName, values, comment, renamedFrom);
    }

    /** The same object declared renamed from {@code oldName} (null: not renamed). */
    public EnumType withRenamedFrom(String oldName) {
        return new EnumType(name, values, comment, oldName);
    }
}
