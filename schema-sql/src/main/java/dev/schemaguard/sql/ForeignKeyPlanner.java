package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;
import dev.schemaguard.sql.PlanLedger.Move;
import dev.schemaguard.sql.PlanLedger.PartRef;
import dev.schemaguard.sql.PlanStatement.Cause;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static dev.schemaguard.sql.PlanGroup.*;

/**
 * Foreign keys: dropped first (changed ones, those of dropped tables, those that depend on a key, column or table
 * being dropped or changed, or that would link a logged and an unlogged table), added after all tables and keys exist.
 */
final class ForeignKeyPlanner extends ConcernPlanner {

    ForeignKeyPlanner(Planners planners) {
        super(planners);
    }

    /** Foreign keys to drop: changed ones, those of dropped tables, and those that depend on something dropped or changed. */
    void collectForeignKeyDrops(SchemaDiff diff) {
        for (QualifiedName table : ledger.tablesToDrop()) {
            because(ledger.tableCause(table), () -> {
                actual.table(table).ifPresent(t -> t.foreignKeys().forEach(
                        fk -> dropForeignKey(table, fk, "its table is dropped")));
                dependentsOf(table, fk -> true, "it references table " + table + ", which is dropped");
            });
        }
        for (SchemaChange change : diff.changes()) {
            planningFor(new Cause.Planned(change));
            if (change instanceof SchemaChange.ConstraintDropped c) {
                if (c.constraint() instanceof ForeignKey fk) {
                    dropForeignKey(c.table(), fk, "not in the expected schema", cause());
                } else {
                    keyDependents(c.table(), c.constraint(), "is dropped");
                }
            } else if (change instanceof SchemaChange.ConstraintAltered c) {
                if (c.actual() instanceof ForeignKey fk) {
                    dropForeignKey(c.table(), fk, "its definition changes", cause());
                } else {
                    keyDependents(c.table(), c.actual(), "changes");
                }
            } else if (change instanceof SchemaChange.IndexDropped i) {
                uniqueIndexDependents(i.table(), i.index(), "is dropped");
            } else if (change instanceof SchemaChange.IndexAltered i) {
                uniqueIndexDependents(i.table(), i.actual(), "changes");
            } else if (change instanceof SchemaChange.ColumnDropped c) {
                columnDependents(c.table(), c.column().name(), "is dropped");
            } else if (change instanceof SchemaChange.ColumnAltered c && ColumnPlanner.needsRecreation(c)) {
                columnDependents(c.table(), c.expected().name(), "is re-created");
            } else if (change instanceof SchemaChange.PersistenceChanged p) {
                persistenceDependents(p.table(), p.expectedUnlogged());
            }
        }
        planningFor(null);
    }

    private void keyDependents(QualifiedName table, Constraint key, String what) {
        List<String> columns = key instanceof PrimaryKey pk ? pk.columns()
                : key instanceof UniqueConstraint unique ? unique.columns() : null;
        if (columns != null) {
            Set<String> keyColumns = Set.copyOf(columns);
            dependentsOf(table, fk -> Set.copyOf(fk.referencedColumns()).equals(keyColumns),
                    "it references " + key.kind() + " " + key.name() + " on " + table + ", which " + what);
        }
    }

    private void uniqueIndexDependents(QualifiedName table, Index index, String what) {
        if (index.unique() && index.valid() && index.keys().stream().noneMatch(IndexKey::isExpression)) {
            Set<String> keyColumns = Set.copyOf(index.keys().stream().map(IndexKey::column).toList());
            dependentsOf(table, fk -> Set.copyOf(fk.referencedColumns()).equals(keyColumns),
                    "it may rely on unique index " + index.name() + " on " + table + ", which " + what);
        }
    }

    private void columnDependents(QualifiedName table, String column, String what) {
        dependentsOf(table, fk -> fk.referencedColumns().contains(column),
                "it references column " + table + "." + column + ", which " + what);
        actual.table(table).ifPresent(t -> t.foreignKeys().stream()
                .filter(fk -> fk.columns().contains(column))
                .forEach(fk -> dropForeignKey(table, fk, "its column " + column + " " + what)));
    }

    /**
     * PostgreSQL changes a table to logged (unlogged) only while every foreign key between it and another table
     * links it to a logged (unlogged) one. Foreign keys to a table that has the other persistence, or that
     * changes persistence too, are dropped and re-created after the change.
     */
    private void persistenceDependents(QualifiedName table, boolean unlogged) {
        String reason = "PostgreSQL does not let it link a logged and an unlogged table while " + table + " becomes "
                + (unlogged ? "unlogged" : "logged");
        for (Schema schema : actual.schemas()) {
            for (Table from : schema.tables()) {
                QualifiedName name = QualifiedName.of(schema.name(), from.name());
                for (ForeignKey fk : from.foreignKeys()) {
                    QualifiedName other = name.equals(table) ? fk.referencedTable()
                            : fk.referencedTable().equals(table) ? name : null;
                    if (other != null && !other.equals(table) && !keepsPersistence(other, unlogged)) {
                        dropForeignKey(name, fk, reason);
                    }
                }
            }
        }
    }

