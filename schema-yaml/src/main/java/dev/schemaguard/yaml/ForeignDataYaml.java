package dev.schemaguard.yaml;

import static dev.schemaguard.yaml.YamlKeys.*;

import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.model.ForeignTable;
import dev.schemaguard.yaml.SchemaObjectReader.Placed;
import dev.schemaguard.yaml.YamlNode.Entry;
import dev.schemaguard.yaml.YamlNode.MapNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The top-level {@code foreign_data_wrappers:} and {@code servers:} of a file and the {@code foreign:} of a
 * table, read and written:
 * <pre>
 * foreign_data_wrappers:
 *   plain_fdw:                              # no handler, no validator
 *   my_pg: {handler: public.postgres_fdw_handler, validator: public.postgres_fdw_validator}
 * servers:
 *   remote:
 *     wrapper: postgres_fdw
 *     type: postgres
 *     version: '16'
 *     options: {host: db.internal, dbname: app}
 * tables:
 *   items:
 *     columns: {id: int, label: text}
 *     foreign:
 *       server: remote
 *       options: {schema_name: public, table_name: items}
 *       column_options: {label: {column_name: title}}
 * </pre>
 * Option names are names, option values text (literals in SQL). User mappings are not part of the format.
 */
final class ForeignDataYaml {

    private ForeignDataYaml() {
    }

    static List<Placed<ForeignDataWrapper>> readWrappers(YamlNode node) {
        List<Placed<ForeignDataWrapper>> wrappers = new ArrayList<>();
        for (Entry entry : Nodes.map(node, "'" + FOREIGN_DATA_WRAPPERS + "' (wrapper names to wrappers)").entries().values()) {
            String what = "foreign-data wrapper " + entry.key();
            Fields fields = Fields.of(entry.value(), FOREIGN_DATA_WRAPPER_KEYS, what);
            Map<String, String> options = options(fields, OPTIONS);
            ForeignDataWrapper wrapper = Nodes.build(entry.keyPosition(), what, () -> new ForeignDataWrapper(entry.key(),
                    fields.text(HANDLER), fields.text(VALIDATOR), options, fields.text(COMMENT)));
            wrappers.add(new Placed<>(wrapper, entry.keyPosition()));
        }
        return wrappers;
    }

    static List<Placed<ForeignServer>> readServers(YamlNode node) {
        List<Placed<ForeignServer>> servers = new ArrayList<>();
        for (Entry entry : Nodes.map(node, "'" + SERVERS + "' (server names to servers)").entries().values()) {
            String what = "server " + entry.key();
            Fields fields = Fields.of(entry.value(), SERVER_KEYS, what);
            String wrapper = fields.requiredText(WRAPPER);
            Map<String, String> options = options(fields, OPTIONS);
            ForeignServer server = Nodes.build(entry.keyPosition(), what, () -> new ForeignServer(entry.key(), wrapper,
                    fields.text(TYPE), fields.text(VERSION), options, fields.text(COMMENT)));
            servers.add(new Placed<>(server, entry.keyPosition()));
        }
        return servers;
    }

    /** A table's {@code foreign:}, or null when it has none. */
    static ForeignTable readTable(Fields table) {
        YamlNode node = table.node(FOREIGN);
        if (node == null) {
            return null;
        }
        String what = "'" + FOREIGN + "' of " + table.what();
        Fields fields = Fields.of(node, FOREIGN_TABLE_KEYS, what);
        String server = fields.requiredText(SERVER);
        Map<String, String> options = options(fields, OPTIONS);
        Map<String, Map<String, String>> columnOptions = new TreeMap<>();
        YamlNode columnsNode = fields.node(COLUMN_OPTIONS);
        if (columnsNode != null) {
            for (Entry column : Nodes.map(columnsNode, "'" + COLUMN_OPTIONS + "' of " + what
                    + " (column names to options)").entries().values()) {
                columnOptions.put(column.key(), options(column.value(), "the options of column " + column.key()));
            }
        }
        return Nodes.build(node.position(), what, () -> new ForeignTable(server, options, columnOptions));
    }

    /** What PostgreSQL refuses on a foreign table, by key, each an error where it is written. */
    private static final Map<String, String> REFUSED_ON_FOREIGN_TABLES = refusedOnForeignTables();

