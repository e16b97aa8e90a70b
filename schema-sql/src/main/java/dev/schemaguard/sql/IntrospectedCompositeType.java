package dev.schemaguard.sql;

import dev.schemaguard.model.CompositeType;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** A composite type while {@link PostgresIntrospector} collects it; the column query adds its attributes. */
final class IntrospectedCompositeType {

    final String schema;
    private final String name;
    private final String comment;
    /** By attribute number: the columns query returns them in no order. */
    final SortedMap<Integer, CompositeType.Attribute> attributes = new TreeMap<>();

    IntrospectedCompositeType(String schema, String name, String comment) {
        this.schema = schema;
        this.name = name;
        this.comment = comment;
    }

    CompositeType toCompositeType() {
        return new CompositeType(name, List.copyOf(attributes.values()), comment, null);
    }
}
