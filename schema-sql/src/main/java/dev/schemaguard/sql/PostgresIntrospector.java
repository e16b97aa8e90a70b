package dev.schemaguard.sql;

import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.Cast;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Dependency;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Partitioning;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.Privilege;
import dev.schemaguard.model.Publication;
import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.ForeignOptions;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.model.ForeignTable;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RangeType;
import dev.schemaguard.model.ReplicaIdentity;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.UniqueConstraint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Objects;

/**
 * Reads a live PostgreSQL (13 to 17) database into the model with a fixed number of catalog queries (schemas
 * with their collations, extensions, relations, columns, constraints, indexes, policies, triggers, types,
 * routines, text search dictionaries and configurations, and one for what the model cannot describe yet), however many objects there are. It only reads, so it works inside a READ
 * ONLY transaction, and it leaves the session's search_path alone. Each query sees its own snapshot under
 * autocommit; for a consistent picture while DDL may run concurrently, call it inside a REPEATABLE READ
 * transaction. Rows of a relation that appeared after the relations query are ignored.
 *
 * <p>What it reads: tables (with partitioning, partitions and their bounds, the tables they inherit from,
 * exclusion constraints, triggers, whether they are unlogged), views (with their triggers) and materialized views (with their indexes), standalone
 * sequences, enums, domains, composite types, functions, procedures and aggregates, collations, casts, text search
 * dictionaries and configurations, extensions (all but plpgsql,
 * wherever they live: an extension is database-wide), and comments on all of them, plus the dependencies between
 * them from {@code pg_depend} ({@link DependencyIntrospector}), which the planner uses to drop and re-create
 * dependents. Objects an extension owns are left out. With {@link IntrospectionOptions#privileges()}, the grants on
 * schemas, relations, columns, types and routines that differ from PostgreSQL's defaults too (see {@link Grant});
 * without, privileges are neither read nor reported. Anything else found in the included schemas or the database
 * (window functions, operators, rules of views, user mappings, ...) is named in {@link IntrospectionResult#unsupported()};
 * {@link #introspect(Connection)} logs those lines as warnings.
 *
 * <p>Spellings: types, defaults and expressions are PostgreSQL's own ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_constraintdef}, {@code pg_get_indexdef}, {@code pg_get_triggerdef}, {@code pg_get_functiondef}).
 * View queries are {@code pg_get_viewdef(view, true)} (pretty) without the trailing semicolon. A column's
 * collation and an index key's operator class are given as SQL: the name quoted where PostgreSQL needs it
 * ({@code "C"}, {@code "en_US"}, {@code ucs_basic}), prefixed with its quoted schema only when it does not live
 * in pg_catalog ({@code public.gin_trgm_ops}).
 */
