package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange.ColumnAspect;
import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.sql.PlanLedger.PartRef;
import dev.schemaguard.sql.PlanStatement.Cause;

import java.util.Set;

import static dev.schemaguard.sql.PlanContext.*;

/**
 * The first pass over the diff: which tables are created, dropped or rebuilt, and what the diff itself touches,
 * drops or sets again, before any change is planned (the later passes read it from the {@link PlanLedger}).
 */
final class PlanSurvey extends ConcernPlanner {

    PlanSurvey(Planners planners) {
        super(planners);
    }

    void collectTableLevelChanges(SchemaDiff diff) {
        for (SchemaChange change : diff.changes()) {
            planningFor(new Cause.Planned(change));
            if (change instanceof SchemaChange.SchemaAdded added) {
                added.schema().tables().forEach(t -> tableToCreate(QualifiedName.of(added.schema().name(), t.name()), t));
            } else if (change instanceof SchemaChange.SchemaDropped dropped) {
                dropped.schema().tables().forEach(t -> tableToDrop(QualifiedName.of(dropped.schema().name(), t.name())));
            } else if (change instanceof SchemaChange.TableAdded added) {
                tableToCreate(added.table(), added.definition());
            } else if (change instanceof SchemaChange.TableDropped dropped) {
                tableToDrop(dropped.table());
            } else if (change instanceof SchemaChange.PartitioningChanged p) {
                tables().collectTableRebuild(p.table());
            } else if (change instanceof SchemaChange.ForeignTableChanged f && f.needsRecreation()
                    && !ledger.rebuildsTable(f.table())) {
                tables().collectTableRebuild(f.table());
            } else if (change instanceof SchemaChange.ForeignServerAltered f && f.needsRecreation()) {
                foreignTablesOn(actual, f.actual().name()).stream()
                        .filter(table -> expected.table(table).isPresent() && !ledger.rebuildsTable(table))
                        .forEach(table -> because(dependent("it is a foreign table on server " + f.actual().name()
                                + ", which is created again"), () -> tables().collectTableRebuild(table)));
            }
            noteHandledByDiff(change);
            if (change instanceof SchemaChange.ColumnAltered c) {
                ledger.alterColumn(new PartRef(c.table(), c.expected().name()));
            }
            if (change instanceof SchemaChange.ConstraintAdded c) {
                ledger.changedByDiff(new PartRef(c.table(), c.constraint().name()));
            } else if (change instanceof SchemaChange.ConstraintAltered c) {
                ledger.changedByDiff(new PartRef(c.table(), c.expected().name()));
            } else if (change instanceof SchemaChange.IndexAdded i) {
                ledger.changedByDiff(new PartRef(i.table(), i.index().name()));
            } else if (change instanceof SchemaChange.IndexAltered i) {
                ledger.changedByDiff(new PartRef(i.table(), i.expected().name()));
            }
        }
        planningFor(null);
    }

    private void noteHandledByDiff(SchemaChange change) {
        if (change instanceof SchemaChange.TableDropped t) {
            touch(tableRef(t.table()));
        } else if (change instanceof SchemaChange.SchemaDropped d) {
            d.schema().tables().forEach(t -> touch(ObjectRef.of(ObjectRef.Kind.TABLE, d.schema().name(), t.name())));
        } else if (change instanceof SchemaChange.ColumnDropped c) {
            ObjectRef column = ObjectRef.column(c.table(), c.column().name());
            touch(column);
            ledger.handledByDiff(column);
            ledger.dropColumn(new PartRef(c.table(), c.column().name()));
        } else if (change instanceof SchemaChange.ColumnAltered c) {
            Set<ColumnAspect> aspects = c.aspects();
            ObjectRef column = ObjectRef.column(c.table(), c.expected().name());
            if (aspects.contains(ColumnAspect.TYPE) || aspects.contains(ColumnAspect.COLLATION) || ColumnPlanner.needsRecreation(c)) {
                touch(column);
            }
            if (aspects.contains(ColumnAspect.DEFAULT) || aspects.contains(ColumnAspect.TYPE) || ColumnPlanner.needsRecreation(c)) {
                ledger.handledByDiff(column);
            }
            if (ColumnPlanner.needsRecreation(c)) {
                ledger.dropColumn(new PartRef(c.table(), c.expected().name()));
            }
        } else if (change instanceof SchemaChange.ConstraintDropped c) {
            ledger.handledByDiff(constraintRef(c.table(), c.constraint().name()));
        } else if (change instanceof SchemaChange.ConstraintAltered c) {
            ledger.handledByDiff(constraintRef(c.table(), c.expected().name()));
        } else if (change instanceof SchemaChange.IndexDropped i) {
            ledger.handledByDiff(ObjectRef.of(ObjectRef.Kind.INDEX, i.table().schema(), i.index().name()));
        } else if (change instanceof SchemaChange.IndexAltered i) {
            ledger.handledByDiff(ObjectRef.of(ObjectRef.Kind.INDEX, i.table().schema(), i.expected().name()));
        } else if (change instanceof SchemaChange.PolicyDropped p) {
            ledger.handledByDiff(policyRef(p.table(), p.policy().name()));
        }
    }
}
