package dev.schemaguard.sql;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a live PostgreSQL (13 to 17) database into the model with a fixed number of catalog queries (one each
 * for schemas, tables, columns, constraints, indexes and policies), however many tables there are. It only
 * reads, so it works inside a READ ONLY transaction, and it leaves the session's search_path alone. Each query
 * sees its own snapshot under autocommit; for a consistent picture while DDL may run concurrently, call it inside
 * a REPEATABLE READ transaction. Rows of a table that appeared after the tables query are ignored.
 *
 * <p>Spellings: types, defaults and expressions are PostgreSQL's own ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_constraintdef}, {@code pg_get_indexdef}). A column's collation and an index key's operator class
 * are given as SQL: the name quoted where PostgreSQL needs it ({@code "C"}, {@code "en_US"}, {@code ucs_basic}),
 * prefixed with its quoted schema only when it does not live in pg_catalog ({@code public.gin_trgm_ops}).
 */
public final class PostgresIntrospector {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresIntrospector.class);

    private final IntrospectionOptions options;

    public PostgresIntrospector(IntrospectionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Database introspect(Connection connection) throws SQLException {
        int majorVersion = connection.getMetaData().getDatabaseMajorVersion();
        Map<String, String> schemaComments = readSchemas(connection);
        Array schemaNames = connection.createArrayOf("text", schemaComments.keySet().toArray(String[]::new));
        try {
            Map<Long, IntrospectedTable> tables = readTables(connection, schemaNames);
            readColumns(connection, schemaNames, tables);
            readConstraints(connection, schemaNames, majorVersion, tables);
            readIndexes(connection, schemaNames, majorVersion, tables);
            readPolicies(connection, schemaNames, tables);
            return assemble(schemaComments, tables);
        } finally {
            schemaNames.free();
        }
    }

    /** Included schema names, in name order, with their comments. */
    private Map<String, String> readSchemas(Connection connection) throws SQLException {
        Map<String, String> comments = new LinkedHashMap<>();
        query(connection, "schemas", CatalogQueries.SCHEMAS, null, row -> {
            String name = row.getString("nspname");
            if (options.includes(name)) {
                comments.put(name, row.getString("comment"));
            }
        });
        return comments;
    }

    private static Map<Long, IntrospectedTable> readTables(Connection connection, Array schemas) throws SQLException {
        Map<Long, IntrospectedTable> tables = new LinkedHashMap<>();
        query(connection, "tables", CatalogQueries.TABLES, schemas, row -> tables.put(row.getLong("oid"),
                new IntrospectedTable(row.getString("nspname"), row.getString("relname"),
                        new RowSecurity(row.getBoolean("relrowsecurity"), row.getBoolean("relforcerowsecurity")),
                        row.getString("comment"))));
        return tables;
    }

    private static void readColumns(Connection connection, Array schemas, Map<Long, IntrospectedTable> tables)
            throws SQLException {
        query(connection, "columns", CatalogQueries.COLUMNS, schemas,
                row -> withTable(tables, row, "attrelid", (table, r) -> table.columns.add(column(r))));
    }

    private static Column column(ResultSet row) throws SQLException {
        DataType type = columnType(row);
        String defaultExpression = row.getString("default_expression");
        String generatedExpression = null;
        if ("s".equals(row.getString("attgenerated"))) {
            generatedExpression = defaultExpression;
            defaultExpression = null;
        }
        SequenceOptions sequence = ownedSequence(row);
        Identity identity = switch (row.getString("attidentity")) {
            case "a" -> new Identity(Identity.Generation.ALWAYS, normalized(sequence, type));
            case "d" -> new Identity(Identity.Generation.BY_DEFAULT, normalized(sequence, type));
            default -> null;
        };
        if (identity == null && isSerial(row, type, sequence)) {
            type = DataType.parse(serialName(type));
            defaultExpression = null;
        }
        String collation = qualifiedName(row.getString("collation_schema"), row.getString("collation_name"));
        return new Column(row.getString("attname"), type, !row.getBoolean("attnotnull"), defaultExpression,
                identity, generatedExpression, collation, row.getString("comment"));
    }

    /**
     * Built-in types in format_type's spelling; user-defined ones by schema and name of the element type.
     * attndims is 0 for arrays declared through some paths (CREATE TABLE AS, ALTER TYPE), hence the max.
     */
    private static DataType columnType(ResultSet row) throws SQLException {
        int declaredDimensions = row.getInt("attndims");
        if (row.getBoolean("built_in")) {
            DataType parsed = DataType.parse(row.getString("formatted_type"));
            return new DataType(null, parsed.name(), parsed.modifiers(),
                    Math.max(declaredDimensions, parsed.arrayDimensions()));
        }
        int dimensions = Math.max(declaredDimensions, row.getBoolean("is_array") ? 1 : 0);
        return new DataType(row.getString("type_schema"), row.getString("type_name"), List.of(), dimensions);
    }

    /** The options of the sequence the column owns (identity or serial candidate), or null if it owns none. */
    private static SequenceOptions ownedSequence(ResultSet row) throws SQLException {
        if (row.getString("sequence_dependency") == null) {
            return null;
        }
        return new SequenceOptions(row.getLong("seqstart"), row.getLong("seqincrement"), row.getLong("seqmin"),
                row.getLong("seqmax"), row.getLong("seqcache"), row.getBoolean("seqcycle"));
    }

    private static SequenceOptions normalized(SequenceOptions sequence, DataType type) {
        return sequence == null ? SequenceOptions.DEFAULTS : sequence.normalizedFor(type);
    }

    /**
     * serial, bigserial, smallserial: an integer column whose default is nextval() of a sequence owned by
     * exactly this column and created with the defaults CREATE TABLE would use. Anything else keeps its type
     * and its nextval() default, so that no difference is hidden.
     */
    private static boolean isSerial(ResultSet row, DataType type, SequenceOptions sequence) throws SQLException {
        return serialName(type) != null
                && sequence != null
                && "a".equals(row.getString("sequence_dependency"))
                && row.getBoolean("default_uses_sequence")
                && row.getString("attgenerated").isEmpty()
                && sequence.normalizedFor(type).isDefault();
    }

    private static String serialName(DataType type) {
        if (!type.isBuiltIn() || type.isArray()) {
            return null;
        }
        return switch (type.name()) {
            case "integer" -> "serial";
            case "bigint" -> "bigserial";
            case "smallint" -> "smallserial";
            default -> null;
        };
    }

    private static void readConstraints(Connection connection, Array schemas, int majorVersion,
                                        Map<Long, IntrospectedTable> tables) throws SQLException {
        query(connection, "constraints", CatalogQueries.constraints(majorVersion), schemas,
                row -> withTable(tables, row, "conrelid", PostgresIntrospector::addConstraint));
    }

    private static void addConstraint(IntrospectedTable table, ResultSet row) throws SQLException {
        String name = row.getString("conname");
        List<String> columns = strings(row.getArray("columns"));
        boolean deferrable = row.getBoolean("condeferrable");
        boolean initiallyDeferred = row.getBoolean("condeferred");
        String definition = row.getString("definition");
        switch (row.getString("contype")) {
            case "p" -> table.primaryKey = new PrimaryKey(name, columns);
            case "u" -> table.uniqueConstraints.add(new UniqueConstraint(name, columns,
                    row.getBoolean("nulls_not_distinct"), deferrable, initiallyDeferred));
            case "f" -> table.foreignKeys.add(new ForeignKey(name, columns,
                    QualifiedName.of(row.getString("referenced_schema"), row.getString("referenced_table")),
                    strings(row.getArray("referenced_columns")),
                    referentialAction(row.getString("confupdtype"), name),
                    referentialAction(row.getString("confdeltype"), name),
                    "f".equals(row.getString("confmatchtype")) ? ForeignKey.MatchType.FULL : ForeignKey.MatchType.SIMPLE,
                    deferrable, initiallyDeferred));
            case "c" -> table.checkConstraints.add(new CheckConstraint(name,
                    checkExpression(definition, name), row.getBoolean("connoinherit")));
            default -> LOG.debug("Skipping constraint {} on {}.{} ({}): this kind of constraint is not in the model yet",
                    name, table.schema, table.name, definition);
        }
    }

    private static ForeignKey.ReferentialAction referentialAction(String code, String constraint) {
        return switch (code) {
            case "a" -> ForeignKey.ReferentialAction.NO_ACTION;
            case "r" -> ForeignKey.ReferentialAction.RESTRICT;
            case "c" -> ForeignKey.ReferentialAction.CASCADE;
            case "n" -> ForeignKey.ReferentialAction.SET_NULL;
            case "d" -> ForeignKey.ReferentialAction.SET_DEFAULT;
            default -> throw new IllegalStateException("foreign key " + constraint
                    + " has referential action code '" + code + "', which schemaguard does not know");
        };
    }

    private static void readIndexes(Connection connection, Array schemas, int majorVersion,
                                    Map<Long, IntrospectedTable> tables) throws SQLException {
        query(connection, "indexes", CatalogQueries.indexes(majorVersion), schemas,
                row -> withTable(tables, row, "indrelid", PostgresIntrospector::addIndexColumn));
    }

    private static void addIndexColumn(IntrospectedTable table, ResultSet row) throws SQLException {
        IntrospectedTable.IntrospectedIndex index = table.index(
                row.getString("index_name"), row.getBoolean("indisunique"), row.getString("amname"),
                row.getString("predicate"), row.getBoolean("nulls_not_distinct"));
        if (row.getInt("position") > row.getInt("indnkeyatts")) {
            index.include.add(row.getString("attname"));
            return;
        }
        int indexOptions = row.getInt("options");
        boolean descending = (indexOptions & 1) != 0;
        boolean nullsFirst = (indexOptions & 2) != 0;
        String opclass = row.getBoolean("opcdefault")
                ? null : qualifiedName(row.getString("opclass_schema"), row.getString("opcname"));
        index.keys.add(new IndexKey(row.getString("attname"), row.getString("expression"),
                descending, nullsFirst, opclass));
    }

    private static void readPolicies(Connection connection, Array schemas, Map<Long, IntrospectedTable> tables)
            throws SQLException {
        query(connection, "policies", CatalogQueries.POLICIES, schemas,
                row -> withTable(tables, row, "polrelid", (table, r) -> table.policies.add(policy(r))));
    }

    private static Policy policy(ResultSet row) throws SQLException {
        return new Policy(row.getString("polname"), row.getBoolean("polpermissive"), policyCommand(row),
                strings(row.getArray("roles")), row.getString("using_expression"),
                row.getString("with_check_expression"));
    }

    private static Policy.Command policyCommand(ResultSet row) throws SQLException {
        String code = row.getString("polcmd");
        return switch (code) {
            case "*" -> Policy.Command.ALL;
            case "r" -> Policy.Command.SELECT;
            case "a" -> Policy.Command.INSERT;
            case "w" -> Policy.Command.UPDATE;
            case "d" -> Policy.Command.DELETE;
            default -> throw new IllegalStateException("policy " + row.getString("polname")
                    + " has command code '" + code + "', which schemaguard does not know");
        };
    }

    private static Database assemble(Map<String, String> schemaComments, Map<Long, IntrospectedTable> tables) {
        Map<String, List<Table>> tablesBySchema = new LinkedHashMap<>();
        schemaComments.keySet().forEach(name -> tablesBySchema.put(name, new ArrayList<>()));
        for (IntrospectedTable table : tables.values()) {
            tablesBySchema.get(table.schema).add(table.toTable());
        }
        List<Schema> schemas = new ArrayList<>();
        tablesBySchema.forEach((name, schemaTables) -> schemas.add(new Schema(name, schemaTables, schemaComments.get(name))));
        return new Database(schemas);
    }

    /** An object name as SQL; the schema is left out for objects in pg_catalog. Null when {@code name} is. */
    private static String qualifiedName(String schema, String name) {
        if (name == null) {
            return null;
        }
        return schema == null || schema.equals("pg_catalog")
                ? Identifiers.quote(name)
                : Identifiers.quote(schema) + "." + Identifiers.quote(name);
    }

    /**
     * The text inside {@code CHECK (...)} of a pg_get_constraintdef result, which may go on with
     * {@code NO INHERIT} or {@code NOT VALID}.
     */
    static String checkExpression(String definition, String constraint) {
        String prefix = "CHECK (";
        if (definition.startsWith(prefix)) {
            int depth = 1;
            char quote = 0;
            for (int i = prefix.length(); i < definition.length(); i++) {
                char c = definition.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return definition.substring(prefix.length(), i);
                }
            }
        }
        throw new IllegalStateException("check constraint " + constraint + " has the definition '" + definition
                + "', which does not have the form CHECK (expression) that schemaguard expects");
    }

    /** Hands the row to {@code reader} with its table, skipping rows of tables the tables query did not see. */
    private static void withTable(Map<Long, IntrospectedTable> tables, ResultSet row, String oidColumn,
                                  TableRowReader reader) throws SQLException {
        IntrospectedTable table = tables.get(row.getLong(oidColumn));
        if (table == null) {
            LOG.debug("Skipping a catalog row of table oid {}, created after the tables query ran", row.getLong(oidColumn));
            return;
        }
        reader.read(table, row);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    @FunctionalInterface
    private interface TableRowReader {
        void read(IntrospectedTable table, ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs one catalog query and hands every row to {@code reader}. */
    private static void query(Connection connection, String what, String sql, Array schemas, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (schemas != null) {
                statement.setArray(1, schemas);
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    reader.read(row);
                }
            }
        } catch (SQLException e) {
            throw new SQLException("Reading " + what + " from pg_catalog failed: " + e.getMessage()
                    + " (the connected role needs to read pg_catalog; schemaguard supports PostgreSQL 13 to 17)",
                    e.getSQLState(), e);
        }
    }
}
