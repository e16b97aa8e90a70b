package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RangeType;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of the declared renames of schemas, types, indexes and constraints ({@code renamed_from}), each
 * with the step of the plan it belongs to: schemas first, then types, before the tables and columns are renamed;
 * indexes and constraints after them. Every other statement of the plan names these objects by their new names.
 */
final class DdlRenames {

    /** Where a rename runs, in this order, all before anything else of the plan (after its prelude). */
    enum Step { SCHEMA, TYPE, INDEX, CONSTRAINT }

    record Statement(Step step, String sql, String description) {
    }

    private DdlRenames() {
    }

    /**
     * The statements of {@code rename}; not for table and column renames, which the planner writes itself.
     * A range type's multirange type, which ALTER TYPE does not rename, is renamed along with it when the range
     * expects PostgreSQL's default name for it, in a DO block that does nothing where there is none (PostgreSQL 13).
     */
    static List<Statement> statements(SchemaChange.DeclaredRename rename) {
        List<Statement> statements = new ArrayList<>();
        if (rename instanceof SchemaChange.SchemaRenamed r) {
            statements.add(new Statement(Step.SCHEMA, "ALTER SCHEMA " + Identifiers.quote(r.oldName()) + " RENAME TO "
                    + Identifiers.quote(r.schema()), "rename schema " + r.oldName() + " to " + r.schema()
                    + " (declared renamed_from), with everything in it"));
        } else if (rename instanceof SchemaChange.TypeRenamed r) {
            QualifiedName old = QualifiedName.of(r.schema(), r.oldName());
            String keyword = r.type().kind().equals("domain") ? "DOMAIN" : "TYPE";
            statements.add(new Statement(Step.TYPE, "ALTER " + keyword + " " + old.sql() + " RENAME TO "
                    + Identifiers.quote(r.type().name()), "rename " + r.type().kind() + " " + old + " to "
                    + r.type().name() + " (declared renamed_from), keeping the values of the columns of that type"));
            if (r.type() instanceof RangeType range && range.multirangeTypeName() == null) {
                statements.add(renameMultirange(r.schema(), RangeType.defaultMultirangeName(r.oldName()),
                        RangeType.defaultMultirangeName(range.name())));
            }
        } else if (rename instanceof SchemaChange.IndexRenamed r) {
            QualifiedName old = QualifiedName.of(r.table().schema(), r.oldName());
            statements.add(new Statement(Step.INDEX, "ALTER INDEX " + old.sql() + " RENAME TO " + Identifiers.quote(r.index()),
                    "rename index " + old + " to " + r.index() + " (declared renamed_from), without building it again"));
        } else if (rename instanceof SchemaChange.ConstraintRenamed r) {
            statements.add(new Statement(Step.CONSTRAINT, DdlRenderer.alterTable(r.table(), "RENAME CONSTRAINT "
                    + Identifiers.quote(r.oldName()) + " TO " + Identifiers.quote(r.constraint())),
                    "rename constraint " + r.oldName() + " of " + r.table() + " to " + r.constraint()
                            + " (declared renamed_from), without checking the rows again"));
        } else {
            throw new IllegalArgumentException("the planner renames tables and columns itself, not " + rename.describe());
        }
        return statements;
    }

    private static Statement renameMultirange(String schema, String oldName, String newName) {
        QualifiedName old = QualifiedName.of(schema, oldName);
        String alter = "ALTER TYPE " + old.sql() + " RENAME TO " + Identifiers.quote(newName) + ";";
        String tag = "$rename$";
        if (alter.contains(tag)) {
            throw new IllegalArgumentException("cannot rename multirange type " + old + ": its name contains " + tag);
        }
        return new Statement(Step.TYPE, "DO " + tag + " BEGIN IF to_regtype(" + Identifiers.literal(old.sql())
                + ") IS NOT NULL THEN " + alter + " END IF; END " + tag, "rename multirange type " + old + " to "
                + newName + " with its range type, where there is one (PostgreSQL 14 and later)");
    }
}