    private static Map<String, String> refusedOnForeignTables() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(PRIMARY_KEY, "a primary key");
        refused.put(UNIQUE, "unique constraints");
        refused.put(FOREIGN_KEYS, "foreign keys");
        refused.put(INDEXES, "indexes");
        refused.put(EXCLUDE, "exclusion constraints");
        refused.put(ROW_LEVEL_SECURITY, "row-level security");
        refused.put(POLICIES, "policies");
        refused.put(PARTITION_BY, "being partitioned (it can be a partition)");
        refused.put(UNLOGGED, "UNLOGGED");
        refused.put(STORAGE_PARAMETERS, "storage parameters");
        refused.put(REPLICA_IDENTITY, "a replica identity");
        return Map.copyOf(refused);
    }

    /**
     * A table with {@code foreign:} and a key PostgreSQL refuses on a foreign table: an error at that key (what
     * columns declare, such as {@code primary key}, the model refuses at the table).
     */
    static void refuseOnForeignTable(Fields table) {
        if (!table.has(FOREIGN)) {
            return;
        }
        for (Map.Entry<String, String> refused : REFUSED_ON_FOREIGN_TABLES.entrySet()) {
            if (table.has(refused.getKey()) && !(UNLOGGED.equals(refused.getKey()) && !table.bool(UNLOGGED, false))) {
                throw table.error(refused.getKey(), table.what() + " is a foreign table ('" + FOREIGN + "'), which"
                        + " PostgreSQL does not allow " + refused.getValue() + "; remove '" + refused.getKey() + "'");
            }
        }
    }

    private static Map<String, String> options(Fields fields, String key) {
        YamlNode node = fields.node(key);
        return node == null ? Map.of() : options(node, "'" + key + "' of " + fields.what());
    }

    /** {@code {name: value, ...}}: each value text (a number or flag is taken as written), never a list or map. */
    private static Map<String, String> options(YamlNode node, String what) {
        if (!(node instanceof MapNode map)) {
            throw Nodes.error(node, what + " must be a map of option names to values, e.g. {host: db.internal}");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (Entry entry : map.entries().values()) {
            String value = Nodes.text(entry.value(), "option " + entry.key() + " in " + what);
            if (value == null) {
                throw Nodes.error(entry.value(), "option " + entry.key() + " in " + what + " has no value; write '' for"
                        + " an empty one");
            }
            try {
                dev.schemaguard.model.ForeignOptions.requireValid(Map.of(entry.key(), value), what);
            } catch (IllegalArgumentException e) {
                throw new YamlSchemaException(entry.keyPosition(), e.getMessage());
            }
            options.put(entry.key(), value);
        }
        return options;
    }

    static Map<String, Object> writeWrappers(List<ForeignDataWrapper> wrappers) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        for (ForeignDataWrapper wrapper : wrappers.stream().sorted(Comparator.comparing(ForeignDataWrapper::name)).toList()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            putIfPresent(entry, HANDLER, wrapper.handler());
            putIfPresent(entry, VALIDATOR, wrapper.validator());
            if (!wrapper.options().isEmpty()) {
                entry.put(OPTIONS, new LinkedHashMap<>(wrapper.options()));
            }
            putIfPresent(entry, COMMENT, wrapper.comment());
            yaml.put(wrapper.name(), entry);
        }
        return yaml;
    }

    static Map<String, Object> writeServers(List<ForeignServer> servers) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        for (ForeignServer server : servers.stream().sorted(Comparator.comparing(ForeignServer::name)).toList()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(WRAPPER, server.wrapper());
            putIfPresent(entry, TYPE, server.type());
            putIfPresent(entry, VERSION, server.version());
            if (!server.options().isEmpty()) {
                entry.put(OPTIONS, new LinkedHashMap<>(server.options()));
            }
            putIfPresent(entry, COMMENT, server.comment());
            yaml.put(server.name(), entry);
        }
        return yaml;
    }

    static Map<String, Object> writeTable(ForeignTable foreign) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(SERVER, foreign.server());
        if (!foreign.options().isEmpty()) {
            yaml.put(OPTIONS, new LinkedHashMap<>(foreign.options()));
        }
        if (!foreign.columnOptions().isEmpty()) {
            Map<String, Object> columns = new LinkedHashMap<>();
            foreign.columnOptions().forEach((column, options) -> columns.put(column, new LinkedHashMap<>(options)));
            yaml.put(COLUMN_OPTIONS, columns);
        }
        return yaml;
    }

    private static void putIfPresent(Map<String, Object> yaml, String key, String value) {
        if (value != null) {
            yaml.put(key, value);
        }
    }
}
