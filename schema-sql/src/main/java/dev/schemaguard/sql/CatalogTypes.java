package dev.schemaguard.sql;

import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Identifiers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a type and a collation from a catalog row, the same way for table columns, composite type attributes
 * and domain base types. The row has the columns {@code built_in}, {@code formatted_type},
 * {@code type_schema}, {@code type_name}, {@code is_array}, {@code attndims}, {@code collation_schema} and
 * {@code collation_name} (see {@link CatalogQueries#columns(int, boolean)}).
 */
final class CatalogTypes {

    /** Built-in types by format_type's text: a large schema spells the same few types on every table. */
    private static final int PARSED_LIMIT = 10_000;
    private static final Map<String, DataType> PARSED = new ConcurrentHashMap<>();

    private CatalogTypes() {
    }

    /**
     * Built-in types in format_type's spelling; user-defined ones (enums, domains, composite and extension
     * types, and arrays of them) by schema and name of the element type. attndims is 0 for arrays declared
     * through some paths (CREATE TABLE AS, ALTER TYPE), hence the max.
     */
    static DataType dataType(ResultSet row) throws SQLException {
        int declaredDimensions = row.getInt("attndims");
        if (row.getBoolean("built_in")) {
            DataType parsed = parsed(row.getString("formatted_type"));
            return new DataType(null, parsed.name(), parsed.modifiers(),
                    Math.max(declaredDimensions, parsed.arrayDimensions()));
        }
        int dimensions = Math.max(declaredDimensions, row.getBoolean("is_array") ? 1 : 0);
        return new DataType(row.getString("type_schema"), row.getString("type_name"), List.of(), dimensions);
    }

    private static DataType parsed(String formattedType) {
        DataType type = PARSED.get(formattedType);
        if (type == null) {
            type = DataType.parse(formattedType);
            if (PARSED.size() < PARSED_LIMIT) {
                PARSED.put(formattedType, type);
            }
        }
        return type;
    }

    /** The collation when it differs from the type's own, as SQL; null otherwise. */
    static String collation(ResultSet row) throws SQLException {
        return qualifiedName(row.getString("collation_schema"), row.getString("collation_name"));
    }

    /** An object name as SQL; the schema is left out for objects in pg_catalog. Null when {@code name} is. */
    static String qualifiedName(String schema, String name) {
        if (name == null) {
            return null;
        }
        return schema == null || schema.equals("pg_catalog")
                ? Identifiers.quote(name)
                : Identifiers.quote(schema) + "." + Identifiers.quote(name);
    }
}
