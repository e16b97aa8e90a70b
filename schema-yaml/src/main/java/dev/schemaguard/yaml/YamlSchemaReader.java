package dev.schemaguard.yaml;

import static dev.schemaguard.yaml.YamlKeys.*;

import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.Cast;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.RangeType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.Publication;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;
import dev.schemaguard.model.View;
import dev.schemaguard.yaml.SchemaObjectReader.Placed;
import dev.schemaguard.yaml.YamlNode.Entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the expected schema from YAML (see docs/yaml-format.md): one file, or a directory whose
 * {@code *.yaml} and {@code *.yml} files (recursively, in path order) are merged. Schemas, extensions, tables
 * and the other objects of a schema come out sorted by name (routines by name, then arguments). Every problem in the YAML is a {@link YamlSchemaException} naming file, line and column.
 */
public final class YamlSchemaReader {

    /** Routines by name, then by argument list: how PostgreSQL lists overloads. */
    private static final Comparator<Routine> ROUTINE_ORDER =
            Comparator.comparing(Routine::name).thenComparing(Routine::arguments);

    /** Where each column was declared, by table as SQL spells it and the column's name as SQL spells it. */
    private final ColumnPositions columnPositions = new ColumnPositions();
    private final Map<String, SchemaParts> schemas = new TreeMap<>();
    private final Map<String, Placed<Extension>> extensions = new TreeMap<>();
    private final Map<String, Placed<Publication>> publications = new TreeMap<>();
    private final List<Placed<Cast>> casts = new ArrayList<>();
    private final Map<String, Placed<dev.schemaguard.model.ForeignDataWrapper>> foreignDataWrappers = new TreeMap<>();
    private final Map<String, Placed<dev.schemaguard.model.ForeignServer>> foreignServers = new TreeMap<>();
    private final ScopeYaml scope = new ScopeYaml();
    private final List<RenamedFromKeys.Site> renamedFromKeys = new ArrayList<>();
    private final ReadMemo memo = new ReadMemo();

    private YamlSchemaReader() {
    }

    /** Reads a YAML file, or every YAML file under a directory. */
    public static Database read(Path fileOrDirectory) throws IOException {
        return readDeclared(fileOrDirectory).database();
    }

    /** As {@link #read(Path)}, with where each object was declared. */
    public static DeclaredSchema readDeclared(Path fileOrDirectory) throws IOException {
        try {
            return readFiles(fileOrDirectory);
        } catch (Utf8Files.NotUtf8Exception e) {
            throw new YamlSchemaException(e.position(), e.getMessage().substring(e.position().toString().length() + 2));
        }
    }

    private static DeclaredSchema readFiles(Path fileOrDirectory) throws IOException {
        YamlSchemaReader reader = new YamlSchemaReader();
        if (Files.isDirectory(fileOrDirectory)) {
            List<Path> files = yamlFiles(fileOrDirectory);
            if (files.isEmpty()) {
                throw new YamlSchemaException(fileOrDirectory.toString(),
                        "no *.yaml or *.yml files in this directory; point at the directory holding the schema files");
            }
            for (Path file : files) {
                reader.readDocument(Utf8Files.read(file), file.toString());
            }
        } else {
            reader.readDocument(Utf8Files.read(fileOrDirectory), fileOrDirectory.toString());
        }
        return new DeclaredSchema(reader.database(), reader.positions(), reader.columnPositions, reader.scope.scope(),
                reader.renamedFromKeys);
    }

    /** Reads YAML text; {@code sourceName} is what error messages call it, e.g. a file name. */
    public static Database readString(String yaml, String sourceName) {
        return readDeclaredString(yaml, sourceName).database();
    }

    /** As {@link #readString}, with where each object was declared and what a comparison leaves out. */
    public static DeclaredSchema readDeclaredString(String yaml, String sourceName) {
        YamlSchemaReader reader = new YamlSchemaReader();
        reader.readDocument(yaml, sourceName);
        return new DeclaredSchema(reader.database(), reader.positions(), reader.columnPositions, reader.scope.scope(),
                reader.renamedFromKeys);
    }