public final class PostgresIntrospector {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresIntrospector.class);

    private final IntrospectionOptions options;

    public PostgresIntrospector(IntrospectionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The database's model; objects it cannot describe yet are logged as warnings, one per object. */
    public Database introspect(Connection connection) throws SQLException {
        IntrospectionResult result = introspectWithReport(connection);
        result.unsupported().forEach(line -> LOG.warn("Introspection left out {}", line));
        return result.database();
    }

    /**
     * The same, read on up to {@code connections} connections at once (see
     * {@link #introspectWithReport(ConnectionSource, int)}).
     */
    public Database introspect(ConnectionSource source, int connections) throws SQLException {
        IntrospectionResult result = introspectWithReport(source, connections);
        result.unsupported().forEach(line -> LOG.warn("Introspection left out {}", line));
        return result.database();
    }

    /**
     * The database's model and the list of objects it left out because the model cannot describe them yet. A
     * connection in auto-commit mode is read in a REPEATABLE READ READ ONLY transaction of its own, so all catalog
     * queries see one snapshot, and is handed back in auto-commit mode; a connection already in a transaction is
     * read in that transaction ({@link ReadTransaction}).
     */
    public IntrospectionResult introspectWithReport(Connection connection) throws SQLException {
        CatalogReads reads = (what, sql, parameter, reader) -> query(connection, what, sql, parameter, reader);
        IntrospectedDatabase db = new IntrospectedDatabase();
        return ReadTransaction.run(connection, () -> readSchemasAndRelations(connection, db,
                (schemaNames, relations, majorVersion) -> readAll(reads, schemaNames, relations, majorVersion, db)));
    }

    /**
     * The same as {@link #introspectWithReport(Connection)}, read on up to {@code connections} connections from
     * {@code source} at once: the catalog queries after the schemas and relations run concurrently, in
     * REPEATABLE READ READ ONLY transactions that share one snapshot (as {@code pg_dump -j} does), so the result
     * is that of one sequential read at one instant, whatever order the queries finish in. The connections are
     * closed afterwards. Worth it only when the server has idle cores (benchmarks/README.md).
     */
    public IntrospectionResult introspectWithReport(ConnectionSource source, int connections) throws SQLException {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, was " + connections);
        }
        try (ParallelCatalogReads parallel = ParallelCatalogReads.open(source, connections)) {
            IntrospectedDatabase db = new IntrospectedDatabase();
            return readSchemasAndRelations(parallel.leader(), db, (schemaNames, relations, majorVersion) -> {
                List<ParallelCatalogReads.Read> planned = new ArrayList<>();
                readAll((what, sql, parameter, reader) -> planned.add(ParallelCatalogReads.Read.of(what, sql, parameter)),
                        schemaNames, relations, majorVersion, new IntrospectedDatabase());
                return readAll(parallel.start(planned), schemaNames, relations, majorVersion, db);
            });
        }
    }

    @FunctionalInterface
    private interface RemainingReads {
        IntrospectionResult read(Array schemaNames, Array relations, int majorVersion) throws SQLException;
    }

    /**
     * Reads the schemas and then the relations on {@code connection}, which every later query depends on (the
     * schema names and the relation oids are their parameters), and hands both parameters to {@code remaining}.
     */
    private IntrospectionResult readSchemasAndRelations(Connection connection, IntrospectedDatabase db,
                                                        RemainingReads remaining) throws SQLException {
        int majorVersion = connection.getMetaData().getDatabaseMajorVersion();
        CatalogReads reads = (what, sql, parameter, reader) -> query(connection, what, sql, parameter, reader);
        readSchemas(reads, majorVersion, db);
        Array schemaNames = connection.createArrayOf("text", db.schemaComments.keySet().toArray(String[]::new));
        Array relations = null;
        try {
            readRelations(reads, schemaNames, db);
            relations = connection.createArrayOf("int8", db.relationOids.toArray(Long[]::new));
            return remaining.read(schemaNames, relations, majorVersion);
        } finally {
            schemaNames.free();
            if (relations != null) {
                relations.free();
            }
        }
    }

    /**
     * Everything after the schemas and relations, in an order where each read finds what it refers to.
     * {@code relations} are the oids the relations query returned.
     */
    private IntrospectionResult readAll(CatalogReads reads, Array schemaNames, Array relations, int majorVersion,
                                        IntrospectedDatabase db) throws SQLException {
        readExtensions(reads, db);
        readPublications(reads, majorVersion, db);
        readForeignData(reads, db);
        readColumns(reads, relations, majorVersion, db);
        readConstraints(reads, relations, majorVersion, db);
        readIndexes(reads, relations, majorVersion, db);
        readPolicies(reads, relations, db);
        readTriggersAndRules(reads, relations, db);
        readTypes(reads, schemaNames, majorVersion, db);
        readRoutines(reads, schemaNames, db);
        readCasts(reads, db);
        readTextSearch(reads, schemaNames, db);
        reads.query("objects schemaguard does not support yet", CatalogQueries.unsupported(options.privileges()),
                schemaNames, row -> {
                    if ("user mapping".equals(row.getString("kind"))) {
                        db.notModelled(row.getString("kind"), row.getString("object"));
                    } else {
                        db.unsupported(row.getString("kind"), row.getString("object"));
                    }
                });
        List<Dependency> dependencies = new DependencyIntrospector(options).read(reads, db.shared);
        IntrospectionResult result = db.toResult();
        return new IntrospectionResult(result.database().withDependencies(dependencies), result.unsupported());
    }

    /** Included schema names, in name order, with their comments, grants and collations. */
    private void readSchemas(CatalogReads reads, int majorVersion, IntrospectedDatabase db) throws SQLException {
        reads.query("schemas and collations", CatalogQueries.schemas(majorVersion, options.privileges()), null, row -> {
            String name = row.getString("nspname");
            if (!options.includes(name)) {
                return;
            }
            if (!db.schemaComments.containsKey(name)) { // the schema's first row: each collation repeats the rest
                db.schemaComments.put(name, row.getString("comment"));
                addGrants(db, new ObjectRef(ObjectRef.Kind.SCHEMA, null, name, null), row.getArray("grants"));
            }
            if (row.getString("collname") != null) {
                db.collations.add(new IntrospectedDatabase.SchemaMember<>(name, collation(row, name, db)));
            }
        });
    }

    /** A collation; ICU tailoring rules (PostgreSQL 16 and later) are not in the model and are reported. */
    private static Collation collation(ResultSet row, String schema, IntrospectedDatabase db) throws SQLException {
        String name = row.getString("collname");
        Collation.Provider provider = switch (row.getString("collprovider")) {
            case "c" -> Collation.Provider.LIBC;
            case "i" -> Collation.Provider.ICU;
            case "b" -> Collation.Provider.BUILTIN;
            default -> throw new IllegalStateException("collation " + schema + "." + name + " has provider code '"
                    + row.getString("collprovider") + "', which schemaguard does not know");
        };
        if (row.getString("icu_rules") != null) {
            db.unsupported("ICU rules on collation", QualifiedName.of(schema, name).sql() + " (" + row.getString("icu_rules") + ")");
        }
        return new Collation(name, provider, row.getString("collation_locale"), row.getString("lc_collate"),
                row.getString("lc_ctype"), row.getBoolean("collisdeterministic"), row.getString("collation_comment"));
    }

    private static void readExtensions(CatalogReads reads, IntrospectedDatabase db) throws SQLException {
        reads.query("extensions", CatalogQueries.EXTENSIONS, null, row -> db.extensions.add(
                new Extension(row.getString("extname"), row.getString("nspname"), row.getString("extversion"))));
    }

    /**
     * Publications, with their members in the included schemas; one that publishes something, but nothing there
     * (and is not FOR ALL TABLES) is left out, so a check of some schemas never sees another team's publication.
     * A publication of nothing is read unless the read is limited to named schemas.
     */
    private void readPublications(CatalogReads reads, int majorVersion, IntrospectedDatabase db) throws SQLException {
        Map<String, Publication> publications = new LinkedHashMap<>();
        Set<String> touchingIncluded = new HashSet<>();
        reads.query("publications", CatalogQueries.publications(majorVersion), null, row -> {
            String name = row.getString("pubname");
            List<String> operations = new ArrayList<>();
            for (String operation : Publication.ALL_OPERATIONS) {
                if (row.getBoolean("pub" + operation)) {
                    operations.add(operation);
                }
            }
            List<String> schemas = strings(row.getArray("schemas")).stream().filter(options::includes).toList();
            Publication publication = publications.computeIfAbsent(name, n -> new Publication(n, false, List.of(),
                    List.of(), List.of(), false, null));
            try {
                publication = new Publication(name, row.getBoolean("puballtables"), publication.tables(), schemas,
                        operations, row.getBoolean("pubviaroot"), row.getString("comment"));
            } catch (IllegalArgumentException e) {
                db.unsupported("publication", Identifiers.quote(name) + " (" + e.getMessage() + ")");
                return;
            }
            if (publication.allTables() || !schemas.isEmpty()) {
                touchingIncluded.add(name);
            }
            String tableSchema = row.getString("table_schema");
            if (tableSchema != null && options.includes(tableSchema)) {
                List<Publication.Table> tables = new ArrayList<>(publication.tables());
                List<String> columns = strings(row.getArray("columns"));
                tables.add(new Publication.Table(QualifiedName.of(tableSchema, row.getString("table_name")), columns,
                        row.getString("row_filter")));
                publication = publication.withTables(tables);
                touchingIncluded.add(name);
            }
            publications.put(name, publication);
        });
        publications.values().stream()
                .filter(p -> touchingIncluded.contains(p.name())
                        || (options.includeSchemas().isEmpty() && p.tables().isEmpty() && p.schemas().isEmpty()))
                .forEach(db.publications::add);
    }

    /**
     * Casts a read of the included schemas takes in: those whose source or target type or function lives in an
     * included schema, and, when every schema is read, those between built-in types as well ({@link Cast#selectedBy}).
     */
    private void readCasts(CatalogReads reads, IntrospectedDatabase db) throws SQLException {
        reads.query("casts", CatalogQueries.casts(), null, row -> {
            Cast cast = CatalogAggregates.cast(row);
            if (cast.selectedBy(options::includes, options.includeSchemas().isEmpty())) {
                db.casts.add(cast);
            }
        });
    }

    /**
     * Foreign-data wrappers (those no extension owns) and servers; which of them the model keeps when only some
     * schemas are read is decided once the tables are known ({@link IntrospectedDatabase#schemasSelected}).
     */
    private void readForeignData(CatalogReads reads, IntrospectedDatabase db) throws SQLException {
        db.schemasSelected = !options.includeSchemas().isEmpty() || !options.excludeSchemas().isEmpty();
        reads.query("foreign-data wrappers and servers", CatalogQueries.FOREIGN_DATA, null, row -> {
            Map<String, String> options = ForeignOptions.fromCatalog(strings(row.getArray("options")));
            String name = row.getString("name");
            if (!row.getBoolean("in_use")) {
                db.unusedForeignData.add(row.getString("kind") + " " + name);
            }
            if ("wrapper".equals(row.getString("kind"))) {
                db.foreignDataWrappers.add(new ForeignDataWrapper(name, row.getString("handler"),
                        row.getString("validator"), options, row.getString("comment")));
            } else {
                db.foreignServers.add(new ForeignServer(name, row.getString("wrapper"), row.getString("server_type"),
                        row.getString("server_version"), options, row.getString("comment")));
            }
        });
    }

    private void readRelations(CatalogReads reads, Array schemas, IntrospectedDatabase db) throws SQLException {
        reads.query("tables, views and sequences", CatalogQueries.relations(options.privileges()), schemas, row -> {
            long oid = row.getLong("oid");
            db.relationOids.add(oid);
            String schema = row.getString("nspname");
            String name = row.getString("relname");
            String comment = row.getString("comment");
            addGrants(db, ObjectRef.of(relationKind(row.getString("relkind")), schema, name), row.getArray("grants"));
            switch (row.getString("relkind")) {
                case "r", "p" -> db.tables.put(oid, table(row, schema, name, comment));
                case "f" -> {
                    IntrospectedTable table = table(row, schema, name, comment);
                    table.foreign = new ForeignTable(row.getString("foreign_server"),
                            ForeignOptions.fromCatalog(strings(row.getArray("foreign_options"))), Map.of());
                    db.tables.put(oid, table);
                }
                case "v", "m" -> db.views.put(oid, new IntrospectedView(schema, name, "m".equals(row.getString("relkind")),
                        viewQuery(row.getString("view_definition")), comment, strings(row.getArray("storage_parameters"))));
                case "S" -> db.sequences.add(new IntrospectedDatabase.IntrospectedSequence(oid, schema, sequence(row, name, comment)));
                case "c" -> db.compositeTypes.put(oid, new IntrospectedCompositeType(schema, name, comment));
                default -> throw new IllegalStateException("relation " + schema + "." + name + " has relkind '"
                        + row.getString("relkind") + "', which the relations query does not select");
            }
        });
    }

    /** How grants name a relation of this relkind (a composite type's grants are those of its type). */
    private static ObjectRef.Kind relationKind(String relkind) {
        return switch (relkind) {
            case "v" -> ObjectRef.Kind.VIEW;
            case "m" -> ObjectRef.Kind.MATERIALIZED_VIEW;
            case "S" -> ObjectRef.Kind.SEQUENCE;
            case "c" -> ObjectRef.Kind.TYPE;
            default -> ObjectRef.Kind.TABLE;
        };
    }

    /**
     * Adds the grants of one object, as {@link CatalogQueries} encodes them ({@code +SELECT f reporting}). A
     * privilege granted by several grantors counts once, with a grant option if any of them gave one; one the
     * model cannot hold (a privilege of a newer PostgreSQL) is reported instead.
     */
    private static void addGrants(IntrospectedDatabase db, ObjectRef on, Array encoded) throws SQLException {
        for (String entry : strings(encoded)) {
            String[] parts = entry.substring(1).split(" ", 3);
            String grantee = parts[2].isEmpty() ? Grant.PUBLIC : parts[2];
            Grant grant;
            try {
                grant = new Grant(on, grantee, Privilege.valueOf(parts[0]), "t".equals(parts[1]), entry.startsWith("-"));
            } catch (IllegalArgumentException e) {
                db.unsupported("privileges", "on " + Grant.kindWord(on) + " " + Grant.objectName(on) + ": "
                        + (entry.startsWith("-") ? "revoked " : "granted ") + parts[0] + " for " + grantee);
                continue;
            }
            db.grants.merge(grant.key(), grant, (a, b) -> a.withGrantOption(a.withGrantOption() || b.withGrantOption()));
        }
    }

    private static IntrospectedTable table(ResultSet row, String schema, String name, String comment) throws SQLException {
        Partitioning partitioning = null;
        String strategy = row.getString("partstrat");
        if (strategy != null) {
            partitioning = new Partitioning(partitionStrategy(strategy, name), partitionKey(row.getString("partition_key")));
        }
        PartitionBound partitionOf = null;
        Long parentOid = null;
        if (row.getString("partition_bound") != null) {
            parentOid = row.getLong("parent_oid");
            partitionOf = new PartitionBound(QualifiedName.of(row.getString("parent_schema"), row.getString("parent_name")),
                    row.getString("partition_bound"));
        }
        List<String> parentSchemas = strings(row.getArray("parent_schemas"));
        List<String> parentNames = strings(row.getArray("parent_names"));
        List<QualifiedName> inherits = new ArrayList<>();
        for (int i = 0; i < parentNames.size(); i++) {
            inherits.add(QualifiedName.of(parentSchemas.get(i), parentNames.get(i)));
        }
        return new IntrospectedTable(schema, name,
                new RowSecurity(row.getBoolean("relrowsecurity"), row.getBoolean("relforcerowsecurity")),
                comment, partitioning, partitionOf, parentOid, row.getBoolean("unlogged"), inherits,
                longs(row.getArray("parent_oids")), strings(row.getArray("storage_parameters")),
                "f".equals(row.getString("relkind")) ? ReplicaIdentity.DEFAULT // a foreign table's is 'n' and cannot change
                        : replicaIdentity(row.getString("relreplident"), row.getString("replica_identity_index")));
    }

    private static ReplicaIdentity replicaIdentity(String code, String index) {
        return switch (code == null ? "d" : code) {
            case "f" -> ReplicaIdentity.FULL;
            case "n" -> ReplicaIdentity.NOTHING;
            case "i" -> ReplicaIdentity.usingIndex(index);
            default -> ReplicaIdentity.DEFAULT;
        };
    }

    private static Partitioning.Strategy partitionStrategy(String code, String table) {
        return switch (code) {
            case "r" -> Partitioning.Strategy.RANGE;
            case "l" -> Partitioning.Strategy.LIST;
            case "h" -> Partitioning.Strategy.HASH;
            default -> throw new IllegalStateException("partitioned table " + table + " has partition strategy '"
                    + code + "', which schemaguard does not know");
        };
    }

    /** The key inside {@code RANGE (...)}, {@code LIST (...)} or {@code HASH (...)} of pg_get_partkeydef. */
    static String partitionKey(String partitionKeyDefinition) {
        int open = partitionKeyDefinition.indexOf('(');
        int close = partitionKeyDefinition.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalStateException("partition key '" + partitionKeyDefinition
                    + "' does not have the form STRATEGY (key) that schemaguard expects");
        }
        return partitionKeyDefinition.substring(open + 1, close).strip();
    }

    /** pg_get_viewdef's text without its leading blank and trailing semicolon, ready to follow {@code AS}. */
    static String viewQuery(String definition) {
        String query = definition.strip();
        return query.endsWith(";") ? query.substring(0, query.length() - 1).stripTrailing() : query;
    }

    private static Sequence sequence(ResultSet row, String name, String comment) throws SQLException {
        DataType type = DataType.parse(row.getString("sequence_type"));
        SequenceOptions options = new SequenceOptions(row.getLong("seqstart"), row.getLong("seqincrement"),
                row.getLong("seqmin"), row.getLong("seqmax"), row.getLong("seqcache"), row.getBoolean("seqcycle"));
        return new Sequence(name, type, options.normalizedFor(type), row.getString("owned_by_table"),
                row.getString("owned_by_column"), comment);
    }

    /** Columns of tables, attributes of composite types, and the column grants of tables and views. */
    private void readColumns(CatalogReads reads, Array relations, int majorVersion, IntrospectedDatabase db)
            throws SQLException {
        reads.query("columns", CatalogQueries.columns(majorVersion, options.privileges()), relations, row -> {
            long relation = row.getLong("attrelid");
            IntrospectedTable table = db.tables.get(relation);
            IntrospectedCompositeType compositeType = db.compositeTypes.get(relation);
            IntrospectedView view = db.views.get(relation);
            if (table != null || view != null) {
                QualifiedName owner = table != null ? QualifiedName.of(table.schema, table.name)
                        : QualifiedName.of(view.schema, view.name);
                addGrants(db, ObjectRef.column(owner, row.getString("attname")), row.getArray("grants"));
            }
            if (table != null) {
                Column column = db.shared.one(column(row, db.shared));
                table.addColumn(row.getInt("attnum"), column, row.getBoolean("attislocal"),
                        db.shared.one(row.getString("default_expression")));
                List<String> foreignOptions = strings(row.getArray("foreign_options"));
                if (!foreignOptions.isEmpty()) {
                    table.foreignColumnOptions.put(column.name(), ForeignOptions.fromCatalog(foreignOptions));
                }
                if (column.type().isSerial()) {
                    db.serialSequences.add(row.getLong("sequence_oid"));
                }
            } else if (compositeType != null) {
                compositeType.attributes.put(row.getInt("attnum"), new CompositeType.Attribute(row.getString("attname"),
                        CatalogTypes.dataType(row), CatalogTypes.collation(row)));
            } else if (view == null) {
                skipUnknownRelation(relation);
            }
        });
    }

    private static Column column(ResultSet row, SharedValues shared) throws SQLException {
        DataType type = CatalogTypes.dataType(row);
        String defaultExpression = shared.one(row.getString("default_expression"));
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
        return new Column(shared.one(row.getString("attname")), shared.one(type), !row.getBoolean("attnotnull"),
                defaultExpression, identity, generatedExpression, shared.one(CatalogTypes.collation(row)), row.getString("comment"),
                storage(row.getString("storage")), compression(row.getString("compression")), null);
    }

    private static Column.Storage storage(String code) {
        return code == null ? null : switch (code) {
            case "p" -> Column.Storage.PLAIN;
            case "e" -> Column.Storage.EXTERNAL;
            case "x" -> Column.Storage.EXTENDED;
            case "m" -> Column.Storage.MAIN;
            default -> throw new IllegalStateException("unknown attstorage " + code);
        };
    }

    private static Column.Compression compression(String method) {
        return method == null ? null : Column.Compression.valueOf(method.toUpperCase(java.util.Locale.ROOT));
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
     * serial, bigserial, smallserial: a NOT NULL integer column whose default is nextval() of a sequence owned
     * by exactly this column and created with the defaults CREATE TABLE would use. Anything else keeps its type
     * and its nextval() default, so that no difference is hidden; its sequence is then listed on its own.
     */
    private static boolean isSerial(ResultSet row, DataType type, SequenceOptions sequence) throws SQLException {
        return serialName(type) != null
                && sequence != null
                && row.getBoolean("attnotnull")
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

    private static void readConstraints(CatalogReads reads, Array relations, int majorVersion,
                                        IntrospectedDatabase db) throws SQLException {
        reads.query("constraints", CatalogQueries.constraints(majorVersion), relations,
                row -> withTable(db, row, "conrelid", (table, r) -> addConstraint(table, r, db)));
    }

    private static void addConstraint(IntrospectedTable table, ResultSet row, IntrospectedDatabase db) throws SQLException {
        String name = row.getString("conname");
        List<String> columns = table.columnNames(attnums(row.getArray("key_attnums")), name);
        boolean deferrable = row.getBoolean("condeferrable");
        boolean initiallyDeferred = row.getBoolean("condeferred");
        String definition = row.getString("definition");
        boolean notValid = !row.getBoolean("convalidated");
        if (row.getString("comment") != null) {
            table.constraintComments.put(name, row.getString("comment"));
        }
        switch (row.getString("contype")) {
            case "p" -> table.primaryKey = new PrimaryKey(name, columns, null);
            case "u" -> table.uniqueConstraints.add(new UniqueConstraint(name, columns,
                    row.getBoolean("nulls_not_distinct"), deferrable, initiallyDeferred, null));
            case "f" -> table.foreignKeys.add(new ForeignKey(name, columns,
                    QualifiedName.of(row.getString("referenced_schema"), row.getString("referenced_table")),
                    referencedColumns(row, name, db),
                    referentialAction(row.getString("confupdtype"), name),
                    referentialAction(row.getString("confdeltype"), name),
                    "f".equals(row.getString("confmatchtype")) ? ForeignKey.MatchType.FULL : ForeignKey.MatchType.SIMPLE,
                    deferrable, initiallyDeferred, notValid, null));
            case "c" -> table.checkConstraints.add(new CheckConstraint(name,
                    db.shared.one(checkExpression(definition, name)), row.getBoolean("connoinherit"), notValid, null));
            case "x" -> table.exclusionConstraints.add(new ExclusionConstraint(name, definition, null));
            default -> db.unsupported("constraint", Identifiers.quote(name) + " of table " + qualified(table)
                    + " (" + definition + ")");
        }
    }

    /**
     * A foreign key's referenced columns: named from the referenced table's columns when it is one of the
     * included tables, otherwise as the query named them.
     */
    private static List<String> referencedColumns(ResultSet row, String constraint, IntrospectedDatabase db)
            throws SQLException {
        List<String> named = strings(row.getArray("referenced_column_names"));
        if (!named.isEmpty()) {
            return named;
        }
        List<Integer> attnums = attnums(row.getArray("referenced_attnums"));
        IntrospectedTable referenced = db.tables.get(row.getLong("confrelid"));
        if (referenced == null) {
            throw new IllegalStateException("foreign key " + constraint + " references "
                    + row.getString("referenced_schema") + "." + row.getString("referenced_table")
                    + ", which is neither among the included tables nor named by the constraints query");
        }
        return referenced.columnNames(attnums, constraint);
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

    /** Index rows go to their table or materialized view. */
    private static void readIndexes(CatalogReads reads, Array relations, int majorVersion,
                                    IntrospectedDatabase db) throws SQLException {
        reads.query("indexes", CatalogQueries.indexes(majorVersion), relations, row -> {
            long relation = row.getLong("indrelid");
            IntrospectedTable table = db.tables.get(relation);
            IntrospectedView view = db.views.get(relation);
            if (table != null) {
                addIndexColumn(table.indexes, row, db.shared);
            } else if (view != null) {
                addIndexColumn(view.indexes, row, db.shared);
            } else {
                skipUnknownRelation(relation);
            }
        });
    }

    private static void addIndexColumn(Map<String, IntrospectedIndex> indexes, ResultSet row, SharedValues shared)
            throws SQLException {
        IntrospectedIndex index = IntrospectedIndex.in(indexes,
                row.getString("index_name"), row.getBoolean("indisunique"), row.getString("amname"),
                shared.one(row.getString("predicate")), row.getBoolean("nulls_not_distinct"),
                strings(row.getArray("storage_parameters")), row.getString("comment"), row.getBoolean("indisvalid"));
        if (row.getInt("position") > row.getInt("indnkeyatts")) {
            index.include.add(shared.one(row.getString("attname")));
            return;
        }
        int indexOptions = row.getInt("options");
        boolean descending = (indexOptions & 1) != 0;
        boolean nullsFirst = (indexOptions & 2) != 0;
        String opclass = row.getBoolean("opcdefault")
                ? null : CatalogTypes.qualifiedName(row.getString("opclass_schema"), row.getString("opcname"));
        index.keys.add(new IndexKey(shared.one(row.getString("attname")), shared.one(row.getString("expression")),
                descending, nullsFirst, opclass));
    }

    private static void readPolicies(CatalogReads reads, Array relations, IntrospectedDatabase db) throws SQLException {
        reads.query("policies", CatalogQueries.POLICIES, relations,
                row -> withTable(db, row, "polrelid", (table, r) -> table.policies.add(policy(r))));
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

    /**
     * Triggers and rewrite rules (other than a view's {@code _RETURN}) of tables and views, with when they fire
     * (pg_trigger.tgenabled and pg_rewrite.ev_enabled use the same letters).
     */
    private static void readTriggersAndRules(CatalogReads reads, Array relations, IntrospectedDatabase db) throws SQLException {
        reads.query("triggers", CatalogQueries.TRIGGERS_AND_RULES, relations, row -> {
            String name = row.getString("name");
            long relation = row.getLong("relation");
            IntrospectedTable table = db.tables.get(relation);
            IntrospectedView view = db.views.get(relation);
            Trigger.Firing firing = switch (row.getString("enabled")) {
                case "R" -> Trigger.Firing.REPLICA;
                case "A" -> Trigger.Firing.ALWAYS;
                case "D" -> Trigger.Firing.DISABLED;
                default -> Trigger.Firing.ORIGIN;
            };
            if (table == null && view == null) {
                skipUnknownRelation(relation);
            } else if ("rule".equals(row.getString("kind"))) {
                Rule rule = new Rule(name, row.getString("definition"), firing, row.getString("comment"));
                (table != null ? table.rules : view.rules).add(rule);
            } else {
                Trigger trigger = new Trigger(name, row.getString("definition"), firing, row.getString("comment"));
                (table != null ? table.triggers : view.triggers).add(trigger);
            }
        });
    }

    private void readTypes(CatalogReads reads, Array schemas, int majorVersion, IntrospectedDatabase db) throws SQLException {
        reads.query("enums, domains and range types", CatalogQueries.types(majorVersion, options.privileges()), schemas, row -> {
            String schema = row.getString("nspname");
            String name = row.getString("typname");
            String comment = row.getString("comment");
            addGrants(db, ObjectRef.of(ObjectRef.Kind.TYPE, schema, name), row.getArray("grants"));
            if ("e".equals(row.getString("typtype"))) {
                db.enums.add(new IntrospectedDatabase.SchemaMember<>(schema,
                        new EnumType(name, strings(row.getArray("enum_labels")), comment, null)));
                return;
            }
            if ("r".equals(row.getString("typtype"))) {
                db.rangeTypes.add(new IntrospectedDatabase.SchemaMember<>(schema, new RangeType(name,
                        CatalogTypes.dataType(row), row.getString("range_opclass"), row.getString("range_collation"),
                        row.getString("range_canonical"), row.getString("range_subtype_diff"),
                        row.getString("multirange_name"), comment, null)));
                return;
            }
            List<String> checkNames = strings(row.getArray("check_names"));
            List<String> checkDefinitions = strings(row.getArray("check_definitions"));
            List<String> checkComments = strings(row.getArray("check_comments"));
            List<CheckConstraint> checks = new ArrayList<>();
            Map<String, String> constraintComments = new TreeMap<>();
            for (int i = 0; i < checkNames.size(); i++) {
                checks.add(new CheckConstraint(checkNames.get(i), checkExpression(checkDefinitions.get(i), checkNames.get(i)), false, false, null));
                if (checkComments.get(i) != null) {
                    constraintComments.put(checkNames.get(i), checkComments.get(i));
                }
            }
            db.domains.add(new IntrospectedDatabase.SchemaMember<>(schema, new Domain(name, CatalogTypes.dataType(row),
                    row.getBoolean("typnotnull"), row.getString("default_expression"), CatalogTypes.collation(row),
                    checks, comment, constraintComments, null)));
        });
    }

    /**
     * Text search dictionaries and configurations; one whose definition the model cannot hold (an option name
     * that is no plain identifier, a mapped token type its parser does not name) is reported instead.
     */
    private static void readTextSearch(CatalogReads reads, Array schemas, IntrospectedDatabase db) throws SQLException {
        Map<QualifiedName, TextSearchConfiguration> configurations = new LinkedHashMap<>();
        Set<QualifiedName> unreadable = new HashSet<>();
        reads.query("text search dictionaries and configurations", CatalogQueries.textSearch(), schemas, row -> {
            QualifiedName name = QualifiedName.of(row.getString("nspname"), row.getString("name"));
            QualifiedName definer = QualifiedName.of(row.getString("definer_schema"), row.getString("definer_name"));
            String comment = row.getString("comment");
            if ("dictionary".equals(row.getString("kind"))) {
                try {
                    db.textSearchDictionaries.add(new IntrospectedDatabase.SchemaMember<>(name.schema(),
                            new TextSearchDictionary(name.name(), definer, DictionaryOptions.parse(row.getString("options")),
                                    comment)));
                } catch (IllegalArgumentException e) {
                    db.unsupported("text search dictionary", name.sql() + " (" + e.getMessage() + ")");
                }
                return;
            }
            TextSearchConfiguration configuration = configurations.computeIfAbsent(name,
                    n -> new TextSearchConfiguration(n.name(), definer, List.of(), comment));
            if (row.getObject("token_id") == null) {
                return;
            }
            String tokenType = row.getString("token_type");
            if (tokenType == null) {
                db.unsupported("text search configuration", name.sql() + " (maps token type " + row.getInt("token_id")
                        + ", which its parser does not name)");
                unreadable.add(name);
                return;
            }
            List<String> schemaNames = strings(row.getArray("dictionary_schemas"));
            List<String> dictionaryNames = strings(row.getArray("dictionary_names"));
            List<QualifiedName> dictionaries = new ArrayList<>();
            for (int i = 0; i < dictionaryNames.size(); i++) {
                dictionaries.add(QualifiedName.of(schemaNames.get(i), dictionaryNames.get(i)));
            }
            List<TextSearchConfiguration.Mapping> mappings = new ArrayList<>(configuration.mappings());
            mappings.add(new TextSearchConfiguration.Mapping(tokenType, dictionaries));
            configurations.put(name, configuration.withMappings(mappings));
        });
        configurations.forEach((name, configuration) -> {
            if (!unreadable.contains(name)) {
                db.textSearchConfigurations.add(new IntrospectedDatabase.SchemaMember<>(name.schema(), configuration));
            }
        });
    }

    /** Functions, procedures and aggregates; window functions (written in C) are reported, not read. */
    private void readRoutines(CatalogReads reads, Array schemas, IntrospectedDatabase db) throws SQLException {
        reads.query("functions and procedures", CatalogQueries.routines(options.privileges()), schemas, row -> {
            String schema = row.getString("nspname");
            String name = row.getString("proname");
            String arguments = row.getString("arguments");
            Routine.Kind kind = switch (row.getString("prokind")) {
                case "f" -> Routine.Kind.FUNCTION;
                case "p" -> Routine.Kind.PROCEDURE;
                default -> null;
            };
            if (kind == null && "a".equals(row.getString("prokind"))) {
                Aggregate aggregate = CatalogAggregates.aggregate(row, name, arguments, row.getString("comment"));
                db.aggregates.add(new IntrospectedDatabase.SchemaMember<>(schema, aggregate));
                addGrants(db, ObjectRef.of(ObjectRef.Kind.ROUTINE, schema, aggregate.signature()), row.getArray("grants"));
                return;
            }
            if (kind == null) {
                db.unsupported("window function", Identifiers.quote(schema) + "." + Identifiers.quote(name) + "(" + arguments + ")");
                return;
            }
            Routine routine = new Routine(name, arguments, kind, row.getString("definition"), row.getString("comment"));
            db.routines.add(new IntrospectedDatabase.SchemaMember<>(schema, routine));
            addGrants(db, ObjectRef.of(ObjectRef.Kind.ROUTINE, schema, routine.signature()), row.getArray("grants"));
        });
    }

    private static String qualified(IntrospectedTable table) {
        return QualifiedName.of(table.schema, table.name).sql();
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

    /** Hands the row to {@code reader} with its table, skipping rows of tables the relations query did not see. */
    private static void withTable(IntrospectedDatabase db, ResultSet row, String oidColumn,
                                  TableRowReader reader) throws SQLException {
        IntrospectedTable table = db.tables.get(row.getLong(oidColumn));
        if (table == null) {
            skipUnknownRelation(row.getLong(oidColumn));
            return;
        }
        reader.read(table, row);
    }

    private static void skipUnknownRelation(long oid) {
        LOG.debug("Skipping a catalog row of relation oid {}, created after the relations query ran", oid);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
        } finally {
            array.free();
        }
    }

    /** The elements of an {@code int2[]} such as pg_constraint.conkey; an empty list for null. */
    private static List<Integer> attnums(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(n -> ((Number) n).intValue()).toList();
        } finally {
            array.free();
        }
    }

    private static List<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(Long.class::cast).toList();
        } finally {
            array.free();
        }
    }

    @FunctionalInterface
    private interface TableRowReader {
        void read(IntrospectedTable table, ResultSet row) throws SQLException;
    }

    /**
     * Rows fetched per round trip. In a transaction (every read is in one) the driver then keeps only this many rows
     * of a query in memory instead of all of them: the columns of 10,000 tables are 100,000 rows, tens of MB as the
     * driver holds them, on top of whatever the caller holds meanwhile (the declared model, in a check).
     */
    static final int FETCH_ROWS = 5_000;

    /**
     * Runs one catalog query and hands every row to {@code reader}. At debug level, logs how long the query took
     * (until the driver had received the first {@link #FETCH_ROWS} rows) and how long the rest took: reading
     * the remaining rows and {@code reader} over all of them.
     */
    static void query(Connection connection, String what, String sql, Array parameter, CatalogReads.RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_ROWS);
            if (parameter != null) {
                statement.setArray(1, parameter);
            }
            long started = System.nanoTime();
            try (ResultSet row = statement.executeQuery()) {
                long executed = System.nanoTime();
                int rows = 0;
                while (row.next()) {
                    reader.read(row);
                    rows++;
                }
                if (LOG.isDebugEnabled()) {
                    LOG.debug("Read {}: {} rows, query {} ms, rows {} ms", what, rows, (executed - started) / 1_000_000,
                            (System.nanoTime() - executed) / 1_000_000);
                }
            }
        } catch (SQLException e) {
            throw new SQLException("Reading " + what + " from pg_catalog failed: " + e.getMessage()
                    + " (the connected role needs to read pg_catalog; schemaguard supports PostgreSQL 13 to 17)",
                    e.getSQLState(), e);
        }
    }
}
