package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The objects of a model by {@link ObjectKind}, for {@link ComparisonScope}: listing them and leaving some out. */
final class ModelObjects {

    private ModelObjects() {
    }

    /**
     * Whether to keep an object: its kind, schema (null for schemas and extensions), name, and identity (the
     * signature of a routine or aggregate; {@link #part} for an index, trigger or policy; else the name).
     */
    @FunctionalInterface
    interface Keep {
        boolean test(ObjectKind kind, String schema, String name, String identity);
    }

    static String key(ObjectKind kind, String schema, String identity) {
        return kind + "\u0000" + schema + "\u0000" + identity;
    }

    /** The identity of a part of a table: the table's name and the part's, apart. */
    static String part(String table, String name) {
        return table + "\u0000" + name;
    }

    static String display(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    /** The keys ({@link #key}) of every object of {@code database}. */
    static Set<String> keys(Database database) {
        Set<String> keys = new HashSet<>();
        retain(database, (kind, schema, name, identity) -> keys.add(key(kind, schema, identity)) || true);
        return keys;
    }

    /**
     * {@code database} with only the objects {@code keep} accepts, and without what belongs to those it does not. What
     * loses nothing is kept as the same instance: a scope that leaves nothing out rebuilds no table (at 10,000
     * tables, rebuilding and validating each one three times was a visible part of a check).
     */
    static Database retain(Database database, Keep keep) {
        Set<String> removed = new HashSet<>();
        Set<String> removedSchemas = new HashSet<>();
        List<Schema> schemas = new ArrayList<>();
        boolean partsRemoved = false;
        for (Schema schema : database.schemas()) {
            String s = schema.name();
            if (!keep.test(ObjectKind.SCHEMA, null, s, s)) {
                removedSchemas.add(s);
                continue;
            }
            List<Table> tables = new ArrayList<>();
            for (Table table : schema.tables()) {
                if (keep.test(ObjectKind.TABLE, s, table.name(), table.name())) {
                    Table kept = retainParts(table, s, keep);
                    partsRemoved |= kept != table;
                    tables.add(kept);
                } else {
                    removed.add(s + "\u0000" + table.name());
                }
            }
            // partitions of a table left out go with it (parents come before their partitions only by chance)
            boolean changed = true;
            while (changed) {
                changed = tables.removeIf(t -> t.partitionOf() != null && isRemoved(removed, removedSchemas,
                        t.partitionOf().parent().schema(), t.partitionOf().parent().name())
                        && removed.add(s + "\u0000" + t.name()));
            }
            Schema kept = schema.withTables(tables)
                    .withSequences(keptOnly(schema.sequences(), q -> keepNamed(keep, ObjectKind.SEQUENCE, s, q.name(), removed)
                            && (q.ownedByTable() == null || !removed.contains(s + "\u0000" + q.ownedByTable()))))
                    .withEnums(kept(schema.enums(), EnumType::name, keep, ObjectKind.TYPE, s, removed))
                    .withDomains(kept(schema.domains(), Domain::name, keep, ObjectKind.TYPE, s, removed))
                    .withCompositeTypes(kept(schema.compositeTypes(), CompositeType::name, keep, ObjectKind.TYPE, s, removed))
                    .withRangeTypes(kept(schema.rangeTypes(), RangeType::name, keep, ObjectKind.TYPE, s, removed))
                    .withViews(kept(schema.views(), View::name, keep, ObjectKind.VIEW, s, removed))
                    .withRoutines(keptOnly(schema.routines(),
                            r -> keepSigned(keep, ObjectKind.FUNCTION, s, r.name(), r.signature(), removed)))
                    .withAggregates(keptOnly(schema.aggregates(),
                            a -> keepSigned(keep, ObjectKind.AGGREGATE, s, a.name(), a.signature(), removed)))
                    .withCollations(kept(schema.collations(), Collation::name, keep, ObjectKind.COLLATION, s, removed))
                    .withTextSearchDictionaries(kept(schema.textSearchDictionaries(), TextSearchDictionary::name, keep,
                            ObjectKind.TEXT_SEARCH, s, removed))
                    .withTextSearchConfigurations(kept(schema.textSearchConfigurations(), TextSearchConfiguration::name,
                            keep, ObjectKind.TEXT_SEARCH, s, removed));
            kept = kept.withGrants(keptOnly(schema.grants(), g -> !refersToRemoved(g.on(), removed, removedSchemas)));
            schemas.add(kept);
        }
        List<Extension> extensions = keptOnly(database.extensions(),
                x -> keep.test(ObjectKind.EXTENSION, null, x.name(), x.name()));
        if (removed.isEmpty() && removedSchemas.isEmpty() && !partsRemoved && extensions == database.extensions()) {
            return database;
        }
        return database.withSchemas(schemas)
                .withExtensions(extensions)
                .withDependencies(keptOnly(database.dependencies(),
                        d -> !refersToRemoved(d.dependent(), removed, removedSchemas)
                                && !refersToRemoved(d.referenced(), removed, removedSchemas)));
    }

    /**
     * {@code table} without the indexes, triggers and policies {@code keep} refuses; itself when it refuses none (a
     * table's wither given the list it has returns the table).
     */
    private static Table retainParts(Table table, String schema, Keep keep) {
        return table
                .withIndexes(keptOnly(table.indexes(),
                        i -> keep.test(ObjectKind.INDEX, schema, i.name(), part(table.name(), i.name()))))
                .withTriggers(keptOnly(table.triggers(),
                        t -> keep.test(ObjectKind.TRIGGER, schema, t.name(), part(table.name(), t.name()))))
                .withPolicies(keptOnly(table.policies(),
                        p -> keep.test(ObjectKind.POLICY, schema, p.name(), part(table.name(), p.name()))));
    }

    /** The objects {@code keep} accepts: {@code objects} itself when that is all of them. */
    private static <T> List<T> keptOnly(List<T> objects, java.util.function.Predicate<T> keep) {
        List<T> kept = objects.stream().filter(keep).toList();
        return kept.size() == objects.size() ? objects : kept;
    }

    private static <T> List<T> kept(List<T> objects, Function<T, String> name, Keep keep, ObjectKind kind, String schema,
                                    Set<String> removed) {
        return keptOnly(objects, o -> keepNamed(keep, kind, schema, name.apply(o), removed));
    }

    private static boolean keepNamed(Keep keep, ObjectKind kind, String schema, String name, Set<String> removed) {
        return keepSigned(keep, kind, schema, name, name, removed);
    }

    private static boolean keepSigned(Keep keep, ObjectKind kind, String schema, String name, String identity,
                                      Set<String> removed) {
        if (keep.test(kind, schema, name, identity)) {
            return true;
        }
        removed.add(schema + "\u0000" + identity);
        return false;
    }

    private static boolean isRemoved(Set<String> removed, Set<String> removedSchemas, String schema, String name) {
        return removedSchemas.contains(schema) || removed.contains(schema + "\u0000" + name);
    }

    /** Whether {@code ref}, or the object it is part of, was left out. */
    private static boolean refersToRemoved(ObjectRef ref, Set<String> removed, Set<String> removedSchemas) {
        ObjectRef owner = ref.owner();
        if (owner.kind() == ObjectRef.Kind.SCHEMA) {
            return removedSchemas.contains(owner.name());
        }
        if (owner.kind() == ObjectRef.Kind.EXTENSION || owner.schema() == null) {
            return false;
        }
        return isRemoved(removed, removedSchemas, owner.schema(), owner.name());
    }
}
