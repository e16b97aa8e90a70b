package dev.schemaguard.diff;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An index or constraint that differs from one of the actual table only by its name is that object, renamed: it is
 * declared {@code renamed_from} the actual name before the declared renames are applied ({@link DeclaredRenames}),
 * so it is renamed in place (RENAME CONSTRAINT, ALTER INDEX ... RENAME) instead of dropped and built again.
 *
 * <p>The usual case is a table declared renamed: PostgreSQL keeps its constraints under names made from the old
 * table's name ({@code orders_pkey}), while a declaration that names none expects the new table's
 * ({@code purchases_pkey}). Dropping and adding such a primary key rebuilt its index under an ACCESS EXCLUSIVE lock,
 * and dropped and re-validated every foreign key referencing it. Only an unambiguous pair counts: of one kind, equal
 * but for the name, neither equal so to any other unmatched object; and only on tables where nothing of that kind is
 * declared renamed already.
 */
final class SameDefinitionRenames {

    private SameDefinitionRenames() {
    }

    /** {@code want} with each such index and constraint declared renamed from its actual name. */
    static Schema declare(Schema want, Schema have) {
        Map<String, Table> haveTables = null; // by name, made only when the two lists are not in the same order
        List<Table> tables = null;
        for (int i = 0; i < want.tables().size(); i++) {
            Table wantTable = want.tables().get(i);
            Table haveTable = i < have.tables().size() ? have.tables().get(i) : null;
            if (haveTable == null || !haveTable.name().equals(wantTable.name())) {
                if (haveTables == null) {
                    haveTables = new HashMap<>();
                    for (Table table : have.tables()) {
                        haveTables.put(table.name(), table);
                    }
                }
                haveTable = haveTables.get(wantTable.name());
            }
            Table declared = haveTable == null || haveTable == wantTable ? wantTable : declare(wantTable, haveTable);
            if (declared != wantTable) {
                if (tables == null) {
                    tables = new ArrayList<>(want.tables());
                }
                tables.set(i, declared);
            }
        }
        return tables == null ? want : want.withTables(tables);
    }

    private static Table declare(Table want, Table have) {
        boolean sameIndexNames = sameNames(want.indexes(), have.indexes(), Index::name);
        boolean sameConstraintNames = sameConstraintNames(want, have);
        if (sameIndexNames && sameConstraintNames) {
            return want; // the usual case
        }
        Table declared = want;
        if (!sameIndexNames && want.indexes().stream().allMatch(i -> i.renamedFrom() == null)) {
            declared = declared.withIndexes(renamed(want.indexes(), have.indexes(), Index::name, Index::withName,
                    Index::withRenamedFrom, names(have.indexes(), Index::name), names(want.indexes(), Index::name)));
        }
        if (sameConstraintNames || want.constraints().stream().anyMatch(c -> c.renamedFrom() != null)) {
            return declared; // renames declared here say what is meant
        }
        Set<String> haveConstraintNames = names(have.constraints(), Constraint::name);
        Set<String> wantConstraintNames = names(want.constraints(), Constraint::name);
        declared = declared.withPrimaryKey(want.primaryKey() == null ? null
                : renamed(List.of(want.primaryKey()), have.primaryKey() == null ? List.of() : List.of(have.primaryKey()),
                PrimaryKey::name, PrimaryKey::withName, PrimaryKey::withRenamedFrom,
                haveConstraintNames, wantConstraintNames).get(0));
        declared = declared.withUniqueConstraints(renamed(want.uniqueConstraints(), have.uniqueConstraints(),
                UniqueConstraint::name, UniqueConstraint::withName,
                UniqueConstraint::withRenamedFrom, haveConstraintNames, wantConstraintNames));
        declared = declared.withForeignKeys(renamed(want.foreignKeys(), have.foreignKeys(), ForeignKey::name,
                ForeignKey::withName, ForeignKey::withRenamedFrom, haveConstraintNames, wantConstraintNames));
        declared = declared.withCheckConstraints(renamed(want.checkConstraints(), have.checkConstraints(),
                CheckConstraint::name, CheckConstraint::withName,
                CheckConstraint::withRenamedFrom, haveConstraintNames, wantConstraintNames));
        return declared.withExclusionConstraints(renamed(want.exclusionConstraints(), have.exclusionConstraints(),
                ExclusionConstraint::name, ExclusionConstraint::withName,
                ExclusionConstraint::withRenamedFrom, haveConstraintNames, wantConstraintNames));
    }

    /**
     * {@code wanted}, each one that has a single equal-but-for-the-name partner among the actual objects of its kind
     * (which has no other) declared renamed from that partner's name. The list itself when none has.
     */
    private static <T> List<T> renamed(List<T> wanted, List<T> actual, Function<T, String> name,
                                       BiFunction<T, String, T> withName, BiFunction<T, String, T> withRenamedFrom,
                                       Set<String> actualNames, Set<String> wantedNames) {
        List<T> unmatchedWanted = wanted.stream().filter(w -> !actualNames.contains(name.apply(w))).toList();
        List<T> unmatchedActual = actual.stream().filter(a -> !wantedNames.contains(name.apply(a))).toList();
        if (unmatchedWanted.isEmpty() || unmatchedActual.isEmpty()) {
            return wanted;
        }
        Map<T, String> oldNames = new HashMap<>();
        for (T w : unmatchedWanted) {
            List<T> partners = unmatchedActual.stream().filter(a -> withName.apply(w, name.apply(a)).equals(a)).toList();
            if (partners.size() == 1) {
                T partner = partners.get(0);
                long rivals = unmatchedWanted.stream()
                        .filter(other -> withName.apply(other, name.apply(partner)).equals(partner)).count();
                if (rivals == 1) {
                    oldNames.put(w, name.apply(partner));
                }
            }
        }
        if (oldNames.isEmpty()) {
            return wanted;
        }
        return wanted.stream().map(w -> oldNames.containsKey(w) ? withRenamedFrom.apply(w, oldNames.get(w)) : w).toList();
    }

    /** Whether both tables name their constraints alike, kind by kind (called for every table pair: no allocation). */
    private static boolean sameConstraintNames(Table a, Table b) {
        PrimaryKey keyA = a.primaryKey();
        PrimaryKey keyB = b.primaryKey();
        return (keyA == null ? keyB == null : keyB != null && keyA.name().equals(keyB.name()))
                && sameNames(a.uniqueConstraints(), b.uniqueConstraints(), UniqueConstraint::name)
                && sameNames(a.foreignKeys(), b.foreignKeys(), ForeignKey::name)
                && sameNames(a.checkConstraints(), b.checkConstraints(), CheckConstraint::name)
                && sameNames(a.exclusionConstraints(), b.exclusionConstraints(), ExclusionConstraint::name);
    }

    /** Whether both lists hold the same names (each list's names are distinct); in the same order, the usual case, at once. */
    private static <T> boolean sameNames(List<T> a, List<T> b, Function<T, String> name) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            String wanted = name.apply(a.get(i));
            if (!name.apply(b.get(i)).equals(wanted) && !contains(b, wanted, name)) {
                return false;
            }
        }
        return true;
    }

    private static <T> boolean contains(List<T> objects, String wanted, Function<T, String> name) {
        for (T object : objects) {
            if (name.apply(object).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static <T> Set<String> names(List<T> objects, Function<T, String> name) {
        Set<String> names = new HashSet<>();
        objects.forEach(o -> names.add(name.apply(o)));
        return names;
    }
}
