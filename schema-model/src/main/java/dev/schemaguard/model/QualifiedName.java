package dev.schemaguard.model;

import java.util.Comparator;
import java.util.Objects;

/** A schema-qualified object name, e.g. a table {@code "public"."orders"}. Both parts are exact identifiers. */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

    private static final Comparator<QualifiedName> ORDER =
            Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    public QualifiedName {
        Identifiers.requireValid(schema, "schema name");
        Identifiers.requireValid(name, "object name");
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    /** The name as SQL, each part quoted only where PostgreSQL needs it. */
    public String sql() {
        return Identifiers.quote(schema) + "." + Identifiers.quote(name);
    }

    @Override
    public int compareTo(QualifiedName other) {
        return ORDER.compare(this, Objects.requireNonNull(other));
    }

    @Override
    public String toString() {
        return sql();
    }
}
