package dev.schemaguard.guard;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a piece of migration code requires of the database. Collect requirements, then {@link #check()} reads
 * the database once (only the schemas the requirements name) and reports everything missing in one exception.
 * Unqualified table names resolve to the connection's current schema.
 */
public final class SchemaRequirements {

    private final Connection connection;
    private final Map<String, Required> tables = new LinkedHashMap<>();
    private String checkedBy;
    private String fixHint = SchemaGuards.DEFAULT_FIX_HINT;

    SchemaRequirements(Connection connection) {
        this.connection = connection;
    }

    /** What one table must have; an entry with no columns or indexes only requires the table. */
    private record Required(List<ColumnSpec> columns, List<String> indexes) {
    }

    /** Names the code being guarded, e.g. the migration {@code V3__add_reporting_index}, in messages. */
    public SchemaRequirements forMigration(String name) {
        this.checkedBy = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Replaces the last line of the failure message, which tells a person how to fix the database. */
    public SchemaRequirements fixHint(String hint) {
        this.fixHint = Objects.requireNonNull(hint, "hint");
        return this;
    }

    /** The tables must exist: {@code orders}, {@code app.orders}, {@code "Order Lines"}. */
    public SchemaRequirements requireTables(String... tableNames) {
        for (String table : tableNames) {
            required(table);
        }
        return this;
    }

    /**
     * The table must have these columns, each written as in SQL: {@code id}, {@code id bigint},
     * {@code total numeric(10,2)}. A type, when given, must match; aliases match ({@code int8} is {@code bigint}).
     */
    public SchemaRequirements requireColumns(String table, String... columns) {
        Required required = required(table);
        for (String column : columns) {
            required.columns().add(ColumnSpec.parse(column));
        }
        return this;
    }

    /** The table must have an index of this name (a primary key, unique or exclusion constraint counts too). */
    public SchemaRequirements requireIndex(String table, String index) {
        required(table).indexes().add(Objects.requireNonNull(index, "index"));
        return this;
    }

    /**
     * Reads the database once and throws {@link MissingSchemaException} listing every requirement it does not
     * meet; returns normally when all are met. Changes nothing.
     */
    public void check() throws SQLException {
        List<MissingObject> missing = missing();
        if (!missing.isEmpty()) {
            throw new MissingSchemaException(checkedBy, missing, fixHint);
        }
    }

    /** Every requirement the database does not meet, in declaration order; empty when all are met. */
    public List<MissingObject> missing() throws SQLException {
        String defaultSchema = LiveSchema.currentSchema(connection);
        Map<QualifiedName, Required> resolved = new LinkedHashMap<>();
        tables.forEach((name, required) -> resolved.merge(TableName.parse(name, defaultSchema), required,
                (a, b) -> new Required(concat(a.columns(), b.columns()), concat(a.indexes(), b.indexes()))));
        Set<String> schemas = new LinkedHashSet<>();
        resolved.keySet().forEach(table -> schemas.add(table.schema()));
        Database actual = LiveSchema.read(connection, schemas);

        List<MissingObject> missing = new ArrayList<>();
        resolved.forEach((name, required) -> {
            Optional<Table> table = actual.table(name);
            if (table.isEmpty()) {
                missing.add(new MissingObject.MissingTable(name, required.columns().stream().map(SchemaRequirements::display).toList()));
                return;
            }
            for (ColumnSpec spec : required.columns()) {
                Optional<Column> column = table.get().column(spec.name());
                if (column.isEmpty()) {
                    missing.add(new MissingObject.MissingColumn(name, spec.name(), spec.type()));
                } else if (!spec.accepts(column.get().type())) {
                    missing.add(new MissingObject.WrongColumnType(name, spec.name(), spec.type(), column.get().type()));
                }
            }
            for (String index : required.indexes()) {
                if (table.get().index(index).isEmpty() && table.get().constraint(index).isEmpty()) {
                    missing.add(new MissingObject.MissingIndex(name, index));
                }
            }
        });
        return missing;
    }

    /**
     * A statement to run only when {@code table} exists with all of {@code columns} (names only, no types). When
     * something is missing, {@link ColumnCondition#run} logs a warning naming it and runs nothing.
     */
    public ColumnCondition ifColumnsExist(String table, String... columns) {
        return new ColumnCondition(connection, checkedBy, table, List.of(columns));
    }

    private Required required(String table) {
        TableName.parse(table, "public"); // reject a malformed name where it is written, not at check()
        return tables.computeIfAbsent(table, t -> new Required(new ArrayList<>(), new ArrayList<>()));
    }

    private static String display(ColumnSpec spec) {
        return spec.type() == null ? spec.name() : spec.name() + " " + spec.type().sql();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
