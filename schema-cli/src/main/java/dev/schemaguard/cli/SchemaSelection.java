package dev.schemaguard.cli;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.sql.IntrospectionOptions;

import java.util.Set;

/**
 * Which schemas a command looks at, and whether privileges count. Without {@code --schema}, a database compared
 * with a declared schema (YAML or .sql) is read only for the schemas declared there; a database on its own or
 * compared with another database is read for all its non-system schemas. {@code --exclude-schema} always
 * applies. Without {@code --privileges}, grants are neither read from databases nor kept from declared schemas.
 */
record SchemaSelection(Set<String> include, Set<String> exclude, boolean privileges) {

    SchemaSelection {
        include = Set.copyOf(include);
        exclude = Set.copyOf(exclude);
    }

    SchemaSelection(Set<String> include, Set<String> exclude) {
        this(include, exclude, false);
    }

    /**
     * What to introspect. {@code declared} is the set of schemas the other side declares, or null when the
     * other side is a database too (or there is none). Returns null when nothing is to be read at all.
     */
    IntrospectionOptions introspection(Set<String> declared) {
        if (!include.isEmpty()) {
            return new IntrospectionOptions(include, exclude, privileges);
        }
        if (declared == null) {
            return new IntrospectionOptions(Set.of(), exclude, privileges);
        }
        if (declared.isEmpty()) {
            return null;
        }
        return new IntrospectionOptions(declared, exclude, privileges);
    }

    /**
     * A declared schema restricted to the selected schemas (and without its grants unless privileges count); casts
     * as introspection keeps them ({@link dev.schemaguard.model.Cast#selectedBy}), and the servers and wrappers
     * introspection of the same schemas keeps.
     */
    Database filter(Database database) {
        Database selected = database.retainForeignDataOf(this::selects).retainSchemas(this::selects)
                .withPublications(database.publications().stream()
                        .flatMap(p -> p.restrictedTo(this::selects, include.isEmpty()).stream()).toList())
                .withCasts(database.casts().stream().filter(c -> c.selectedBy(this::selects, include.isEmpty())).toList());
        return privileges ? selected : selected.withoutGrants();
    }

    private boolean selects(Schema schema) {
        return selects(schema.name());
    }

    private boolean selects(String schema) {
        return (include.isEmpty() || include.contains(schema)) && !exclude.contains(schema);
    }
}