    /** Whether {@code table} is, and stays, unlogged (or logged) as given. */
    private boolean keepsPersistence(QualifiedName table, boolean unlogged) {
        return actual.table(table).filter(t -> t.unlogged() == unlogged).isPresent()
                && expected.table(table).filter(t -> t.unlogged() == unlogged).isPresent();
    }

    /** Drops every foreign key in the actual database that references {@code referenced} and matches {@code filter}. */
    private void dependentsOf(QualifiedName referenced, Predicate<ForeignKey> filter, String reason) {
        for (Schema schema : actual.schemas()) {
            for (Table table : schema.tables()) {
                QualifiedName name = QualifiedName.of(schema.name(), table.name());
                for (ForeignKey fk : table.foreignKeys()) {
                    if (fk.referencedTable().equals(referenced) && filter.test(fk)) {
                        dropForeignKey(name, fk, reason);
                    }
                }
            }
        }
    }

    private void dropForeignKey(QualifiedName table, ForeignKey fk, String reason) {
        dropForeignKey(table, fk, reason, dependent(reason));
    }

    private void dropForeignKey(QualifiedName table, ForeignKey fk, String reason, Cause why) {
        ledger.dropForeignKey(new PartRef(table, fk.name()), reason, why);
    }

    void planForeignKeys() {
        for (Map.Entry<PartRef, Move> drop : ledger.foreignKeyDrops().entrySet()) {
            PartRef fk = drop.getKey();
            planningFor(drop.getValue().cause());
            boolean recreated = !ledger.dropsTable(fk.table()) && expectedForeignKey(fk) != null;
            group().add(PlanPhase.DROP_FOREIGN_KEYS, DdlRenderer.dropConstraint(fk.table(), fk.name()), Kind.DROP, NONE,
                    "drop foreign key " + fk.name() + " on " + fk.table() + " (" + drop.getValue().reason()
                            + (recreated ? "; re-created below" : "") + ")");
            if (recreated && !ledger.addsForeignKey(fk)) {
                ledger.addForeignKey(fk, Kind.ALTER, cause());
            }
        }
        for (Map.Entry<PartRef, PlanLedger.ForeignKeyAdd> add : ledger.foreignKeyAdds().entrySet()) {
            ForeignKey fk = expectedForeignKey(add.getKey());
            Kind kind = add.getValue().kind();
            planningFor(add.getValue().cause());
            if (fk != null) {
                planForeignKeyAdd(group(), add.getKey().table(), fk, kind);
            }
        }
        planningFor(null);
    }

    /**
     * {@code ADD CONSTRAINT ... FOREIGN KEY}; online, on a table that exists before the plan, {@code ADD ... NOT VALID}
     * (checks new rows only, no scan) and then {@code VALIDATE CONSTRAINT}, which scans the rows under SHARE UPDATE
     * EXCLUSIVE (ROW SHARE on the referenced table) without blocking writes. PostgreSQL refuses NOT VALID foreign
     * keys on a partitioned table: there the plain statement stays, marked {@link Hazard#NOT_ONLINE}.
     */
    void planForeignKeyAdd(PlanGroup group, QualifiedName table, ForeignKey fk, Kind kind) {
        String what = (kind == Kind.CREATE ? "add" : "re-create") + " foreign key " + fk.name() + " on " + table
                + " referencing " + fk.referencedTable();
        if (!online(table) || fk.notValid()) {
            group.add(PlanPhase.ADD_FOREIGN_KEYS, DdlRenderer.addConstraint(table, fk), kind, MAY_FAIL, what);
        } else if (partitioned(table)) {
            group.add(PlanPhase.ADD_FOREIGN_KEYS, DdlRenderer.addConstraint(table, fk), kind, notOnline(MAY_FAIL), what
                    + " (not online: PostgreSQL cannot add a NOT VALID foreign key to a partitioned table; it checks every"
                    + " row under SHARE ROW EXCLUSIVE on both tables)");
        } else {
            group.add(PlanPhase.ADD_FOREIGN_KEYS, DdlRenderer.addConstraint(table, fk.withNotValid(true)), kind, NONE,
                            what + " NOT VALID (checks new rows only; validated below)")
                    .add(PlanPhase.VALIDATE_CONSTRAINTS, DdlRenderer.validateConstraint(table, fk.name()), kind, MAY_FAIL,
                            "validate foreign key " + fk.name() + " on " + table + " (scans the rows without blocking"
                                    + " writes; fails if one references a missing row)");
        }
    }

    private ForeignKey expectedForeignKey(PartRef ref) {
        return expected.table(ref.table())
                .flatMap(t -> t.foreignKeys().stream().filter(fk -> fk.name().equals(ref.name())).findFirst())
                .orElse(null);
    }
}
