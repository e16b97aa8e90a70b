package dev.schemaguard.model;

import java.util.HashSet;
import java.util.List;

/** {@code CREATE TYPE name AS ENUM (values...)}; the order of values is significant. */
public record EnumType(String name, List<String> values, String comment) implements SchemaObject {

    public EnumType {
        Identifiers.requireValid(name, "enum name");
        values = List.copyOf(values);
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException("enum " + name + " lists a value twice: " + values);
        }
    }

    @Override
    public String kind() {
        return "enum";
    }
}
