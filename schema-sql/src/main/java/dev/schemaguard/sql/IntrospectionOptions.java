package dev.schemaguard.sql;

import java.util.Set;

/**
 * Which schemas introspection reads. An empty {@code includeSchemas} means every schema that is not a
 * system schema (pg_catalog, information_schema, pg_toast, pg_temp_*) or owned by an extension;
 * {@code excludeSchemas} is subtracted afterwards.
 */
public record IntrospectionOptions(Set<String> includeSchemas, Set<String> excludeSchemas) {

    public static final IntrospectionOptions ALL = new IntrospectionOptions(Set.of(), Set.of());

    public IntrospectionOptions {
        includeSchemas = Set.copyOf(includeSchemas);
        excludeSchemas = Set.copyOf(excludeSchemas);
    }

    public static IntrospectionOptions only(String... schemas) {
        return new IntrospectionOptions(Set.of(schemas), Set.of());
    }

    public IntrospectionOptions excluding(String... schemas) {
        return new IntrospectionOptions(includeSchemas, Set.of(schemas));
    }

    public boolean includes(String schema) {
        return (includeSchemas.isEmpty() || includeSchemas.contains(schema)) && !excludeSchemas.contains(schema);
    }
}
