package dev.schemaguard.sql;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which schemas introspection reads, and whether it reads privileges. An empty {@code includeSchemas} means
 * every schema that is not a system schema (pg_catalog, information_schema, pg_toast, pg_temp_*) or owned by
 * an extension; {@code excludeSchemas} is subtracted afterwards. With {@code privileges}, the grants on
 * schemas and the objects in them that differ from PostgreSQL's defaults are read into
 * {@link dev.schemaguard.model.Schema#grants()}; without (the default), the model has no grants and
 * privileges are neither read nor reported.
 *
 * <p>The same options select the declared side of a comparison ({@link #select}), and decide what to read of a
 * database compared with declared schemas ({@link #forComparisonWith}): every caller (the CLI, the guards) asks
 * here which schemas to read.
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

    /**
     * What to read of a database in a comparison whose declared sides (YAML, .sql, a model) are
     * {@code declaredSides}. Without included schemas, a database compared with declared schemas is read only for
     * the schemas they declare (and those they declare renamed from), and one on its own or compared with another
     * database ({@code declaredSides} empty) for all its non-system schemas; named schemas are read as named.
     * Excluded schemas are left out either way. Empty when there is nothing to read: the declared sides declare no schema.
     */
    public Optional<IntrospectionOptions> forComparisonWith(Collection<Database> declaredSides) {
        Set<String> declared = new LinkedHashSet<>();
        for (Database side : declaredSides) {
            for (Schema schema : side.schemas()) {
                declared.add(schema.name());
                if (schema.renamedFrom() != null) {
                    declared.add(schema.renamedFrom()); // a declared schema rename reads the old one, to rename it
                }
            }
        }
        return forComparisonWithSchemas(declaredSides.isEmpty() ? null : declared);
    }

    /**
     * As {@link #forComparisonWith}, given only the names of the schemas the declared sides hold (and of those they
     * are renamed from); null when there is no declared side.
     */
    public Optional<IntrospectionOptions> forComparisonWithSchemas(Set<String> declared) {
        if (!includeSchemas.isEmpty() || declared == null) {
            return Optional.of(this);
        }
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IntrospectionOptions(declared, excludeSchemas, privileges));
    }

    /**
     * A declared model as these options would read it from a database that holds it: the schemas they include,
     * publications restricted to those schemas, the casts, servers and wrappers introspection of those schemas
     * keeps ({@link dev.schemaguard.model.Cast#selectedBy}, {@link Database#retainForeignDataOf}), and no grants
     * unless privileges are read.
     */
    public Database select(Database declared) {
        Database selected = declared.retainForeignDataOf(this::includes).retainSchemas(schema -> includes(schema.name()))
                .withPublications(declared.publications().stream()
                        .flatMap(p -> p.restrictedTo(this::includes, includeSchemas.isEmpty()).stream()).toList())
                .withCasts(declared.casts().stream()
                        .filter(c -> c.selectedBy(this::includes, includeSchemas.isEmpty())).toList());
        return privileges ? selected : selected.withoutGrants();
    }
}
