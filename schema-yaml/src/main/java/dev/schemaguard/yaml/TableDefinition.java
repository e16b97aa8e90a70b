package dev.schemaguard.yaml;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexBuilder;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.PolicyBuilder;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.TableBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A table as the YAML spells it: the model's parts, with a null name wherever the YAML leaves the name out
 * (the model's DSL then supplies PostgreSQL's default name), and a flag for constraints written on their
 * column. Reader and writer share {@link #build()}, so the names the writer leaves out are exactly the names
 * the reader derives. The parents ({@code partitionOf}, {@code inherits}) are part of it because a child's
 * indexes and constraints may name the columns it inherits.
 */
record TableDefinition(
        String name,
        List<Column> columns,
        PrimaryKeyDef primaryKey,
        List<UniqueDef> uniques,
        List<ForeignKeyDef> foreignKeys,
        List<CheckDef> checks,
        List<IndexDef> indexes,
        RowSecurity rowSecurity,
        List<Policy> policies,
        String comment,
        PartitionBound partitionOf,
        List<QualifiedName> inherits) {

    record PrimaryKeyDef(String name, List<String> columns, boolean onColumn, String renamedFrom) {
    }

    record UniqueDef(String name, List<String> columns, boolean nullsNotDistinct, boolean deferrable,
                     boolean initiallyDeferred, boolean onColumn, String renamedFrom) {
    }

    record ForeignKeyDef(String name, List<String> columns, QualifiedName table, List<String> referencedColumns,
                         ForeignKey.ReferentialAction onUpdate, ForeignKey.ReferentialAction onDelete,
                         ForeignKey.MatchType match, boolean deferrable, boolean initiallyDeferred, boolean notValid,
                         boolean onColumn, String renamedFrom) {
    }

    record CheckDef(String name, String expression, boolean noInherit, boolean notValid, String renamedFrom) {
    }

    record IndexDef(String name, boolean unique, String method, List<IndexKey> keys, List<String> include,
                    String predicate, boolean nullsNotDistinct, List<String> storageParameters, String comment,
                    String renamedFrom) {
    }

    /**
     * The model table. Constraints are registered kind by kind in list order, so a default name depends only
     * on the constraints of the same kind before it, never on which ones are written on their column.
     * Primary key columns are NOT NULL, as in PostgreSQL.
     */
    Table build() {
        return Table.named(name, table -> {
            columns.forEach(table::column);
            if (primaryKey != null) {
                var key = table.primaryKey(primaryKey.columns().toArray(String[]::new));
                if (primaryKey.name() != null) {
                    key.named(primaryKey.name());
                }
                key.renamedFrom(primaryKey.renamedFrom());
            }
            uniques.forEach(unique -> addUnique(table, unique));
            foreignKeys.forEach(foreignKey -> addForeignKey(table, foreignKey));
            for (CheckDef check : checks) {
                var builder = table.check(check.expression());
                if (check.name() != null) {
                    builder.named(check.name());
                }
                if (check.noInherit()) {
                    builder.noInherit();
                }
                if (check.notValid()) {
                    builder.notValid();
                }
                builder.renamedFrom(check.renamedFrom());
            }
            indexes.forEach(index -> addIndex(table, index));
            if (rowSecurity.enabled()) {
                table.rowLevelSecurity();
            }
            if (rowSecurity.forced()) {
                table.forceRowLevelSecurity();
            }
            policies.forEach(policy -> addPolicy(table, policy));
            table.comment(comment);
            if (partitionOf != null) {
                table.partitionOf(partitionOf);
            }
            inherits.forEach(table::inherits);
        });
    }

    private static void addUnique(TableBuilder table, UniqueDef unique) {
        var builder = table.unique(unique.columns().toArray(String[]::new));
        if (unique.name() != null) {
            builder.named(unique.name());
        }
        if (unique.nullsNotDistinct()) {
            builder.nullsNotDistinct();
        }
        if (unique.deferrable()) {
            builder.deferrable();
        }
        if (unique.initiallyDeferred()) {
            builder.initiallyDeferred();
        }
        builder.renamedFrom(unique.renamedFrom());
    }

    private static void addForeignKey(TableBuilder table, ForeignKeyDef foreignKey) {
        var builder = table.foreignKey(foreignKey.columns().toArray(String[]::new))
                .references(foreignKey.table(), foreignKey.referencedColumns().toArray(String[]::new))
                .onUpdate(foreignKey.onUpdate()).onDelete(foreignKey.onDelete());
        if (foreignKey.name() != null) {
            builder.named(foreignKey.name());
        }
        if (foreignKey.match() == ForeignKey.MatchType.FULL) {
            builder.matchFull();
        }
        if (foreignKey.deferrable()) {
            builder.deferrable();
        }
        if (foreignKey.notValid()) {
            builder.notValid();
        }
        if (foreignKey.initiallyDeferred()) {
            builder.initiallyDeferred();
        }
        builder.renamedFrom(foreignKey.renamedFrom());
    }

    private static void addIndex(TableBuilder table, IndexDef index) {
        IndexBuilder builder = table.index(index.keys().toArray(IndexKey[]::new))
                .using(index.method()).include(index.include().toArray(String[]::new)).where(index.predicate());
        if (index.name() != null) {
            builder.named(index.name());
        }
        if (index.unique()) {
            builder.unique();
        }
        index.storageParameters().forEach(parameter -> builder.storageParameter(
                parameter.substring(0, parameter.indexOf('=')), parameter.substring(parameter.indexOf('=') + 1)));
        if (index.comment() != null) {
            builder.comment(index.comment());
        }
        if (index.nullsNotDistinct()) {
            builder.nullsNotDistinct();
        }
        builder.renamedFrom(index.renamedFrom());
    }

    private static void addPolicy(TableBuilder table, Policy policy) {
        PolicyBuilder builder = table.policy(policy.name()).forCommand(policy.command())
                .to(policy.roles().toArray(String[]::new)).using(policy.using()).withCheck(policy.withCheck());
        if (!policy.permissive()) {
            builder.restrictive();
        }
    }

    /**
     * How the writer spells {@code table}: names left out where they equal the derived default, and the
     * leading single-column primary key, unique constraints and foreign keys moved onto their columns where
     * the reader would put them back in the same order.
     */
    static TableDefinition of(Table table) {
        TableDefinition named = spelledOut(table);
        DerivedNames derivedNames = new DerivedNames(named);
        PrimaryKeyDef primaryKey = null;
        if (named.primaryKey() != null) {
            PrimaryKeyDef key = named.primaryKey();
            boolean derived = derivedNames.isDerived(key.name(), () -> named.withPrimaryKey(new PrimaryKeyDef(null, key.columns(), false, null)),
                    t -> t.primaryKey().name());
            primaryKey = new PrimaryKeyDef(derived ? null : key.name(), key.columns(),
                    derived && key.columns().size() == 1 && key.renamedFrom() == null, key.renamedFrom());
        }
        List<UniqueDef> uniques = new ArrayList<>();
        int lastColumn = -1;
        boolean columnLevelPossible = true;
        for (int i = 0; i < named.uniques().size(); i++) {
            UniqueDef unique = named.uniques().get(i);
            int at = i;
            UniqueDef unnamed = new UniqueDef(null, unique.columns(), unique.nullsNotDistinct(), unique.deferrable(),
                    unique.initiallyDeferred(), false, null);
            String name = derivedNames.isDerived(unique.name(), () -> named.withUniques(replace(named.uniques(), at, unnamed)),
                    t -> t.uniqueConstraints().get(at).name()) ? null : unique.name();
            int column = unique.columns().size() == 1 ? columnIndex(table, unique.columns().get(0)) : -1;
            boolean onColumn = columnLevelPossible && name == null && column > lastColumn
                    && !unique.nullsNotDistinct() && !unique.deferrable() && unique.renamedFrom() == null;
            if (onColumn) {
                lastColumn = column;
            } else {
                columnLevelPossible = false;
            }
            uniques.add(new UniqueDef(name, unique.columns(), unique.nullsNotDistinct(), unique.deferrable(),
                    unique.initiallyDeferred(), onColumn, unique.renamedFrom()));
        }
        List<ForeignKeyDef> foreignKeys = new ArrayList<>();
        lastColumn = -1;
        columnLevelPossible = true;
        for (int i = 0; i < named.foreignKeys().size(); i++) {
            ForeignKeyDef fk = named.foreignKeys().get(i);
            int at = i;
            ForeignKeyDef unnamed = new ForeignKeyDef(null, fk.columns(), fk.table(), fk.referencedColumns(), fk.onUpdate(),
                    fk.onDelete(), fk.match(), fk.deferrable(), fk.initiallyDeferred(), fk.notValid(), false, null);
            String name = derivedNames.isDerived(fk.name(), () -> named.withForeignKeys(replace(named.foreignKeys(), at, unnamed)),
                    t -> t.foreignKeys().get(at).name()) ? null : fk.name();
            int column = fk.columns().size() == 1 ? columnIndex(table, fk.columns().get(0)) : -1;
            boolean onColumn = columnLevelPossible && name == null && column > lastColumn
                    && fk.match() == ForeignKey.MatchType.SIMPLE && !fk.deferrable() && !fk.notValid()
                    && fk.renamedFrom() == null;
            if (onColumn) {
                lastColumn = column;
            } else {
                columnLevelPossible = false;
            }
            foreignKeys.add(new ForeignKeyDef(name, fk.columns(), fk.table(), fk.referencedColumns(), fk.onUpdate(),
                    fk.onDelete(), fk.match(), fk.deferrable(), fk.initiallyDeferred(), fk.notValid(), onColumn, fk.renamedFrom()));
        }
        List<CheckDef> checks = new ArrayList<>();
        for (int i = 0; i < named.checks().size(); i++) {
            CheckDef check = named.checks().get(i);
            int at = i;
            CheckDef unnamed = new CheckDef(null, check.expression(), check.noInherit(), check.notValid(), null);
            String name = derivedNames.isDerived(check.name(), () -> named.withChecks(replace(named.checks(), at, unnamed)),
                    t -> t.checkConstraints().get(at).name()) ? null : check.name();
            checks.add(new CheckDef(name, check.expression(), check.noInherit(), check.notValid(), check.renamedFrom()));
        }
        List<IndexDef> indexes = new ArrayList<>();
        for (int i = 0; i < named.indexes().size(); i++) {
            IndexDef index = named.indexes().get(i);
            int at = i;
            IndexDef unnamed = new IndexDef(null, index.unique(), index.method(), index.keys(), index.include(),
                    index.predicate(), index.nullsNotDistinct(), index.storageParameters(), index.comment(), null);
            String name = derivedNames.isDerived(index.name(), () -> named.withIndexes(replace(named.indexes(), at, unnamed)),
                    t -> t.indexes().get(at).name()) ? null : index.name();
            indexes.add(new IndexDef(name, index.unique(), index.method(), index.keys(), index.include(),
                    index.predicate(), index.nullsNotDistinct(), index.storageParameters(), index.comment(),
                    index.renamedFrom()));
        }
        return new TableDefinition(table.name(), table.columns(), primaryKey, uniques, foreignKeys, checks, indexes,
                table.rowSecurity(), table.policies(), table.comment(), table.partitionOf(), table.inherits());
    }

    /**
     * Whether the reader derives each part's name, asked in the order the parts are registered (primary key, unique
     * constraints, foreign keys, checks, indexes). As long as every part before has the name the reader derives, one
     * table built with every name left out answers: a derived name depends only on the parts registered before it
     * ({@link #isDerived}), and those are named alike in both. From the first part with a name of its own on, each
     * part takes a build of its own, as before. A snapshot of 10,000 tables, whose names are nearly all derived, is
     * written with one build per table instead of one per part.
     */
    private static final class DerivedNames {
        private final Table unnamed;
        private boolean everyPartBeforeDerived = true;

        DerivedNames(TableDefinition named) {
            Table built;
            try {
                built = named.withoutNames().build();
            } catch (IllegalArgumentException e) {
                built = null;
            }
            this.unnamed = built;
        }

        /** {@code withoutName}: the definition with this part's name left out, made only when a build of its own is needed. */
        boolean isDerived(String name, Supplier<TableDefinition> withoutName, Function<Table, String> nameOf) {
            if (unnamed == null || !everyPartBeforeDerived) {
                return TableDefinition.isDerived(name, withoutName.get(), nameOf);
            }
            everyPartBeforeDerived = name.equals(nameOf.apply(unnamed));
            return everyPartBeforeDerived;
        }
    }

    /** This definition with every constraint and index name left out. */
    private TableDefinition withoutNames() {
        return new TableDefinition(name, columns,
                primaryKey == null ? null : new PrimaryKeyDef(null, primaryKey.columns(), false, null),
                uniques.stream().map(u -> new UniqueDef(null, u.columns(), u.nullsNotDistinct(), u.deferrable(),
                        u.initiallyDeferred(), false, null)).toList(),
                foreignKeys.stream().map(f -> new ForeignKeyDef(null, f.columns(), f.table(), f.referencedColumns(),
                        f.onUpdate(), f.onDelete(), f.match(), f.deferrable(), f.initiallyDeferred(), f.notValid(),
                        false, null)).toList(),
                checks.stream().map(c -> new CheckDef(null, c.expression(), c.noInherit(), c.notValid(), null)).toList(),
                indexes.stream().map(i -> new IndexDef(null, i.unique(), i.method(), i.keys(), i.include(), i.predicate(),
                        i.nullsNotDistinct(), i.storageParameters(), i.comment(), null)).toList(),
                rowSecurity, policies, comment, partitionOf, inherits);
    }

    /**
     * Whether the reader, given {@code withoutName} (the table with one name left out), derives {@code name}
     * for that part. A derived default name depends only on the parts registered before it, never on
     * which other names are spelled out, so each part can be checked on its own.
     */
    private static boolean isDerived(String name, TableDefinition withoutName, Function<Table, String> nameOf) {
        try {
            return name.equals(nameOf.apply(withoutName.build()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static <T> List<T> replace(List<T> list, int index, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, item);
        return copy;
    }

    private TableDefinition withPrimaryKey(PrimaryKeyDef key) {
        return new TableDefinition(name, columns, key, uniques, foreignKeys, checks, indexes, rowSecurity, policies, comment, partitionOf, inherits);
    }

    private TableDefinition withUniques(List<UniqueDef> list) {
        return new TableDefinition(name, columns, primaryKey, list, foreignKeys, checks, indexes, rowSecurity, policies, comment, partitionOf, inherits);
    }

    private TableDefinition withForeignKeys(List<ForeignKeyDef> list) {
        return new TableDefinition(name, columns, primaryKey, uniques, list, checks, indexes, rowSecurity, policies, comment, partitionOf, inherits);
    }

    private TableDefinition withChecks(List<CheckDef> list) {
        return new TableDefinition(name, columns, primaryKey, uniques, foreignKeys, list, indexes, rowSecurity, policies, comment, partitionOf, inherits);
    }

    private TableDefinition withIndexes(List<IndexDef> list) {
        return new TableDefinition(name, columns, primaryKey, uniques, foreignKeys, checks, list, rowSecurity, policies, comment, partitionOf, inherits);
    }

    private static int columnIndex(Table table, String column) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** Every part with its name, nothing on columns. */
    private static TableDefinition spelledOut(Table table) {
        PrimaryKeyDef primaryKey = table.primaryKey() == null ? null
                : new PrimaryKeyDef(table.primaryKey().name(), table.primaryKey().columns(), false,
                table.primaryKey().renamedFrom());
        return new TableDefinition(table.name(), table.columns(), primaryKey,
                table.uniqueConstraints().stream().map(u -> new UniqueDef(u.name(), u.columns(), u.nullsNotDistinct(),
                        u.deferrable(), u.initiallyDeferred(), false, u.renamedFrom())).toList(),
                table.foreignKeys().stream().map(f -> new ForeignKeyDef(f.name(), f.columns(), f.referencedTable(),
                        f.referencedColumns(), f.onUpdate(), f.onDelete(), f.match(), f.deferrable(),
                        f.initiallyDeferred(), f.notValid(), false, f.renamedFrom())).toList(),
                table.checkConstraints().stream().map(c -> new CheckDef(c.name(), c.expression(), c.noInherit(),
                        c.notValid(), c.renamedFrom())).toList(),
                table.indexes().stream().map(TableDefinition::indexDef).toList(),
                table.rowSecurity(), table.policies(), table.comment(), table.partitionOf(), table.inherits());
    }

    private static IndexDef indexDef(Index index) {
        return new IndexDef(index.name(), index.unique(), index.method(), index.keys(), index.include(),
                index.predicate(), index.nullsNotDistinct(), index.storageParameters(), index.comment(), index.renamedFrom());
    }
}
