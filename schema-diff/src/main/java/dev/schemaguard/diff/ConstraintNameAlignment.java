package dev.schemaguard.diff;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Gives the constraints and indexes of an expected model the names they have in the actual database when only
 * the name differs. Use it when the expected model cannot know the names: entities whose constraints the ORM
 * names with hashes ({@code FK6l0xjn48...}), or hand-written migrations that chose other names.
 *
 * <p>An expected constraint (index) is renamed when its name is not in the actual table and exactly one actual
 * constraint of the same kind (index) with the same definition is not claimed by name by the expected table.
 * Everything else is left alone, so a constraint that really is missing or different is still reported by
 * {@link SchemaDiff#compare(Database, Database)}. Run it on the expected side only:
 * {@code SchemaDiff.compare(ConstraintNameAlignment.align(expected, actual), actual)}.
 */
public final class ConstraintNameAlignment {

    private ConstraintNameAlignment() {
    }

    public static Database align(Database expected, Database actual) {
        List<Schema> schemas = new ArrayList<>();
        for (Schema schema : expected.schemas()) {
            Schema found = actual.schema(schema.name()).orElse(null);
            if (found == null) {
                schemas.add(schema);
                continue;
            }
            List<Table> tables = new ArrayList<>();
            for (Table table : schema.tables()) {
                tables.add(found.table(table.name()).map(t -> align(table, t)).orElse(table));
            }
            schemas.add(schema.withTables(tables));
        }
        return expected.withSchemas(schemas);
    }

    static Table align(Table want, Table have) {
        Set<String> wantNames = new HashSet<>();
        want.constraints().forEach(c -> wantNames.add(c.name()));
        want.indexes().forEach(i -> wantNames.add(i.name()));
        Set<String> haveNames = new HashSet<>();
        have.constraints().forEach(c -> haveNames.add(c.name()));
        have.indexes().forEach(i -> haveNames.add(i.name()));
        Names names = new Names(wantNames, haveNames);

        PrimaryKey primaryKey = want.primaryKey();
        if (primaryKey != null && have.primaryKey() != null
                && names.unmatched(primaryKey.name(), have.primaryKey().name())
                && primaryKey.columns().equals(have.primaryKey().columns())) {
            primaryKey = primaryKey.withName(have.primaryKey().name());
        }
        List<UniqueConstraint> uniques = rename(want.uniqueConstraints(), have.uniqueConstraints(), names,
                UniqueConstraint::name, UniqueConstraint::withName, SchemaComparer::sameConstraint);
        List<ForeignKey> foreignKeys = rename(want.foreignKeys(), have.foreignKeys(), names, ForeignKey::name,
                ForeignKey::withName, SchemaComparer::sameConstraint);
        List<CheckConstraint> checks = rename(want.checkConstraints(), have.checkConstraints(), names,
                CheckConstraint::name, CheckConstraint::withName, SchemaComparer::sameConstraint);
        List<ExclusionConstraint> exclusions = rename(want.exclusionConstraints(), have.exclusionConstraints(), names,
                ExclusionConstraint::name, ExclusionConstraint::withName, SchemaComparer::sameConstraint);
        List<Index> indexes = rename(want.indexes(), have.indexes(), names, Index::name,
                Index::withName, SchemaComparer::sameIndex);
        Table aligned = want.withConstraintComments(Map.of()).withPrimaryKey(primaryKey).withUniqueConstraints(uniques)
                .withForeignKeys(foreignKeys).withCheckConstraints(checks).withExclusionConstraints(exclusions)
                .withIndexes(indexes);
        // constraints keep their place in the lists: the comment follows a constraint to its new name
        Map<String, String> comments = new java.util.TreeMap<>();
        List<Constraint> before = want.constraints();
        List<Constraint> after = aligned.constraints();
        for (int i = 0; i < before.size(); i++) {
            String comment = want.constraintComment(before.get(i).name());
            if (comment != null) {
                comments.put(after.get(i).name(), comment);
            }
        }
        return aligned.withConstraintComments(comments);
    }

    /** Names on both sides; an actual name is claimed once it is matched by name or taken by a rename. */
    private record Names(Set<String> want, Set<String> have) {
        boolean unmatched(String wantName, String haveName) {
            return !have.contains(wantName) && !want.contains(haveName);
        }
    }

    private static <T> List<T> rename(List<T> want, List<T> have, Names names, Function<T, String> name,
                                      BiFunction<T, String, T> withName, BiPredicate<T, T> same) {
        Set<String> taken = new HashSet<>();
        List<T> result = new ArrayList<>();
        for (T item : want) {
            T aligned = item;
            if (!names.have().contains(name.apply(item))) {
                List<T> matches = have.stream()
                        .filter(h -> !names.want().contains(name.apply(h)) && !taken.contains(name.apply(h)))
                        .filter(h -> same.test(withName.apply(item, name.apply(h)), h))
                        .toList();
                if (matches.size() == 1) {
                    aligned = withName.apply(item, name.apply(matches.get(0)));
                    taken.add(name.apply(matches.get(0)));
                }
            }
            result.add(aligned);
        }
        return result;
    }
}
