package dev.schemaguard.sql;

import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.Cast;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.RangeType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.model.Publication;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;
import dev.schemaguard.model.View;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one introspection run collects, keyed the way later queries find it (relations by oid, the rest
 * by schema), and {@link #toResult()}, which builds the model once every query has run.
 */
final class IntrospectedDatabase {

    /** A standalone sequence with its oid, so that the sequences of serial columns can be left out. */
    record IntrospectedSequence(long oid, String schema, Sequence sequence) {
    }

    /** An object of a schema other than a relation, collected in query order. */
    record SchemaMember<T>(String schema, T object) {
    }

    final SharedValues shared = new SharedValues();
    final Map<String, String> schemaComments = new LinkedHashMap<>();
    final List<Extension> extensions = new ArrayList<>();
    final List<Publication> publications = new ArrayList<>();
    final List<ForeignDataWrapper> foreignDataWrappers = new ArrayList<>();
    final List<ForeignServer> foreignServers = new ArrayList<>();
    /**
     * Whether introspection reads only some schemas: then the servers no foreign table uses and those the read
     * foreign tables use are kept, and the wrappers of kept servers and those no server uses, so that a check of
     * one schema never sees the servers of another schema's foreign tables.
     */
    boolean schemasSelected;
    /** {@code wrapper name} or {@code server name} for the wrappers no server uses and the servers no foreign table uses. */
    final Set<String> unusedForeignData = new HashSet<>();
    /** Every relation the relations query returned; the later queries on relations read exactly these. */
    final List<Long> relationOids = new ArrayList<>();
    final Map<Long, IntrospectedTable> tables = new LinkedHashMap<>();
    final Map<Long, IntrospectedView> views = new LinkedHashMap<>();
    final Map<Long, IntrospectedCompositeType> compositeTypes = new LinkedHashMap<>();
    final List<IntrospectedSequence> sequences = new ArrayList<>();
    /** Sequences a column turned into serial, smallserial or bigserial: they are part of that column. */
    final Set<Long> serialSequences = new HashSet<>();
    final List<SchemaMember<EnumType>> enums = new ArrayList<>();
    final List<SchemaMember<Domain>> domains = new ArrayList<>();
    final List<SchemaMember<RangeType>> rangeTypes = new ArrayList<>();
    final List<SchemaMember<Routine>> routines = new ArrayList<>();
    final List<SchemaMember<Aggregate>> aggregates = new ArrayList<>();
    final List<Cast> casts = new ArrayList<>();
    final List<SchemaMember<Collation>> collations = new ArrayList<>();
    final Map<Grant.Key, Grant> grants = new LinkedHashMap<>();
    final List<SchemaMember<TextSearchDictionary>> textSearchDictionaries = new ArrayList<>();
    final List<SchemaMember<TextSearchConfiguration>> textSearchConfigurations = new ArrayList<>();
    final List<String> unsupported = new ArrayList<>();

    void unsupported(String kind, String object) {
        unsupported.add(kind + " " + object + ": not supported yet");
    }

    /** Something deliberately not modelled, with its own reason ({@code user mapping ...: not modelled (...)}). */
    void notModelled(String kind, String objectAndReason) {
        unsupported.add(kind + " " + objectAndReason);
    }

    IntrospectionResult toResult() {
        Map<String, SchemaParts> parts = new LinkedHashMap<>();
        schemaComments.keySet().forEach(name -> parts.put(name, new SchemaParts()));
        for (IntrospectedTable table : tables.values()) {
            List<IntrospectedTable> parents = table.parentOids().stream().map(tables::get).filter(Objects::nonNull).toList();
            parts.get(table.schema).tables.add(table.toTable(parents));
            table.inheritedColumnsWithOwnSettings(parents).forEach(column -> unsupported(
                    "own NOT NULL, default, comment, storage or compression on inherited column", column));
        }
        for (IntrospectedSequence sequence : sequences) {
            if (!serialSequences.contains(sequence.oid())) {
                parts.get(sequence.schema()).sequences.add(sequence.sequence());
            }
        }
        enums.forEach(member -> parts.get(member.schema()).enums.add(member.object()));
        domains.forEach(member -> parts.get(member.schema()).domains.add(member.object()));
        rangeTypes.forEach(member -> parts.get(member.schema()).rangeTypes.add(member.object()));
        compositeTypes.values().forEach(type -> parts.get(type.schema).compositeTypes.add(type.toCompositeType()));
        views.values().forEach(view -> parts.get(view.schema).views.add(view.toView()));
        routines.forEach(member -> parts.get(member.schema()).routines.add(member.object()));
        aggregates.forEach(member -> parts.get(member.schema()).aggregates.add(member.object()));
        collations.forEach(member -> parts.get(member.schema()).collations.add(member.object()));
        grants.values().stream().sorted(Grant.ORDER).forEach(grant -> parts.get(grant.schema()).grants.add(grant));
        textSearchDictionaries.forEach(member -> parts.get(member.schema()).textSearchDictionaries.add(member.object()));
        textSearchConfigurations.forEach(member -> parts.get(member.schema()).textSearchConfigurations.add(member.object()));
        List<Schema> schemas = new ArrayList<>();
        parts.forEach((name, p) -> schemas.add(new Schema(name, p.tables, schemaComments.get(name), p.sequences,
                p.enums, p.domains, p.compositeTypes, p.rangeTypes, p.views, p.routines, p.collations, p.grants, p.aggregates,
                p.textSearchDictionaries, p.textSearchConfigurations, null)));
        Database database = Database.of(schemas).withExtensions(extensions).withPublications(publications)
                .withCasts(casts);
        return new IntrospectionResult(withForeignData(database), unsupported.stream().sorted().toList());
    }

    private Database withForeignData(Database database) {
        if (!schemasSelected) {
            return database.withForeignDataWrappers(foreignDataWrappers).withForeignServers(foreignServers);
        }
        Set<String> usedServers = new HashSet<>();
        database.schemas().forEach(schema -> schema.tables().stream().filter(Table::isForeign)
                .forEach(table -> usedServers.add(table.foreign().server())));
        List<ForeignServer> servers = foreignServers.stream().filter(s -> usedServers.contains(s.name())
                || unusedForeignData.contains("server " + s.name())).toList();
        Set<String> usedWrappers = new HashSet<>();
        servers.forEach(server -> usedWrappers.add(server.wrapper()));
        return database.withForeignServers(servers).withForeignDataWrappers(foreignDataWrappers.stream()
                .filter(w -> usedWrappers.contains(w.name()) || unusedForeignData.contains("wrapper " + w.name())).toList());
    }

    private static final class SchemaParts {
        final List<Table> tables = new ArrayList<>();
        final List<Sequence> sequences = new ArrayList<>();
        final List<EnumType> enums = new ArrayList<>();
        final List<Domain> domains = new ArrayList<>();
        final List<CompositeType> compositeTypes = new ArrayList<>();
        final List<RangeType> rangeTypes = new ArrayList<>();
        final List<View> views = new ArrayList<>();
        final List<Routine> routines = new ArrayList<>();
        final List<Collation> collations = new ArrayList<>();
        final List<Grant> grants = new ArrayList<>();
        final List<Aggregate> aggregates = new ArrayList<>();
        final List<TextSearchDictionary> textSearchDictionaries = new ArrayList<>();
        final List<TextSearchConfiguration> textSearchConfigurations = new ArrayList<>();
    }
}
