package dev.schemaguard.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A PostgreSQL schema (namespace) and the tables in it. */
public record Schema(String name, List<Table> tables, String comment) {

    public Schema {
        Identifiers.requireValid(name, "schema name");
        tables = List.copyOf(tables);
        Set<String> names = new HashSet<>();
        for (Table table : tables) {
            if (!names.add(table.name())) {
                throw new IllegalArgumentException("schema " + name + " declares table " + table.name() + " twice");
            }
        }
    }

    /** Starts the DSL: {@code Schema.named("public").table("orders", t -> ...).build()}. */
    public static SchemaBuilder named(String name) {
        return new SchemaBuilder(name);
    }

    public Optional<Table> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }
}
