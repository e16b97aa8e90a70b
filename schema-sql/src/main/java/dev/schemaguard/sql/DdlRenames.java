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
            if (r.type() instanceof RangeType range) {
                statements.add(renameConstructors(r.schema(), r.oldName(), range.name()));
                if (range.multirangeTypeName() == null) {
                    String oldMultirange = RangeType.defaultMultirangeName(r.oldName());
                    String newMultirange = RangeType.defaultMultirangeName(range.name());
                    statements.add(renameMultirange(r.schema(), oldMultirange, newMultirange));
                    statements.add(renameConstructors(r.schema(), oldMultirange, newMultirange));
                }
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

    /**
     * The functions PostgreSQL made to construct values of a range or multirange type, named as the type and
     * returning it, which ALTER TYPE does not rename: renamed with it (else their old names block a type created
     * again under the old name). A DO block, since how many there are depends on the version.
     */
    private static Statement renameConstructors(String schema, String oldName, String newName) {
        String tag = "$rename$";
        String find = "SELECT p.oid::regprocedure FROM pg_proc p WHERE p.pronamespace = "
                + Identifiers.literal(Identifiers.quote(schema)) + "::regnamespace AND p.proname = "
                + Identifiers.literal(oldName) + " AND p.prorettype = to_regtype("
                + Identifiers.literal(QualifiedName.of(schema, newName).sql()) + ")";
        String body = "DO " + tag + " DECLARE f regprocedure; BEGIN FOR f IN " + find
                + " LOOP EXECUTE format('ALTER FUNCTION %s RENAME TO %I', f, " + Identifiers.literal(newName)
                + "); END LOOP; END " + tag;
        if (find.contains(tag) || newName.contains(tag)) {
            throw new IllegalArgumentException("cannot rename the constructors of " + oldName + ": a name contains " + tag);
        }
        return new Statement(Step.TYPE, body, "rename the constructor functions of " + QualifiedName.of(schema, oldName)
                + " to " + newName + " with their type");
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