    /** The *.yaml and *.yml files under {@code directory}, in the order they are read. */
    static List<Path> yamlFiles(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(p -> directory.relativize(p).toString().replace('\\', '/')))
                    .toList();
        }
    }

    private void readDocument(String yaml, String source) {
        YamlTreeReader.Document document = YamlTreeReader.read(yaml, source);
        YamlNode root = document.root();
        if (root == null) {
            return;
        }
        if (document.hasRenames()) {
            renamedFromKeys.addAll(RenamedFromKeys.in(root));
        }
        Fields file = Fields.of(root, FILE_KEYS, "the top level of the file");
        scope.read(file);
        YamlNode extensionsNode = file.node(EXTENSIONS);
        if (extensionsNode != null) {
            for (Placed<Extension> extension : SchemaObjectReader.extensions(extensionsNode)) {
                Placed<Extension> earlier = extensions.putIfAbsent(extension.object().name(), extension);
                if (earlier != null) {
                    throw new YamlSchemaException(extension.position(), "extension " + extension.object().name()
                            + " is listed twice: at " + earlier.position() + " and here; keep one");
                }
            }
        }
        YamlNode publicationsNode = file.node(PUBLICATIONS);
        if (publicationsNode != null) {
            for (Placed<Publication> publication : PublicationYaml.read(publicationsNode)) {
                Placed<Publication> earlier = publications.putIfAbsent(publication.object().name(), publication);
                if (earlier != null) {
                    throw new YamlSchemaException(publication.position(), "publication " + publication.object().name()
                            + " is declared twice: at " + earlier.position() + " and here; keep one");
                }
            }
        }
        YamlNode wrappersNode = file.node(FOREIGN_DATA_WRAPPERS);
        if (wrappersNode != null) {
            for (var wrapper : ForeignDataYaml.readWrappers(wrappersNode)) {
                claim(foreignDataWrappers, wrapper.object().name(), wrapper, "foreign-data wrapper");
            }
        }
        YamlNode serversNode = file.node(SERVERS);
        if (serversNode != null) {
            for (var server : ForeignDataYaml.readServers(serversNode)) {
                claim(foreignServers, server.object().name(), server, "server");
            }
        }
        YamlNode castsNode = file.node(CASTS);
        if (castsNode != null) {
            for (Placed<Cast> cast : AggregateYaml.casts(castsNode)) {
                Placed<Cast> earlier = casts.stream().filter(c -> c.object().sameTypesAs(cast.object())).findFirst().orElse(null);
                if (earlier != null) {
                    throw new YamlSchemaException(cast.position(), "cast " + cast.object().sql()
                            + " is declared twice: at " + earlier.position() + " and here; keep one");
                }
                casts.add(cast);
            }
        }
        YamlNode schemasNode = file.node(SCHEMAS);
        if (schemasNode != null) {
            for (Entry schema : Nodes.map(schemasNode, "'schemas' (schema names to schemas)").entries().values()) {
                readSchema(schema);
            }
        }
        boolean hasContent = SCHEMA_CONTENT_KEYS.stream().anyMatch(file::has);
        if (file.has(SCHEMA) && !hasContent) {
            throw file.error(SCHEMA, "'schema' names the schema of this file's tables and other objects, but there are"
                    + " none (no " + String.join(", ", SCHEMA_CONTENT_KEYS) + "); add them or use 'schemas'");
        }
        if (hasContent) {
            String schemaName = file.has(SCHEMA) ? file.requiredText(SCHEMA) : "public";
            Position at = file.has(SCHEMA) ? file.node(SCHEMA).position() : file.position();
            readContent(schema(schemaName, at), file);
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
        String renamedFrom = TableReader.renamedFrom(fields);
        if (renamedFrom != null) {
            if (parts.renamedFrom != null && !parts.renamedFrom.equals(renamedFrom)) {
                throw fields.error(RENAMED_FROM, what + " is declared renamed from " + parts.renamedFrom + " elsewhere"
                        + " and from " + renamedFrom + " here; keep one");
            }
            parts.renamedFrom = renamedFrom;
        }
        readContent(parts, fields);
    }

    /** The tables and other objects of one schema, under the keys of {@link YamlKeys#SCHEMA_CONTENT_KEYS}. */
    private void readContent(SchemaParts parts, Fields fields) {
        String schema = parts.name;
        for (Entry entry : entries(fields, TABLES, "the tables of schema " + schema + " (table names to tables)")) {
            atEntry(entry, () -> {
                parts.claimRelation("table", entry);
                parts.tables.put(entry.key(), TableReader.read(schema, entry, memo));
                noteColumns(schema, entry);
            });
        }
        for (Entry entry : entries(fields, SEQUENCES, "the sequences of schema " + schema + " (sequence names to sequences)")) {
            atEntry(entry, () -> {
                parts.claimRelation("sequence", entry);
                parts.sequences.put(entry.key(), SchemaObjectReader.sequence(schema, entry));
            });
        }
        for (Entry entry : entries(fields, VIEWS, "the views of schema " + schema + " (view names to queries or views)")) {
            atEntry(entry, () -> {
                parts.claimRelation("view", entry);
                parts.views.put(entry.key(), SchemaObjectReader.view(schema, entry));
            });
        }
        for (Entry entry : entries(fields, ENUMS, "the enums of schema " + schema + " (type names to lists of values)")) {
            atEntry(entry, () -> {
                parts.claimType("enum", entry);
                parts.enums.put(entry.key(), SchemaObjectReader.enumType(schema, entry));
            });
        }
        for (Entry entry : entries(fields, DOMAINS, "the domains of schema " + schema + " (domain names to domains)")) {
            atEntry(entry, () -> {
                parts.claimType("domain", entry);
                parts.domains.put(entry.key(), SchemaObjectReader.domain(schema, entry));
            });
        }
        for (Entry entry : entries(fields, COMPOSITE_TYPES, "the composite types of schema " + schema + " (type names to types)")) {
            atEntry(entry, () -> {
                parts.claimType("composite type", entry);
                parts.compositeTypes.put(entry.key(), SchemaObjectReader.compositeType(schema, entry));
            });
        }
        for (Entry entry : entries(fields, RANGE_TYPES, "the range types of schema " + schema + " (type names to subtypes or range types)")) {
            parts.claimType("range type", entry);
            parts.rangeTypes.put(entry.key(), SchemaObjectReader.rangeType(schema, entry));
        }
        for (Entry entry : entries(fields, TEXT_SEARCH_DICTIONARIES, "the text search dictionaries of schema " + schema
                + " (dictionary names to dictionaries)")) {
            atEntry(entry, () -> {
                parts.claimTextSearchDictionary(entry);
                parts.textSearchDictionaries.put(entry.key(), TextSearchYaml.dictionary(schema, entry));
            });
        }
        for (Entry entry : entries(fields, TEXT_SEARCH_CONFIGURATIONS, "the text search configurations of schema " + schema
                + " (configuration names to configurations)")) {
            atEntry(entry, () -> {
                parts.claimTextSearchConfiguration(entry);
                parts.textSearchConfigurations.put(entry.key(), TextSearchYaml.configuration(schema, entry));
            });
        }
        for (Entry entry : entries(fields, COLLATIONS, "the collations of schema " + schema + " (collation names to collations)")) {
            atEntry(entry, () -> {
                parts.claimCollation(entry);
                parts.collations.put(entry.key(), SchemaObjectReader.collation(schema, entry));
            });
        }
        for (Routine.Kind kind : Routine.Kind.values()) {
            String section = SchemaObjectReader.ROUTINE_SECTIONS.get(kind);
            for (Entry entry : entries(fields, section, "the " + section + " of schema " + schema
                    + " (signatures such as add(integer, integer) to CREATE statements)")) {
                Routine routine = readAt(entry, () -> SchemaObjectReader.routine(schema, kind, entry));
                Placed<Routine> earlier = parts.routines.putIfAbsent(routine.signature(), new Placed<>(routine, entry.keyPosition()));
                if (earlier != null) {
                    throw new YamlSchemaException(entry.keyPosition(), routine.kind() + " " + schema + "." + routine.signature()
                            + " is defined twice: at " + earlier.position() + " and here; keep one definition");
                }
            }
        }
        for (Entry entry : entries(fields, AGGREGATES, "the aggregates of schema " + schema
                + " (signatures such as tally(integer) to aggregates)")) {
            Aggregate aggregate = readAt(entry, () -> AggregateYaml.aggregate(schema, entry));
            Placed<Aggregate> earlier = parts.aggregates.putIfAbsent(aggregate.signature(), new Placed<>(aggregate, entry.keyPosition()));
            if (earlier != null || parts.routines.containsKey(aggregate.signature())) {
                throw new YamlSchemaException(entry.keyPosition(), "aggregate " + schema + "." + aggregate.signature()
                        + " is declared twice, or as a function too; keep one definition");
            }
        }
        YamlNode grants = fields.node(GRANTS);
        if (grants != null) {
            for (Placed<Grant> placed : GrantReader.read(schema, grants)) {
                Grant grant = placed.object();
                Placed<Grant> earlier = parts.grants.putIfAbsent(grant.key(), placed);
                if (earlier != null && !earlier.object().equals(grant)) {
                    throw new YamlSchemaException(placed.position(), "schema " + schema + " both grants and revokes "
                            + grant.privilege() + " on " + Grant.objectName(grant.on()) + " for " + grant.grantee()
                            + " (or with and without grant option; also at " + earlier.position() + "); keep one");
                }
            }
        }
    }

    /** Notes where the columns of the table under {@code entry} were declared (read already, so well-formed). */
    private void noteColumns(String schema, Entry entry) {
        if (entry.value() instanceof YamlNode.MapNode table && table.entries().get(COLUMNS) != null
                && table.entries().get(COLUMNS).value() instanceof YamlNode.MapNode columns) {
            columnPositions.add(QualifiedName.of(schema, entry.key()).sql(), columns.entries().values());
        }
    }

    /**
     * Reads one entry; a validation error of the model that escaped the readers (a name longer than PostgreSQL
     * keeps, say) is placed at the entry's key rather than reported without a place.
     */
    private static void atEntry(Entry entry, Runnable read) {
        readAt(entry, () -> {
            read.run();
            return null;
        });
    }

    private static <T> T readAt(Entry entry, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new YamlSchemaException(entry.keyPosition(), "'" + entry.key() + "': " + e.getMessage());
        }
    }

    private static List<Entry> entries(Fields fields, String key, String what) {
        YamlNode node = fields.node(key);
        return node == null ? List.of() : List.copyOf(Nodes.map(node, what).entries().values());
    }

    private SchemaParts schema(String name, Position at) {
        SchemaParts parts = schemas.get(name);
        if (parts == null) {
            try {
                Schema.empty(name);
            } catch (IllegalArgumentException e) {
                throw new YamlSchemaException(at, e.getMessage());
            }
            parts = new SchemaParts(name);
            schemas.put(name, parts);
        }
        return parts;
    }

    /** Where each object was declared, by qualified name as SQL spells it; extensions by their name. */
    private Map<String, Position> positions() {
        Map<String, Position> positions = new HashMap<>();
        extensions.forEach((name, placed) -> positions.put(dev.schemaguard.model.Identifiers.quote(name), placed.position()));
        for (SchemaParts parts : schemas.values()) {
            for (Map<String, Placed<String>> names : List.of(parts.relationNames, parts.typeNames, parts.collationNames)) {
                names.forEach((name, placed) -> positions.put(QualifiedName.of(parts.name, name).sql(), placed.position()));
            }
            parts.routines.values().forEach(placed -> positions.putIfAbsent(
                    QualifiedName.of(parts.name, placed.object().name()).sql(), placed.position()));
        }
        return positions;
    }

    private Database database() {
        checkForeignKeyTargets();
        checkServersDeclared();
        List<Schema> result = new ArrayList<>();
        for (SchemaParts parts : schemas.values()) {
            parts.grants.values().forEach(parts::checkRelationKind);
            List<Routine> routines = parts.routines.values().stream().map(Placed::object)
                    .sorted(ROUTINE_ORDER).toList();
            result.add(new Schema(parts.name, List.copyOf(parts.tables.values()), parts.comment,
                    List.copyOf(parts.sequences.values()), List.copyOf(parts.enums.values()),
                    List.copyOf(parts.domains.values()), List.copyOf(parts.compositeTypes.values()),
                    List.copyOf(parts.rangeTypes.values()),
                    List.copyOf(parts.views.values()), routines, List.copyOf(parts.collations.values()),
                    parts.grants.values().stream().map(Placed::object).sorted(Grant.ORDER).toList(),
                    parts.aggregates.values().stream().map(Placed::object)
                            .sorted(Comparator.comparing(Aggregate::name).thenComparing(Aggregate::arguments)).toList(),
                    List.copyOf(parts.textSearchDictionaries.values()), List.copyOf(parts.textSearchConfigurations.values()),
                    parts.renamedFrom));
        }
        return Database.of(result)
                .withExtensions(extensions.values().stream().map(Placed::object).toList())
                .withPublications(publications.values().stream().map(Placed::object).toList())
                .withCasts(casts.stream().map(Placed::object).toList())
                .withForeignDataWrappers(foreignDataWrappers.values().stream().map(Placed::object).toList())
                .withForeignServers(foreignServers.values().stream().map(Placed::object).toList());
    }

    /**
     * A foreign table's server must be declared (in any file): one that is not would be compared as unexpected and
     * dropped, and the table could not be created.
     */
    private void checkServersDeclared() {
        for (SchemaParts parts : schemas.values()) {
            for (Table table : parts.tables.values()) {
                if (table.isForeign() && !foreignServers.containsKey(table.foreign().server())) {
                    throw new YamlSchemaException(parts.relationNames.get(table.name()).position(), "table "
                            + QualifiedName.of(parts.name, table.name()) + " is a foreign table on server "
                            + table.foreign().server() + ", which no file declares; add it under 'servers:'");
                }
            }
        }
    }

    /** PostgreSQL refuses a foreign key that references a foreign table: an error at the referencing table. */
    private void checkForeignKeyTargets() {
        for (SchemaParts parts : schemas.values()) {
            for (Table table : parts.tables.values()) {
                for (dev.schemaguard.model.ForeignKey foreignKey : table.foreignKeys()) {
                    QualifiedName target = foreignKey.referencedTable();
                    SchemaParts targetParts = schemas.get(target.schema());
                    Table referenced = targetParts == null ? null : targetParts.tables.get(target.name());
                    if (referenced != null && referenced.isForeign()) {
                        throw new YamlSchemaException(parts.relationNames.get(table.name()).position(), "table "
                                + QualifiedName.of(parts.name, table.name()) + ": foreign key " + foreignKey.name()
                                + " references " + target + ", a foreign table, which PostgreSQL does not allow");
                    }
                }
            }
        }
    }

    /** Records a database-wide object under its name; the same name declared twice is an error at the second. */
    private static <T> void claim(Map<String, Placed<T>> declared, String name, Placed<T> object, String kind) {
        Placed<T> earlier = declared.putIfAbsent(name, object);
        if (earlier != null) {
            throw new YamlSchemaException(object.position(), kind + " " + name + " is declared twice: at "
                    + earlier.position() + " and here; keep one");
        }
    }

    /** What the reader has collected for one schema; objects sorted by name, each name claimed where it was written. */
    private static final class SchemaParts {
        final String name;
        final Map<String, Table> tables = new TreeMap<>();
        String renamedFrom;
        final Map<String, Sequence> sequences = new TreeMap<>();
        final Map<String, View> views = new TreeMap<>();
        final Map<String, EnumType> enums = new TreeMap<>();
        final Map<String, Domain> domains = new TreeMap<>();
        final Map<String, CompositeType> compositeTypes = new TreeMap<>();
        final Map<String, RangeType> rangeTypes = new TreeMap<>();
        final Map<String, Placed<Routine>> routines = new TreeMap<>();
        final Map<String, Placed<Aggregate>> aggregates = new TreeMap<>();
        final Map<String, Collation> collations = new TreeMap<>();
        final Map<Grant.Key, Placed<Grant>> grants = new LinkedHashMap<>();
        final Map<String, TextSearchDictionary> textSearchDictionaries = new TreeMap<>();
        final Map<String, TextSearchConfiguration> textSearchConfigurations = new TreeMap<>();
        /** Tables, views and sequences share one namespace in PostgreSQL, as do enums, domains and composite types. */
        private final Map<String, Placed<String>> relationNames = new TreeMap<>();
        private final Map<String, Placed<String>> typeNames = new TreeMap<>();
        private final Map<String, Placed<String>> collationNames = new TreeMap<>();
        private final Map<String, Placed<String>> textSearchDictionaryNames = new TreeMap<>();
        private final Map<String, Placed<String>> textSearchConfigurationNames = new TreeMap<>();
        String comment;
        Position commentPosition;

        SchemaParts(String name) {
            this.name = name;
        }

        /**
         * A grant on a relation this schema declares must name its kind: {@code view v} for a view, not
         * {@code table v}, or the grant would never match what introspection reads.
         */
        void checkRelationKind(Placed<Grant> placed) {
            ObjectRef on = placed.object().on();
            ObjectRef.Kind declared = declaredKind(on.name());
            boolean relation = on.kind() == ObjectRef.Kind.TABLE || on.kind() == ObjectRef.Kind.VIEW
                    || on.kind() == ObjectRef.Kind.MATERIALIZED_VIEW || on.kind() == ObjectRef.Kind.SEQUENCE;
            if (relation && declared != null && declared != on.kind()) {
                String word = declared.name().toLowerCase(Locale.ROOT).replace('_', ' ');
                throw new YamlSchemaException(placed.position(), "a grant of schema " + name + " names "
                        + Grant.kindWord(on) + " " + on.name() + ", but " + on.name() + " is a " + word
                        + " here; write 'object: " + word + " " + dev.schemaguard.model.Identifiers.quote(on.name()) + "'");
            }
        }

        private ObjectRef.Kind declaredKind(String relation) {
            if (tables.containsKey(relation)) {
                return ObjectRef.Kind.TABLE;
            }
            if (sequences.containsKey(relation)) {
                return ObjectRef.Kind.SEQUENCE;
            }
            View view = views.get(relation);
            if (view != null) {
                return view.materialized() ? ObjectRef.Kind.MATERIALIZED_VIEW : ObjectRef.Kind.VIEW;
            }
            return null;
        }

        void claimRelation(String kind, Entry entry) {
            claim(relationNames, kind, entry, "tables, views and sequences share one namespace");
        }

        void claimType(String kind, Entry entry) {
            claim(typeNames, kind, entry, "enums, domains and composite types share one namespace");
        }

        void claimCollation(Entry entry) {
            claim(collationNames, "collation", entry, "collations have a namespace of their own");
        }

        void claimTextSearchDictionary(Entry entry) {
            claim(textSearchDictionaryNames, "text search dictionary", entry, "text search dictionaries have a namespace of their own");
        }

        void claimTextSearchConfiguration(Entry entry) {
            claim(textSearchConfigurationNames, "text search configuration", entry,
                    "text search configurations have a namespace of their own");
        }

        private void claim(Map<String, Placed<String>> names, String kind, Entry entry, String rule) {
            if (entry.key().isEmpty()) {
                throw new YamlSchemaException(entry.keyPosition(), "a " + kind + " name must not be empty");
            }
            String what = kind + " " + QualifiedName.of(name, entry.key());
            Placed<String> earlier = names.putIfAbsent(entry.key(), new Placed<>(kind, entry.keyPosition()));
            if (earlier == null) {
                return;
            }
            if (earlier.object().equals(kind)) {
                throw new YamlSchemaException(entry.keyPosition(), what + " is defined twice: at " + earlier.position()
                        + " and here; keep one definition");
            }
            throw new YamlSchemaException(entry.keyPosition(), what + " has the name of " + earlier.object() + " "
                    + QualifiedName.of(name, entry.key()) + " at " + earlier.position() + "; " + rule + ", so rename one");
        }
    }
}
