package dev.schemaguard.model;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything schemaguard knows about one database: its schemas, extensions, publications, casts, foreign-data wrappers
 * and servers, and — for a database that was introspected — the dependencies between its objects. The root of the
 * model.
 */
public record Database(List<Schema> schemas, List<Extension> extensions, List<Publication> publications,
                       List<Dependency> dependencies, List<Cast> casts, List<ForeignDataWrapper> foreignDataWrappers,
                       List<ForeignServer> foreignServers) {

    public static final Database EMPTY = new Database(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    /** This database with other schemas; everything else kept. */
    public Database withSchemas(List<Schema> newSchemas) {
        return new Database(newSchemas, extensions, publications, dependencies, casts, foreignDataWrappers, foreignServers);
    }

    /** This database with only the schemas {@code keep} accepts; extensions and dependencies kept. */
    public Database retainSchemas(Predicate<Schema> keep) {
        return withSchemas(schemas.stream().filter(keep).toList());
    }

    public Database withExtensions(List<Extension> newExtensions) {
        return new Database(schemas, newExtensions, publications, dependencies, casts, foreignDataWrappers, foreignServers);
    }

    public Database withPublications(List<Publication> newPublications) {
        return new Database(schemas, extensions, newPublications, dependencies, casts, foreignDataWrappers, foreignServers);
    }

    public Database withDependencies(List<Dependency> newDependencies) {
        return new Database(schemas, extensions, publications, newDependencies, casts, foreignDataWrappers, foreignServers);
    }

    public Database withCasts(List<Cast> newCasts) {
        return new Database(schemas, extensions, publications, dependencies, newCasts, foreignDataWrappers, foreignServers);
    }

    public Database withForeignDataWrappers(List<ForeignDataWrapper> newWrappers) {
        return new Database(schemas, extensions, publications, dependencies, casts, newWrappers, foreignServers);
    }

    public Database withForeignServers(List<ForeignServer> newServers) {
        return new Database(schemas, extensions, publications, dependencies, casts, foreignDataWrappers, newServers);
    }

    public Database {
        schemas = List.copyOf(schemas);
        extensions = List.copyOf(extensions);
        publications = List.copyOf(publications);
        dependencies = List.copyOf(dependencies);
        casts = casts == null ? List.of() : List.copyOf(casts);
        for (int i = 0; i < casts.size(); i++) {
            for (int j = i + 1; j < casts.size(); j++) {
                if (casts.get(i).sameTypesAs(casts.get(j))) {
                    throw new IllegalArgumentException("cast " + casts.get(i).sql() + " is declared twice");
                }
            }
        }
        foreignDataWrappers = foreignDataWrappers == null ? List.of() : List.copyOf(foreignDataWrappers);
        foreignServers = foreignServers == null ? List.of() : List.copyOf(foreignServers);
        requireUnique(foreignDataWrappers.stream().map(ForeignDataWrapper::name).toList(), "foreign-data wrapper");
        requireUnique(foreignServers.stream().map(ForeignServer::name).toList(), "server");
        Set<String> names = new HashSet<>();
        for (Schema schema : schemas) {
            if (!names.add(schema.name())) {
                throw new IllegalArgumentException("schema " + schema.name() + " is declared twice");
            }
        }
    }

    /** A database of these schemas, without extensions. */
    public static Database of(Schema... schemas) {
        return of(Arrays.asList(schemas));
    }

    /** A database of these schemas, without extensions. */
    public static Database of(List<Schema> schemas) {
        return new Database(schemas, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static void requireUnique(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException(what + " " + name + " is declared twice");
            }
        }
    }

    /**
     * The wrappers and servers that belong with the schemas {@code selected} accepts: the servers their foreign
     * tables use and those no foreign table of this model uses, and the wrappers of the kept servers and those no
     * server uses. Introspection of some schemas keeps the same ones.
     */
    public Database retainForeignDataOf(Predicate<String> selected) {
        Set<String> used = new HashSet<>();
        Set<String> usedBySelected = new HashSet<>();
        for (Schema schema : schemas) {
            for (Table table : schema.tables()) {
                if (table.isForeign()) {
                    used.add(table.foreign().server());
                    if (selected.test(schema.name())) {
                        usedBySelected.add(table.foreign().server());
                    }
                }
            }
        }
        List<ForeignServer> servers = foreignServers.stream()
                .filter(s -> usedBySelected.contains(s.name()) || !used.contains(s.name())).toList();
        Set<String> wrappersOfAll = new HashSet<>();
        foreignServers.forEach(s -> wrappersOfAll.add(s.wrapper()));
        Set<String> wrappersOfKept = new HashSet<>();
        servers.forEach(s -> wrappersOfKept.add(s.wrapper()));
        return withForeignServers(servers).withForeignDataWrappers(foreignDataWrappers.stream()
                .filter(w -> wrappersOfKept.contains(w.name()) || !wrappersOfAll.contains(w.name())).toList());
    }

    public Optional<ForeignServer> foreignServer(String name) {
        return foreignServers.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Schema> schema(String name) {
        return schemas.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Table> table(QualifiedName name) {
        return schema(name.schema()).flatMap(s -> s.table(name.name()));
    }

    /** The same database without grants: what a comparison that leaves privileges out looks at. */
    public Database withoutGrants() {
        if (schemas.stream().allMatch(s -> s.grants().isEmpty())) {
            return this;
        }
        return withSchemas(schemas.stream().map(s -> s.withGrants(List.of())).toList());
    }

    public int tableCount() {
        return schemas.stream().mapToInt(s -> s.tables().size()).sum();
    }
}
