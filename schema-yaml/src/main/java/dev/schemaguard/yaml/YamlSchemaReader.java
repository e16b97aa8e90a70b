package dev.schemaguard.yaml;

import static dev.schemaguard.yaml.YamlKeys.*;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.yaml.YamlNode.Entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the expected schema from YAML (see docs/yaml-format.md): one file, or a directory whose
 * {@code *.yaml} and {@code *.yml} files (recursively, in path order) are merged. Schemas and tables come out
 * sorted by name. Every problem in the YAML is a {@link YamlSchemaException} naming file, line and column.
 */
public final class YamlSchemaReader {

    private final Map<String, SchemaParts> schemas = new TreeMap<>();

    private YamlSchemaReader() {
    }

    /** Reads a YAML file, or every YAML file under a directory. */
    public static Database read(Path fileOrDirectory) throws IOException {
        YamlSchemaReader reader = new YamlSchemaReader();
        if (Files.isDirectory(fileOrDirectory)) {
            List<Path> files = yamlFiles(fileOrDirectory);
            if (files.isEmpty()) {
                throw new YamlSchemaException(fileOrDirectory.toString(),
                        "no *.yaml or *.yml files in this directory; point at the directory holding the schema files");
            }
            for (Path file : files) {
                reader.readDocument(Files.readString(file), file.toString());
            }
        } else {
            reader.readDocument(Files.readString(fileOrDirectory), fileOrDirectory.toString());
        }
        return reader.database();
    }

    /** Reads YAML text; {@code sourceName} is what error messages call it, e.g. a file name. */
    public static Database readString(String yaml, String sourceName) {
        YamlSchemaReader reader = new YamlSchemaReader();
        reader.readDocument(yaml, sourceName);
        return reader.database();
    }

    private static List<Path> yamlFiles(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(p -> directory.relativize(p).toString().replace('\\', '/')))
                    .toList();
        }
    }

    private void readDocument(String yaml, String source) {
        YamlNode root = YamlTreeReader.read(yaml, source);
        if (root == null) {
            return;
        }
        Fields file = Fields.of(root, FILE_KEYS, "the top level of the file");
        YamlNode schemasNode = file.node(SCHEMAS);
        if (schemasNode != null) {
            for (Entry schema : Nodes.map(schemasNode, "'schemas' (schema names to schemas)").entries().values()) {
                readSchema(schema);
            }
        }
        if (file.has(SCHEMA) && !file.has(TABLES)) {
            throw file.error(SCHEMA, "'schema' names the schema of this file's 'tables', but there is no 'tables' key;"
                    + " add tables or use 'schemas'");
        }
        YamlNode tablesNode = file.node(TABLES);
        if (tablesNode != null) {
            String schemaName = file.has(SCHEMA) ? file.requiredText(SCHEMA) : "public";
            Position at = file.has(SCHEMA) ? file.node(SCHEMA).position() : tablesNode.position();
            SchemaParts parts = schema(schemaName, at);
            readTables(parts, tablesNode);
        }
    }

    private void readSchema(Entry entry) {
        String what = "schema " + entry.key();
        SchemaParts parts = schema(entry.key(), entry.keyPosition());
        Fields fields = Fields.of(entry.value(), SCHEMA_KEYS, what);
        String comment = fields.text(COMMENT);
        if (comment != null) {
            Position at = fields.node(COMMENT).position();
            if (parts.comment != null) {
                throw new YamlSchemaException(at, "the comment of " + what + " is given twice (also at "
                        + parts.commentPosition + "); keep one");
            }
            parts.comment = comment;
            parts.commentPosition = at;
        }
        YamlNode tables = fields.node(TABLES);
        if (tables != null) {
            readTables(parts, tables);
        }
    }

    private void readTables(SchemaParts parts, YamlNode tablesNode) {
        for (Entry entry : Nodes.map(tablesNode, "the tables of schema " + parts.name + " (table names to tables)").entries().values()) {
            PlacedTable earlier = parts.tables.get(entry.key());
            if (earlier != null) {
                throw new YamlSchemaException(entry.keyPosition(), "table " + parts.name + "." + entry.key()
                        + " is defined twice: at " + earlier.position + " and here; keep one definition");
            }
            parts.tables.put(entry.key(), new PlacedTable(TableReader.read(parts.name, entry), entry.keyPosition()));
        }
    }

    private SchemaParts schema(String name, Position at) {
        SchemaParts parts = schemas.get(name);
        if (parts == null) {
            try {
                new Schema(name, List.of(), null);
            } catch (IllegalArgumentException e) {
                throw new YamlSchemaException(at, e.getMessage());
            }
            parts = new SchemaParts(name);
            schemas.put(name, parts);
        }
        return parts;
    }

    private Database database() {
        List<Schema> result = new ArrayList<>();
        for (SchemaParts parts : schemas.values()) {
            List<Table> tables = parts.tables.values().stream().map(PlacedTable::table).toList();
            result.add(new Schema(parts.name, tables, parts.comment));
        }
        return new Database(result);
    }

    private static final class SchemaParts {
        final String name;
        final Map<String, PlacedTable> tables = new TreeMap<>();
        String comment;
        Position commentPosition;

        SchemaParts(String name) {
            this.name = name;
        }
    }

    private record PlacedTable(Table table, Position position) {
    }
}
