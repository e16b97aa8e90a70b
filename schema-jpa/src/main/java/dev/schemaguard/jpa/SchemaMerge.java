package dev.schemaguard.jpa;

import dev.schemaguard.model.Cast;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Dependency;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.Publication;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.ReplicaIdentity;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Combines two declarations of one database: typically the tables entities give, and a YAML file that adds what
 * entities cannot express (row-level security, policies, partial indexes, comments, triggers). Everything one
 * side declares is kept; an object both declare must be declared identically, otherwise the merge fails with a
 * {@link SchemaConflictException} naming the object and both sources.
 *
 * <pre>{@code
 * Database expected = SchemaMerge.merge("entities", fromEntities, "schema.yaml", fromYaml);
 * }</pre>
 */
public final class SchemaMerge {

    private final String baseSource;
    private final String overlaySource;

    private SchemaMerge(String baseSource, String overlaySource) {
        this.baseSource = Objects.requireNonNull(baseSource, "baseSource");
        this.overlaySource = Objects.requireNonNull(overlaySource, "overlaySource");
    }

    /** Merges with the sources called "base" and "overlay" in messages. */
    public static Database merge(Database base, Database overlay) {
        return merge("base", base, "overlay", overlay);
    }

    /** Merges, naming the sources in conflict messages, e.g. {@code "entities"} and {@code "schema.yaml"}. */
    public static Database merge(String baseSource, Database base, String overlaySource, Database overlay) {
        return new SchemaMerge(baseSource, overlaySource).database(base, overlay);
    }

    private Database database(Database base, Database overlay) {
        List<Schema> schemas = union(base.schemas(), overlay.schemas(), Schema::name, this::schema);
        List<Extension> extensions = union(base.extensions(), overlay.extensions(), Extension::name, (a, b) ->
                same(a, b, "extension " + a.name()));
        List<Dependency> dependencies = java.util.stream.Stream.concat(base.dependencies().stream(),
                overlay.dependencies().stream()).distinct().toList();
        List<Publication> publications = union(base.publications(), overlay.publications(), Publication::name,
                (a, b) -> same(a, b, "publication " + a.name()));
        List<Cast> casts = union(base.casts(), overlay.casts(), Cast::sql, (a, b) -> same(a, b, "cast " + a.sql()));
        List<dev.schemaguard.model.ForeignDataWrapper> wrappers = union(base.foreignDataWrappers(),
                overlay.foreignDataWrappers(), dev.schemaguard.model.ForeignDataWrapper::name,
                (a, b) -> same(a, b, "foreign-data wrapper " + a.name()));
        List<dev.schemaguard.model.ForeignServer> servers = union(base.foreignServers(), overlay.foreignServers(),
                dev.schemaguard.model.ForeignServer::name, (a, b) -> same(a, b, "server " + a.name()));
        return Database.of(schemas).withExtensions(extensions).withPublications(publications)
                .withDependencies(dependencies).withCasts(casts).withForeignDataWrappers(wrappers).withForeignServers(servers);
    }

    private Schema schema(Schema a, Schema b) {
        String where = "schema " + a.name();
        return new Schema(a.name(),
                union(a.tables(), b.tables(), Table::name, (x, y) -> table(a.name() + "." + x.name(), x, y)),
                either(a.comment(), b.comment(), "comment on " + where),
                union(a.sequences(), b.sequences(), s -> s.name(), (x, y) -> same(x, y, "sequence " + a.name() + "." + x.name())),
                union(a.enums(), b.enums(), e -> e.name(), (x, y) -> same(x, y, "enum " + a.name() + "." + x.name())),
                union(a.domains(), b.domains(), d -> d.name(), (x, y) -> same(x, y, "domain " + a.name() + "." + x.name())),
                union(a.compositeTypes(), b.compositeTypes(), c -> c.name(), (x, y) -> same(x, y, "type " + a.name() + "." + x.name())),
                union(a.rangeTypes(), b.rangeTypes(), r -> r.name(), (x, y) -> same(x, y, "range type " + a.name() + "." + x.name())),
                union(a.views(), b.views(), v -> v.name(), (x, y) -> same(x, y, "view " + a.name() + "." + x.name())),
                union(a.routines(), b.routines(), r -> r.signature(), (x, y) -> same(x, y, "routine " + a.name() + "." + x.signature())),
                union(a.collations(), b.collations(), c -> c.name(), (x, y) -> same(x, y, "collation " + a.name() + "." + x.name())),
                union(a.grants(), b.grants(), g -> g.key().toString(), (x, y) -> same(x, y, "grant " + x.describe())),
                union(a.aggregates(), b.aggregates(), g -> g.signature(), (x, y) -> same(x, y, "aggregate " + a.name() + "." + x.signature())),
                union(a.textSearchDictionaries(), b.textSearchDictionaries(), d -> d.name(),
                        (x, y) -> same(x, y, "text search dictionary " + a.name() + "." + x.name())),
                union(a.textSearchConfigurations(), b.textSearchConfigurations(), c -> c.name(),
                        (x, y) -> same(x, y, "text search configuration " + a.name() + "." + x.name())),
                either(a.renamedFrom(), b.renamedFrom(), "former name of " + where));
    }

