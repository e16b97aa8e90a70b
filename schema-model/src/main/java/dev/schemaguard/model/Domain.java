package dev.schemaguard.model;

import java.util.List;
import java.util.Objects;

/** {@code CREATE DOMAIN name AS baseType [COLLATE] [DEFAULT] [NOT NULL] [CONSTRAINT c CHECK (...)]...}. */
public record Domain(String name, DataType baseType, boolean notNull, String defaultExpression, String collation,
                     List<CheckConstraint> checks, String comment) implements SchemaObject {

    public Domain {
        Identifiers.requireValid(name, "domain name");
        Objects.requireNonNull(baseType, () -> "base type of domain " + name);
        checks = List.copyOf(checks);
    }

    @Override
    public String kind() {
        return "domain";
    }
}
