package dev.schemaguard.sql;

import dev.schemaguard.diff.ForeignData;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.model.ForeignTable;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * DDL for foreign-data wrappers, servers and foreign tables. Option names are written as identifiers and values
 * as literals; nothing from the model reaches SQL otherwise. A foreign table's column options are set after
 * CREATE FOREIGN TABLE ({@link #alterColumnOptions}), the one way that works for partitions too, whose columns
 * come from their parent.
 */
final class DdlForeignData {

    private DdlForeignData() {
    }

    static String createWrapper(ForeignDataWrapper wrapper) {
        StringBuilder sql = new StringBuilder("CREATE FOREIGN DATA WRAPPER ").append(Identifiers.quote(wrapper.name()));
        if (wrapper.handler() != null) {
            sql.append(" HANDLER ").append(Identifiers.qualifiedSql(wrapper.handler()));
        }
        if (wrapper.validator() != null) {
            sql.append(" VALIDATOR ").append(Identifiers.qualifiedSql(wrapper.validator()));
        }
        return sql.append(options(wrapper.options())).toString();
    }

    /** ALTER FOREIGN DATA WRAPPER for what differs but the comment; null when only the comment does. */
    static String alterWrapper(ForeignDataWrapper want, ForeignDataWrapper have) {
        List<String> actions = new ArrayList<>();
        if (!ForeignData.sameFunction(want.handler(), have.handler())) {
            actions.add(want.handler() == null ? "NO HANDLER" : "HANDLER " + Identifiers.qualifiedSql(want.handler()));
        }
        if (!ForeignData.sameFunction(want.validator(), have.validator())) {
            actions.add(want.validator() == null ? "NO VALIDATOR" : "VALIDATOR " + Identifiers.qualifiedSql(want.validator()));
        }
        String options = optionChanges(want.options(), have.options());
        if (!options.isEmpty()) {
            actions.add(options);
        }
        return actions.isEmpty() ? null
                : "ALTER FOREIGN DATA WRAPPER " + Identifiers.quote(want.name()) + " " + String.join(" ", actions);
    }

    static String dropWrapper(ForeignDataWrapper wrapper) {
        return "DROP FOREIGN DATA WRAPPER " + Identifiers.quote(wrapper.name());
    }

    static String commentOnWrapper(ForeignDataWrapper wrapper) {
        return "COMMENT ON FOREIGN DATA WRAPPER " + Identifiers.quote(wrapper.name()) + " IS " + literalOrNull(wrapper.comment());
    }

    static String createServer(ForeignServer server) {
        StringBuilder sql = new StringBuilder("CREATE SERVER ").append(Identifiers.quote(server.name()));
        if (server.type() != null) {
            sql.append(" TYPE ").append(Identifiers.literal(server.type()));
        }
        if (server.version() != null) {
            sql.append(" VERSION ").append(Identifiers.literal(server.version()));
        }
        sql.append(" FOREIGN DATA WRAPPER ").append(Identifiers.quote(server.wrapper()));
        return sql.append(options(server.options())).toString();
    }

    /** ALTER SERVER for another version or options; null when neither differs. Wrapper and type cannot change. */
    static String alterServer(ForeignServer want, ForeignServer have) {
        List<String> actions = new ArrayList<>();
        if (!Objects.equals(want.version(), have.version())) {
            actions.add("VERSION " + literalOrNull(want.version()));
        }
        String options = optionChanges(want.options(), have.options());
        if (!options.isEmpty()) {
            actions.add(options);
        }
        return actions.isEmpty() ? null : "ALTER SERVER " + Identifiers.quote(want.name()) + " " + String.join(" ", actions);
    }

    static String dropServer(ForeignServer server) {
        return "DROP SERVER " + Identifiers.quote(server.name());
    }

    static String commentOnServer(ForeignServer server) {
        return "COMMENT ON SERVER " + Identifiers.quote(server.name()) + " IS " + literalOrNull(server.comment());
    }

    /**
     * CREATE FOREIGN TABLE with columns (without their options), CHECK constraints, {@code INHERITS} or
     * {@code PARTITION OF parent bound}, the server and the table's options.
     */
    static String createForeignTable(QualifiedName name, Table table) {
        ForeignTable foreign = table.foreign();
        List<String> elements = new ArrayList<>();
        if (table.partitionOf() == null) {
            table.columns().forEach(column -> elements.add(DdlRenderer.columnDefinition(column)));
        } else {
            table.columns().forEach(column -> elements.add(DdlRenderer.partitionColumnOptions(column)));
        }
        List<Constraint> separate = DdlRenderer.constraintsAddedAfterCreate(table);
        for (Constraint constraint : table.checkConstraints()) {
            if (!separate.contains(constraint)) {
                elements.add(DdlRenderer.constraintDefinition(constraint));
            }
        }
        String list = elements.isEmpty() ? "" : " (\n    " + String.join(",\n    ", elements) + "\n)";
        String server = " SERVER " + Identifiers.quote(foreign.server()) + options(foreign.options());
        String create = "CREATE FOREIGN TABLE " + name.sql();
        if (table.partitionOf() != null) {
            return create + " PARTITION OF " + table.partitionOf().parent().sql() + list + " "
                    + table.partitionOf().bound() + server;
        }
        String inherits = table.inherits().isEmpty() ? ""
                : " INHERITS (" + table.inherits().stream().map(QualifiedName::sql).collect(Collectors.joining(", ")) + ")";
        return create + (list.isEmpty() ? " ()" : list) + inherits + server;
    }

    /** ALTER FOREIGN TABLE ... OPTIONS (ADD | SET | DROP ...); null when the options are the same. */
    static String alterTableOptions(QualifiedName table, Map<String, String> want, Map<String, String> have) {
        String changes = optionChanges(want, have);
        return changes.isEmpty() ? null : "ALTER FOREIGN TABLE " + table.sql() + " " + changes;
    }

    /**
     * ALTER FOREIGN TABLE ... ALTER COLUMN c OPTIONS (...), ... for the columns in {@code columns} whose options
     * differ; null when none does.
     */
    static String alterColumnOptions(QualifiedName table, ForeignTable want, ForeignTable have, List<String> columns) {
        List<String> actions = new ArrayList<>();
        for (String column : columns) {
            String changes = optionChanges(want.columnOptions(column), have == null ? Map.of() : have.columnOptions(column));
            if (!changes.isEmpty()) {
                actions.add("ALTER COLUMN " + Identifiers.quote(column) + " " + changes);
            }
        }
        return actions.isEmpty() ? null : "ALTER FOREIGN TABLE " + table.sql() + " " + String.join(", ", actions);
    }

    static String dropForeignTable(QualifiedName table) {
        return "DROP FOREIGN TABLE " + table.sql();
    }

    static String commentOnForeignTable(QualifiedName table, String comment) {
        return "COMMENT ON FOREIGN TABLE " + table.sql() + " IS " + literalOrNull(comment);
    }

    /** {@code OPTIONS (name 'value', ...)} for CREATE, or nothing for no options. */
    static String options(Map<String, String> options) {
        if (options.isEmpty()) {
            return "";
        }
        return " OPTIONS (" + options.entrySet().stream()
                .map(e -> Identifiers.quote(e.getKey()) + " " + Identifiers.literal(e.getValue()))
                .collect(Collectors.joining(", ")) + ")";
    }

    /** {@code OPTIONS (DROP a, SET b 'x', ADD c 'y')} turning {@code have} into {@code want}; empty when equal. */
    static String optionChanges(Map<String, String> want, Map<String, String> have) {
        List<String> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(want.keySet());
        names.addAll(have.keySet());
        for (String name : names) {
            String wanted = want.get(name);
            String had = have.get(name);
            if (wanted == null) {
                changes.add("DROP " + Identifiers.quote(name));
            } else if (had == null) {
                changes.add("ADD " + Identifiers.quote(name) + " " + Identifiers.literal(wanted));
            } else if (!wanted.equals(had)) {
                changes.add("SET " + Identifiers.quote(name) + " " + Identifiers.literal(wanted));
            }
        }
        return changes.isEmpty() ? "" : "OPTIONS (" + String.join(", ", changes) + ")";
    }

    private static String literalOrNull(String text) {
        return text == null ? "NULL" : Identifiers.literal(text);
    }
}
