package dev.schemaguard.yaml;

import static dev.schemaguard.yaml.YamlKeys.*;

import dev.schemaguard.model.Publication;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.yaml.YamlNode.Entry;
import dev.schemaguard.yaml.SchemaObjectReader.Placed;
import dev.schemaguard.yaml.YamlNode.MapNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level {@code publications:} of a file, read and written:
 * <pre>
 * publications:
 *   realtime:
 *     tables: [products, prices, {table: audit.events, columns: [id, kind], where: "kind &lt;&gt; 'debug'"}]
 *     tables_in_schemas: [reporting]
 *     publish: [insert, update]
 *     via_partition_root: true
 *   everything:
 *     all_tables: true
 * </pre>
 * Table names are as in SQL, unqualified ones in {@code public}.
 */
final class PublicationYaml {

    private PublicationYaml() {
    }

    static List<Placed<Publication>> read(YamlNode node) {
        List<Placed<Publication>> publications = new ArrayList<>();
        for (Entry entry : Nodes.map(node, "'publications' (publication names to publications)").entries().values()) {
            String what = "publication " + entry.key();
            Fields fields = Fields.of(entry.value(), PUBLICATION_KEYS, what);
            List<Publication.Table> tables = new ArrayList<>();
            YamlNode tablesNode = fields.node(TABLES);
            if (tablesNode != null) {
                for (YamlNode item : Nodes.list(tablesNode, "'tables' of " + what)) {
                    tables.add(table(item, what));
                }
            }
            List<String> publish = fields.has(PUBLISH) ? fields.names(PUBLISH) : null;
            if (publish != null) {
                for (String operation : publish) {
                    if (!Publication.ALL_OPERATIONS.contains(operation)) {
                        throw fields.error(PUBLISH, "'" + PUBLISH + "' of " + what + " lists '" + operation
                                + "'; expected some of " + Publication.ALL_OPERATIONS);
                    }
                }
            }
            Publication publication = Nodes.build(entry.keyPosition(), what, () -> new Publication(entry.key(),
                    fields.bool(ALL_TABLES, false), tables, fields.names(TABLES_IN_SCHEMAS), publish,
                    fields.bool(VIA_PARTITION_ROOT, false), fields.text(COMMENT)));
            publications.add(new Placed<>(publication, entry.keyPosition()));
        }
        return publications;
    }

    private static Publication.Table table(YamlNode item, String what) {
        if (!(item instanceof MapNode)) {
            String text = Nodes.requiredText(item, "a table of " + what);
            return Publication.Table.of(name(item, text, what));
        }
        Fields fields = Fields.of(item, PUBLICATION_TABLE_KEYS, "a table of " + what);
        QualifiedName table = name(fields.node(TABLE), fields.requiredText(TABLE), what);
        return Nodes.build(item.position(), "table " + table + " of " + what,
                () -> new Publication.Table(table, fields.names(COLUMNS), SqlText.EXPRESSION.text(fields, WHERE)));
    }

    private static QualifiedName name(YamlNode node, String text, String what) {
        try {
            return SqlWords.parseName(text, "public");
        } catch (IllegalArgumentException e) {
            throw Nodes.error(node, "a table of " + what + ": " + e.getMessage());
        }
    }

    static Map<String, Object> write(List<Publication> publications) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        for (Publication publication : publications.stream().sorted(Comparator.comparing(Publication::name)).toList()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (publication.allTables()) {
                entry.put(ALL_TABLES, true);
            }
            if (!publication.tables().isEmpty()) {
                entry.put(TABLES, publication.tables().stream().map(PublicationYaml::table).toList());
            }
            if (!publication.schemas().isEmpty()) {
                entry.put(TABLES_IN_SCHEMAS, publication.schemas());
            }
            if (!publication.publish().equals(Publication.ALL_OPERATIONS)) {
                entry.put(PUBLISH, publication.publish());
            }
            if (publication.viaPartitionRoot()) {
                entry.put(VIA_PARTITION_ROOT, true);
            }
            if (publication.comment() != null) {
                entry.put(COMMENT, publication.comment());
            }
            yaml.put(publication.name(), entry);
        }
        return yaml;
    }

    private static Object table(Publication.Table table) {
        String name = SqlWords.renderName(table.table(), "public");
        if (table.columns().isEmpty() && table.where() == null) {
            return name;
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(TABLE, name);
        if (!table.columns().isEmpty()) {
            yaml.put(COLUMNS, table.columns());
        }
        if (table.where() != null) {
            yaml.put(WHERE, table.where());
        }
        return yaml;
    }
}
