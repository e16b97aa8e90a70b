package dev.schemaguard.model;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything schemaguard knows about one database: its schemas and extensions, and — for a database that was
 * introspected — the dependencies between its objects. The root of the model.
 */
public record Database(List<Schema> schemas, List<Extension> extensions, List<Dependency> dependencies) {

    public static final Database EMPTY = new Database(List.of());

    /** A database without extensions. */
    public Database(List<Schema> schemas) {
        this(schemas, List.of(), List.of());
    }

    public Database(List<Schema> schemas, List<Extension> extensions) {
        this(schemas, extensions, List.of());
    }

    public Database withDependencies(List<Dependency> newDependencies) {
        return new Database(schemas, extensions, newDependencies);
    }

    public Database {
        schemas = List.copyOf(schemas);
        extensions = List.copyOf(extensions);
        dependencies = List.copyOf(dependencies);
        Set<String> names = new HashSet<>();
        for (Schema schema : schemas) {
            if (!names.add(schema.name())) {
                throw new IllegalArgumentException("schema " + schema.name() + " is declared twice");
            }
        }
    }

    public static Database of(Schema... schemas) {
        return new Database(Arrays.asList(schemas));
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
        return new Database(schemas.stream().map(s -> s.withGrants(List.of())).toList(), extensions, dependencies);
    }

    public int tableCount() {
        return schemas.stream().mapToInt(s -> s.tables().size()).sum();
    }
}
