package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A PostgreSQL schema (namespace): its tables, then the other objects in it — sequences, enums, domains,
 * composite types, range types, views and materialized views, functions and procedures, collations — the grants on the
 * schema and those objects that differ from PostgreSQL's defaults (empty unless privileges were asked for), its aggregates,
 * and its text search dictionaries and configurations (kept apart from {@link #objects()}: the diff and the planner
 * treat them on their own).
 */
public record Schema(String name, List<Table> tables, String comment,
                     List<Sequence> sequences, List<EnumType> enums, List<Domain> domains,
                     List<CompositeType> compositeTypes, List<RangeType> rangeTypes, List<View> views,
                     List<Routine> routines,
                     List<Collation> collations, List<Grant> grants, List<Aggregate> aggregates,
                     List<TextSearchDictionary> textSearchDictionaries,
                     List<TextSearchConfiguration> textSearchConfigurations,
                     String renamedFrom) {

    public Schema {
        Identifiers.requireValid(name, "schema name");
        Identifiers.requireRenamedFrom(renamedFrom, name, "schema");
        tables = TableList.of(tables);
        sequences = List.copyOf(sequences);
        enums = List.copyOf(enums);
        domains = List.copyOf(domains);
        compositeTypes = List.copyOf(compositeTypes);
        rangeTypes = rangeTypes == null ? List.of() : List.copyOf(rangeTypes);
        views = List.copyOf(views);
        routines = List.copyOf(routines);
        collations = List.copyOf(collations);
        grants = List.copyOf(grants);
        aggregates = aggregates == null ? List.of() : List.copyOf(aggregates);
        textSearchDictionaries = textSearchDictionaries == null ? List.of() : List.copyOf(textSearchDictionaries);
        textSearchConfigurations = textSearchConfigurations == null ? List.of() : List.copyOf(textSearchConfigurations);
        requireUnique(name, "relation", tables.stream().map(Table::name).toList(),
                sequences.stream().map(Sequence::name).toList(), views.stream().map(View::name).toList());
        requireUnique(name, "type", enums.stream().map(EnumType::name).toList(),
                domains.stream().map(Domain::name).toList(), compositeTypes.stream().map(CompositeType::name).toList(),
                rangeTypes.stream().map(RangeType::name).toList(),
                rangeTypes.stream().map(r -> r.multirangeTypeName() != null ? r.multirangeTypeName()
                        : RangeType.defaultMultirangeName(r.name())).toList());
        requireUnique(name, "routine", routines.stream().map(Routine::signature).toList(),
                aggregates.stream().map(Aggregate::signature).toList());
        requireUnique(name, "text search dictionary", textSearchDictionaries.stream().map(TextSearchDictionary::name).toList());
        requireUnique(name, "text search configuration",
                textSearchConfigurations.stream().map(TextSearchConfiguration::name).toList());
        requireUnique(name, "collation", collations.stream().map(Collation::name).toList());
        requireOwnGrants(name, grants);
    }

    /** An empty schema: no objects, no comment, no grants. Build it up with the withers or {@link #named}. */
    public static Schema empty(String name) {
        return new Schema(name, List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    /** A schema holding only tables. */
    public static Schema ofTables(String name, List<Table> tables, String comment) {
        return empty(name).withTables(tables).withComment(comment);
    }

    public Schema withTables(List<Table> newTables) {
        return new Schema(name, newTables, comment, sequences, enums, domains, compositeTypes, rangeTypes, views,
                routines, collations, grants, aggregates, textSearchDictionaries,
                textSearchConfigurations, renamedFrom);
    }

    public Schema withComment(String newComment) {
        return new Schema(name, tables, newComment, sequences, enums, domains, compositeTypes, rangeTypes, views,
                routines, collations, grants, aggregates, textSearchDictionaries,
                textSearchConfigurations, renamedFrom);
    }

    public Schema withSequences(List<Sequence> newSequences) {
        return new Schema(name, tables, comment, newSequences, enums, domains, compositeTypes, rangeTypes, views,
                routines, collations, grants, aggregates, textSearchDictionaries,
                textSearchConfigurations, renamedFrom);
    }

    public Schema withEnums(List<EnumType> newEnums) {
        return new Schema(name, tables, comment, sequences, newEnums, domains, compositeTypes, rangeTypes, views,
                routines, collations, grants, aggregates, textSearchDictionaries,
                textSearchConfigurations, renamedFrom);
    }

    public Schema withDomains(List<Domain> newDomains) {
        return new Schema(name, tables, comment, sequences, enums, newDomains, compositeTypes, rangeTypes, views,
                routines, collations, grants, aggregates, textSearchDictionaries,
                textSearchConfigurations, renamedFrom);
    }

    public Schema withCompositeTypes(List<CompositeType> newCompositeTypes) {
        return new Schema(name, tables, comment, sequences, enums, domains, newCompositeTypes, rangeTypes, views,
                routines, collations, grants, aggregates, textSearchDictionaries,
                textSearchConfigurations, renamedFrom);
    }

    public Schema withRangeTypes(List<RangeType> newRangeTypes) {
        return new Schema(name, tables, comment, sequences, enums, domains, compositeTypes, newRangeTypes, views,
                routines, collations, grants, aggregates, textSearchDictionaries,
                textSearchConfigurations, renamedFrom);
    }

    public Schema withViews(List<View> newViews) {
        return new Schema(name, tables, comment, sequences, enums, domains, compositeTypes, rangeTypes, newViews,
                routines, collations, grants, aggregates, textSearchDictionaries,
                textSearchConfigurations, renamedFrom);
    }

    public Schema withRoutines(List<Routine> newRoutines) {
        return new Schema(name, tables, comment, sequences, enums, domains, compositeTypes, rangeTypes, views,
                newRoutines, collations, grants, aggregates, textSearchDictionaries,
                textSearchConfigurations, renamedFrom);
    }

    public Schema withCollations(List<Collation> newCollations) {
        return new Schema(name, tables, comment, sequences, enums, domains, compositeTypes, rangeTypes, views, routines,
                newCollations, grants, aggregates, textSearchDictionaries,
                textSearchConfigurations, renamedFrom);
    }

    public Schema withGrants(List<Grant> newGrants) {
        return new Schema(name, tables, comment, sequences, enums, domains, compositeTypes, rangeTypes, views, routines,
                collations, newGrants, aggregates, textSearchDictionaries,
                textSearchConfigurations, renamedFrom);
    }

    public Schema withTextSearchDictionaries(List<TextSearchDictionary> newDictionaries) {
        return new Schema(name, tables, comment, sequences, enums, domains, compositeTypes, rangeTypes, views, routines,
                collations, grants, aggregates, newDictionaries, textSearchConfigurations, renamedFrom);
    }

    public Schema withTextSearchConfigurations(List<TextSearchConfiguration> newConfigurations) {
        return new Schema(name, tables, comment, sequences, enums, domains, compositeTypes, rangeTypes, views, routines,
                collations, grants, aggregates, textSearchDictionaries, newConfigurations, renamedFrom);
    }

    public Schema withAggregates(List<Aggregate> newAggregates) {
        return new Schema(name, tables, comment, sequences, enums, domains, compositeTypes, rangeTypes, views, routines,
                collations, grants, newAggregates, textSearchDictionaries,
                textSearchConfigurations, renamedFrom);
    }

    /** Every object of the schema other than its tables, in a fixed order of kinds (collations first: types and columns use them). */
    public List<SchemaObject> objects() {
        List<SchemaObject> all = new ArrayList<>(collations);
        all.addAll(sequences);
        all.addAll(enums);
        all.addAll(domains);
        all.addAll(compositeTypes);
        all.addAll(rangeTypes);
        all.addAll(views);
        all.addAll(routines);
        all.addAll(aggregates);
        return all;
    }

    private static void requireOwnGrants(String schema, List<Grant> grants) {
        Set<Grant.Key> keys = new HashSet<>();
        for (Grant grant : grants) {
            if (!grant.schema().equals(schema)) {
                throw new IllegalArgumentException("schema " + schema + " lists a grant on " + Grant.objectName(grant.on())
                        + ", which belongs to schema " + grant.schema());
            }
            if (!keys.add(grant.key())) {
                throw new IllegalArgumentException("schema " + schema + " lists " + grant.privilege() + " on "
                        + Grant.kindWord(grant.on()) + " " + Grant.objectName(grant.on()) + " for " + grant.grantee()
                        + " twice (granted, revoked or with another grant option); keep one");
            }
        }
    }

    @SafeVarargs
    private static void requireUnique(String schema, String what, List<String>... groups) {
        Set<String> names = new HashSet<>();
        for (List<String> group : groups) {
            for (String objectName : group) {
                if (!names.add(objectName)) {
                    throw new IllegalArgumentException("schema " + schema + " declares " + what + " " + objectName + " twice");
                }
            }
        }
    }

    /** Starts the DSL: {@code Schema.named("public").table("orders", t -> ...).build()}. */
    public static SchemaBuilder named(String name) {
        return new SchemaBuilder(name);
    }

    public Optional<Table> table(String tableName) {
        return ((TableList) tables).named(tableName);
    }

    public Schema withName(String newName) {
        return new Schema(newName, tables, comment, sequences, enums, domains, compositeTypes, rangeTypes, views,
                routines, collations, grants, aggregates, textSearchDictionaries, textSearchConfigurations,
                renamedFrom);
    }

    /** The same schema declared renamed from {@code oldName} (null: not renamed). */
    public Schema withRenamedFrom(String oldName) {
        return new Schema(name, tables, comment, sequences, enums, domains, compositeTypes, rangeTypes, views,
                routines, collations, grants, aggregates, textSearchDictionaries, textSearchConfigurations,
                oldName);
    }
}
