package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaChange.ColumnRenamed;
import dev.schemaguard.diff.SchemaChange.ConstraintRenamed;
import dev.schemaguard.diff.SchemaChange.DeclaredRename;
import dev.schemaguard.diff.SchemaChange.IndexRenamed;
import dev.schemaguard.diff.SchemaChange.SchemaRenamed;
import dev.schemaguard.diff.SchemaChange.TableRenamed;
import dev.schemaguard.diff.SchemaChange.TypeRenamed;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The model a migration started from, with the renames the migration declared ({@code renamed_from}) turned
 * around: each object it renamed is declared renamed from its new name, so that the way back ({@link Rollback})
 * renames it back, rows and values kept, instead of dropping it and creating it again empty.
 *
 * <p>A migration's renames name objects by their new names (a table in a renamed schema by the schema's new name,
 * a column of a renamed table by the table's new name); the original model has the old ones.
 */
final class RenamesUndone {

    private final Map<String, String> oldSchemas = new HashMap<>();
    private final Map<QualifiedName, String> oldTables = new HashMap<>();

    private RenamesUndone() {
    }

    /** {@code original} with each rename {@code up} made declared the other way; {@code original} when it made none. */
    static Database in(Database original, MigrationPlan up) {
        Set<DeclaredRename> renames = new LinkedHashSet<>();
        for (PlanStatement statement : up.statements()) {
            if (statement.cause() instanceof PlanStatement.Cause.Planned planned
                    && planned.change() instanceof DeclaredRename rename) {
                renames.add(rename);
            }
        }
        if (renames.isEmpty()) {
            return original;
        }
        RenamesUndone undone = new RenamesUndone();
        for (DeclaredRename rename : renames) {
            if (rename instanceof SchemaRenamed schema) {
                undone.oldSchemas.put(schema.schema(), schema.oldName());
            }
        }
        for (DeclaredRename rename : renames) {
            if (rename instanceof TableRenamed table) {
                undone.oldTables.put(table.table(), table.oldName());
            }
        }
        Database result = original;
        for (DeclaredRename rename : renames) {
            result = undone.declareBack(result, rename);
        }
        return result;
    }

    /**
     * {@code migrated} as a read of the database would give it: without the renames it declares (a declared target, as
     * {@code diff} takes it), which the way back starts from, not toward.
     */
    static Database withoutDeclarations(Database migrated) {
        return migrated.withSchemas(migrated.schemas().stream().map(s -> s.withRenamedFrom(null)
                .withEnums(s.enums().stream().map(e -> e.withRenamedFrom(null)).toList())
                .withDomains(s.domains().stream().map(d -> d.withRenamedFrom(null)).toList())
                .withCompositeTypes(s.compositeTypes().stream().map(c -> c.withRenamedFrom(null)).toList())
                .withRangeTypes(s.rangeTypes().stream().map(r -> r.withRenamedFrom(null)).toList())
                .withTables(s.tables().stream().map(t -> t.withRenamedFrom(null)
                        .withColumns(t.columns().stream().map(c -> c.withRenamedFrom(null)).toList())
                        .withoutIndexAndConstraintRenames()).toList()))
                .toList());
    }

    private Database declareBack(Database original, DeclaredRename rename) {
        if (rename instanceof SchemaRenamed schema) {
            return onSchema(original, schema.oldName(), s -> s.withRenamedFrom(schema.schema()));
        }
        if (rename instanceof TypeRenamed type) {
            String newName = type.type().name();
            String oldName = type.oldName();
            return onSchema(original, oldSchema(type.schema()), s -> s
                    .withEnums(s.enums().stream().map(e -> e.name().equals(oldName) ? e.withRenamedFrom(newName) : e).toList())
                    .withDomains(s.domains().stream().map(d -> d.name().equals(oldName) ? d.withRenamedFrom(newName) : d).toList())
                    .withCompositeTypes(s.compositeTypes().stream()
                            .map(c -> c.name().equals(oldName) ? c.withRenamedFrom(newName) : c).toList())
                    .withRangeTypes(s.rangeTypes().stream()
                            .map(r -> r.name().equals(oldName) ? r.withRenamedFrom(newName) : r).toList()));
        }
        if (rename instanceof TableRenamed table) {
            return onTable(original, table.table(), t -> t.withRenamedFrom(table.table().name()));
        }
        if (rename instanceof ColumnRenamed column) {
            return onTable(original, column.table(), t -> t.withColumns(t.columns().stream()
                    .map(c -> c.name().equals(column.oldName()) ? c.withRenamedFrom(column.column()) : c).toList()));
        }
        if (rename instanceof IndexRenamed index) {
            return onTable(original, index.table(), t -> t.withIndexes(t.indexes().stream()
                    .map(i -> i.name().equals(index.oldName()) ? i.withRenamedFrom(index.index()) : i).toList()));
        }
        if (rename instanceof ConstraintRenamed constraint) {
            String oldName = constraint.oldName();
            String newName = constraint.constraint();
            return onTable(original, constraint.table(), t -> t
                    .withPrimaryKey(t.primaryKey() != null && t.primaryKey().name().equals(oldName)
                            ? t.primaryKey().withRenamedFrom(newName) : t.primaryKey())
                    .withUniqueConstraints(t.uniqueConstraints().stream()
                            .map(u -> u.name().equals(oldName) ? u.withRenamedFrom(newName) : u).toList())
                    .withForeignKeys(t.foreignKeys().stream()
                            .map(f -> f.name().equals(oldName) ? f.withRenamedFrom(newName) : f).toList())
                    .withCheckConstraints(t.checkConstraints().stream()
                            .map(c -> c.name().equals(oldName) ? c.withRenamedFrom(newName) : c).toList())
                    .withExclusionConstraints(t.exclusionConstraints().stream()
                            .map(x -> x.name().equals(oldName) ? x.withRenamedFrom(newName) : x).toList()));
        }
        throw new IllegalStateException("no way back planned for the declared rename " + ((SchemaChange) rename).describe());
    }

    private String oldSchema(String newName) {
        return oldSchemas.getOrDefault(newName, newName);
    }

    /** Changes the original table that {@code table} (named as after the migration) was; none, when it has none. */
    private Database onTable(Database original, QualifiedName table, UnaryOperator<Table> change) {
        String oldName = oldTables.getOrDefault(table, table.name());
        return onSchema(original, oldSchema(table.schema()), s -> s.withTables(s.tables().stream()
                .map(t -> t.name().equals(oldName) ? change.apply(t) : t).toList()));
    }

    private static Database onSchema(Database original, String name, UnaryOperator<Schema> change) {
        return original.withSchemas(original.schemas().stream()
                .map(s -> s.name().equals(name) ? change.apply(s) : s).toList());
    }
}
