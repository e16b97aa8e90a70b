package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** DSL for a schema; see {@link Schema#named(String)}. */
public final class SchemaBuilder {

    private final String name;
    private final List<Table> tables = new ArrayList<>();
    private String comment;

    SchemaBuilder(String name) {
        this.name = Identifiers.requireValid(name, "schema name");
    }

    public SchemaBuilder table(String tableName, Consumer<TableBuilder> body) {
        TableBuilder builder = new TableBuilder(name, tableName);
        body.accept(builder);
        tables.add(builder.build());
        return this;
    }

    public SchemaBuilder table(Table table) {
        tables.add(table);
        return this;
    }

    public SchemaBuilder comment(String text) {
        this.comment = text;
        return this;
    }

    public Schema build() {
        return new Schema(name, tables, comment);
    }

    /** A database holding just this schema. */
    public Database toDatabase() {
        return Database.of(build());
    }
}
