package dev.schemaguard.sql.convergence;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;

import java.util.function.UnaryOperator;

/** Declarations ({@code renamed_from}) for convergence cases: set on the named object of the expected model. */
final class DeclaredRenameCases {

    private DeclaredRenameCases() {
    }

    static UnaryOperator<Database> schema(String schema, String oldName) {
        return onSchema(schema, s -> s.withRenamedFrom(oldName));
    }

    /** An enum, domain, composite or range type of {@code schema}. */
    static UnaryOperator<Database> type(String schema, String type, String oldName) {
        return onSchema(schema, s -> s
                .withEnums(s.enums().stream().map(e -> e.name().equals(type) ? e.withRenamedFrom(oldName) : e).toList())
                .withDomains(s.domains().stream().map(d -> d.name().equals(type) ? d.withRenamedFrom(oldName) : d).toList())
                .withCompositeTypes(s.compositeTypes().stream()
                        .map(c -> c.name().equals(type) ? c.withRenamedFrom(oldName) : c).toList())
                .withRangeTypes(s.rangeTypes().stream().map(r -> r.name().equals(type) ? r.withRenamedFrom(oldName) : r).toList()));
    }

    static UnaryOperator<Database> column(String schema, String table, String column, String oldName) {
        return onTable(schema, table, t -> t.withColumns(t.columns().stream()
                .map(c -> c.name().equals(column) ? c.withRenamedFrom(oldName) : c).toList()));
    }

    static UnaryOperator<Database> index(String schema, String table, String index, String oldName) {
        return onTable(schema, table, t -> t.withIndexes(t.indexes().stream()
                .map(i -> i.name().equals(index) ? i.withRenamedFrom(oldName) : i).toList()));
    }

    static UnaryOperator<Database> constraint(String schema, String table, String constraint, String oldName) {
        return onTable(schema, table, t -> t
                .withPrimaryKey(t.primaryKey() != null && t.primaryKey().name().equals(constraint)
                        ? t.primaryKey().withRenamedFrom(oldName) : t.primaryKey())
                .withUniqueConstraints(t.uniqueConstraints().stream()
                        .map(u -> u.name().equals(constraint) ? u.withRenamedFrom(oldName) : u).toList())
                .withForeignKeys(t.foreignKeys().stream()
                        .map(f -> f.name().equals(constraint) ? f.withRenamedFrom(oldName) : f).toList())
                .withCheckConstraints(t.checkConstraints().stream()
                        .map(c -> c.name().equals(constraint) ? c.withRenamedFrom(oldName) : c).toList())
                .withExclusionConstraints(t.exclusionConstraints().stream()
                        .map(x -> x.name().equals(constraint) ? x.withRenamedFrom(oldName) : x).toList()));
    }

    private static UnaryOperator<Database> onTable(String schema, String table, UnaryOperator<Table> change) {
        return onSchema(schema, s -> s.withTables(s.tables().stream()
                .map(t -> t.name().equals(table) ? change.apply(t) : t).toList()));
    }

    private static UnaryOperator<Database> onSchema(String schema, UnaryOperator<Schema> change) {
        return database -> {
            if (database.schema(schema).isEmpty()) {
                throw new IllegalArgumentException("the case's new DDL has no schema " + schema);
            }
            return database.withSchemas(database.schemas().stream()
                    .map(s -> s.name().equals(schema) ? change.apply(s) : s).toList());
        };
    }
}
