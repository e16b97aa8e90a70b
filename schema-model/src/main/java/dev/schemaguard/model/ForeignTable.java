package dev.schemaguard.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes a {@link Table} a foreign table ({@code CREATE FOREIGN TABLE ... SERVER s OPTIONS (...)}): its
 * server, its options, and the options of its columns by column name ({@code col type OPTIONS (column_name 'x')};
 * a column without options is left out). Columns, checks, defaults, comments, grants, partitions and inheritance
 * are those of the table.
 */
public record ForeignTable(String server, Map<String, String> options, Map<String, Map<String, String>> columnOptions) {

    public ForeignTable {
        Identifiers.requireValid(server, "server of a foreign table");
        options = ForeignOptions.requireValid(options, "a foreign table on server " + server);
        TreeMap<String, Map<String, String>> columns = new TreeMap<>();
        if (columnOptions != null) {
            columnOptions.forEach((column, columnOption) -> {
                Identifiers.requireValid(column, "column name");
                Map<String, String> valid = ForeignOptions.requireValid(columnOption, "column " + column);
                if (!valid.isEmpty()) {
                    columns.put(column, valid);
                }
            });
        }
        columnOptions = Collections.unmodifiableMap(columns);
    }

    public static ForeignTable on(String server) {
        return new ForeignTable(server, Map.of(), Map.of());
    }

    public ForeignTable withOptions(Map<String, String> newOptions) {
        return new ForeignTable(server, newOptions, columnOptions);
    }

    public ForeignTable withColumnOptions(Map<String, Map<String, String>> newColumnOptions) {
        return new ForeignTable(server, options, newColumnOptions);
    }

    /** The options of {@code column}; empty when it has none. */
    public Map<String, String> columnOptions(String column) {
        return columnOptions.getOrDefault(column, Map.of());
    }
}