    private Table table(String qualifiedName, Table a, Table b) {
        String where = "table " + qualifiedName;
        List<Column> columns = union(a.columns(), b.columns(), Column::name, (x, y) -> same(x, y, "column " + qualifiedName + "." + x.name()));
        PrimaryKey primaryKey = either(a.primaryKey(), b.primaryKey(), "primary key of " + where);
        RowSecurity rowSecurity = a.rowSecurity().equals(RowSecurity.OFF) ? b.rowSecurity()
                : b.rowSecurity().equals(RowSecurity.OFF) ? a.rowSecurity() : same(a.rowSecurity(), b.rowSecurity(), "row level security of " + where);
        return new Table(a.name(), columns, primaryKey,
                union(a.uniqueConstraints(), b.uniqueConstraints(), c -> c.name(), (x, y) -> same(x, y, "unique constraint " + x.name() + " on " + where)),
                union(a.foreignKeys(), b.foreignKeys(), c -> c.name(), (x, y) -> same(x, y, "foreign key " + x.name() + " on " + where)),
                union(a.checkConstraints(), b.checkConstraints(), c -> c.name(), (x, y) -> same(x, y, "check constraint " + x.name() + " on " + where)),
                union(a.indexes(), b.indexes(), i -> i.name(), (x, y) -> same(x, y, "index " + x.name() + " on " + where)),
                rowSecurity,
                union(a.policies(), b.policies(), p -> p.name(), (x, y) -> same(x, y, "policy " + x.name() + " on " + where)),
                either(a.comment(), b.comment(), "comment on " + where),
                union(a.exclusionConstraints(), b.exclusionConstraints(), c -> c.name(), (x, y) -> same(x, y, "exclusion constraint " + x.name() + " on " + where)),
                union(a.triggers(), b.triggers(), t -> t.name(), (x, y) -> same(x, y, "trigger " + x.name() + " on " + where)),
                either(a.partitioning(), b.partitioning(), "partitioning of " + where),
                either(a.partitionOf(), b.partitionOf(), "partition bound of " + where),
                a.unlogged() || b.unlogged(),
                union(a.inherits(), b.inherits(), QualifiedName::toString, (x, y) -> x),
                union(a.storageParameters(), b.storageParameters(), SchemaMerge::parameterName,
                        (x, y) -> same(x, y, "storage parameter " + parameterName(x) + " of " + where)),
                a.replicaIdentity().equals(ReplicaIdentity.DEFAULT) ? b.replicaIdentity()
                        : b.replicaIdentity().equals(ReplicaIdentity.DEFAULT) ? a.replicaIdentity()
                        : same(a.replicaIdentity(), b.replicaIdentity(), "replica identity of " + where), mergedComments(a, b, where),
                union(a.rules(), b.rules(), r -> r.name(), (x, y) -> same(x, y, "rule " + x.name() + " on " + where)),
                either(a.foreign(), b.foreign(), "foreign table server and options of " + where),
                either(a.renamedFrom(), b.renamedFrom(), "former name of " + where));
    }

    private java.util.Map<String, String> mergedComments(Table a, Table b, String where) {
        java.util.Map<String, String> comments = new java.util.TreeMap<>(a.constraintComments());
        b.constraintComments().forEach((constraint, text) -> comments.merge(constraint, text,
                (x, y) -> same(x, y, "comment on constraint " + constraint + " of " + where)));
        return comments;
    }

    private static String parameterName(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? parameter : parameter.substring(0, equals);
    }

    private interface Combine<T> {
        T apply(T base, T overlay);
    }

    /** Base items in their order, then the overlay's new ones; items both declare are combined. */
    private static <T> List<T> union(List<T> base, List<T> overlay, Function<T, String> name, Combine<T> combine) {
        Map<String, T> all = new LinkedHashMap<>();
        base.forEach(item -> all.put(name.apply(item), item));
        for (T item : overlay) {
            all.merge(name.apply(item), item, combine::apply);
        }
        return new ArrayList<>(all.values());
    }

    private <T> T either(T base, T overlay, String what) {
        if (base == null) {
            return overlay;
        }
        return overlay == null ? base : same(base, overlay, what);
    }

    private <T> T same(T base, T overlay, String what) {
        if (!base.equals(overlay)) {
            throw new SchemaConflictException(what + " is declared differently by " + baseSource + " (" + base
                    + ") and by " + overlaySource + " (" + overlay + "); declare it in one source only, or identically in both");
        }
        return base;
    }
}
