package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.sql.PlanStatement.Kind;

import static dev.schemaguard.sql.PlanGroup.NONE;

/**
 * Declared renames ({@code renamed_from}): run before anything else, since every other statement of the plan names
 * the object by its new name.
 */
final class RenamePlanner extends ConcernPlanner {

    RenamePlanner(Planners planners) {
        super(planners);
    }

    void tableRenamed(SchemaChange.TableRenamed r) {
        QualifiedName old = QualifiedName.of(r.table().schema(), r.oldName());
        group().add(PlanPhase.RENAME_TABLES, DdlRenderer.renameTable(old, r.table().name()), Kind.ALTER, NONE,
                "rename table " + old + " to " + r.table().name() + " (declared renamed_from), keeping its rows");
    }

    void columnRenamed(SchemaChange.ColumnRenamed r) {
        group().add(PlanPhase.RENAME_COLUMNS, DdlRenderer.renameColumn(r.table(), r.oldName(), r.column()), Kind.ALTER, NONE,
                "rename column " + r.table() + "." + r.oldName() + " to " + r.column()
                        + " (declared renamed_from), keeping its values");
    }

    /** A schema, type, index or constraint rename: the statements {@link DdlRenames} writes for it. */
    void declaredRename(SchemaChange.DeclaredRename r) {
        PlanGroup renames = group();
        DdlRenames.statements(r).forEach(s -> renames.add(switch (s.step()) {
            case SCHEMA -> PlanPhase.RENAME_SCHEMAS;
            case TYPE -> PlanPhase.RENAME_TYPES;
            case INDEX -> PlanPhase.RENAME_INDEXES;
            case CONSTRAINT -> PlanPhase.RENAME_CONSTRAINTS;
        }, s.sql(), Kind.ALTER, NONE, s.description()));
    }
}
