package dev.schemaguard.sql;

import dev.schemaguard.model.CompositeType;

import java.util.ArrayList;
import java.util.List;

/** A composite type while {@link PostgresIntrospector} collects it; the column query adds its attributes. */
final class IntrospectedCompositeType {

    final String schema;
    private final String name;
    private final String comment;
    final List<CompositeType.Attribute> attributes = new ArrayList<>();

    IntrospectedCompositeType(String schema, String name, String comment) {
        this.schema = schema;
        this.name = name;
        this.comment = comment;
    }

    CompositeType toCompositeType() {
        return new CompositeType(name, attributes, comment);
    }
}
