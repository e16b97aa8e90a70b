package dev.schemaguard.sql;

import java.util.Set;

/**
 * Which schemas introspection reads, and whether it reads privileges. An empty {@code includeSchemas} means
 * every schema that is not a system schema (pg_catalog, information_schema, pg_toast, pg_temp_*) or owned by
 * an extension; {@code excludeSchemas} is subtracted afterwards. With {@code privileges}, the grants on
 * schemas and the objects in them that differ from PostgreSQL's defaults are read into
 * {@link dev.schemaguard.model.Schema#grants()}; without (the default), the model has no grants and
 * privileges are neither read nor reported.
 */
public record IntrospectionOptions(Set<String> includeSchemas, Set<String> excludeSchemas, boolean privileges) {

    public static final IntrospectionOptions ALL = new IntrospectionOptions(Set.of(), Set.of());

    public IntrospectionOptions {
        includeSchemas = Set.copyOf(includeSchemas);
        excludeSchemas = Set.copyOf(excludeSchemas);
    }

    /** Without privileges. */
    public IntrospectionOptions(Set<String> includeSchemas, Set<String> excludeSchemas) {
        this(includeSchemas, excludeSchemas, false);
    }

    public static IntrospectionOptions only(String... schemas) {
        return new IntrospectionOptions(Set.of(schemas), Set.of());
    }

    public IntrospectionOptions excluding(String... schemas) {
        return new IntrospectionOptions(includeSchemas, Set.of(schemas), privileges);
    }

    /** The same schemas, with privileges read (see {@link dev.schemaguard.model.Grant}). */
    public IntrospectionOptions withPrivileges() {
        return withPrivileges(true);
    }

    public IntrospectionOptions withPrivileges(boolean read) {
        return new IntrospectionOptions(includeSchemas, excludeSchemas, read);
    }

    public boolean includes(String schema) {
        return (includeSchemas.isEmpty() || includeSchemas.contains(schema)) && !excludeSchemas.contains(schema);
    }
}
