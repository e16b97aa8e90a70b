package dev.schemaguard.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code CREATE PUBLICATION name FOR ALL TABLES | FOR TABLE ..., TABLES IN SCHEMA ... WITH (publish = ...,
 * publish_via_partition_root = ...)}: what logical replication sends out. A database-wide object, like an
 * extension. {@code publish} lists the operations sent ({@code insert}, {@code update}, {@code delete},
 * {@code truncate}; all four when the publication does not say). Column lists, row filters and schemas need
 * PostgreSQL 15.
 */
public record Publication(String name, boolean allTables, List<Table> tables, List<String> schemas, List<String> publish,
                          boolean viaPartitionRoot, String comment) {

    public static final List<String> ALL_OPERATIONS = List.of("insert", "update", "delete", "truncate");

    /** One table of the publication, with the columns it sends (empty: all) and a row filter (null: every row). */
    public record Table(QualifiedName table, List<String> columns, String where) {
        public Table {
            columns = List.copyOf(columns);
        }

        public static Table of(QualifiedName table) {
            return new Table(table, List.of(), null);
        }
    }

    public Publication {
        Identifiers.requireValid(name, "publication name");
        tables = List.copyOf(tables);
        schemas = List.copyOf(schemas);
        publish = publish == null ? ALL_OPERATIONS
                : ALL_OPERATIONS.stream().filter(publish::contains).toList();
        if (allTables && (!tables.isEmpty() || !schemas.isEmpty())) {
            throw new IllegalArgumentException("publication " + name + " is FOR ALL TABLES and cannot also list tables or schemas");
        }
        Set<QualifiedName> seen = new HashSet<>();
        for (Table table : tables) {
            if (!seen.add(table.table())) {
                throw new IllegalArgumentException("publication " + name + " lists table " + table.table() + " twice");
            }
        }
        schemas.forEach(schema -> Identifiers.requireValid(schema, "schema of publication " + name));
    }

    /**
     * The publication as far as it concerns the schemas {@code included} accepts: its tables and schemas there, or
     * nothing when it publishes something, but nothing there (and is not FOR ALL TABLES). A publication of nothing
     * at all is kept only when {@code keepEmpty} (the selection is not limited to named schemas).
     */
    public java.util.Optional<Publication> restrictedTo(java.util.function.Predicate<String> included, boolean keepEmpty) {
        List<Table> keptTables = tables.stream().filter(t -> included.test(t.table().schema())).toList();
        List<String> keptSchemas = schemas.stream().filter(included).toList();
        boolean empty = tables.isEmpty() && schemas.isEmpty();
        if (!allTables && keptTables.isEmpty() && keptSchemas.isEmpty() && !(empty && keepEmpty)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Publication(name, allTables, keptTables, keptSchemas, publish, viaPartitionRoot,
                comment));
    }

    public Publication withComment(String newComment) {
        return new Publication(name, allTables, tables, schemas, publish, viaPartitionRoot, newComment);
    }

    public Publication withTables(List<Table> newTables) {
        return new Publication(name, allTables, newTables, schemas, publish, viaPartitionRoot, comment);
    }
}
