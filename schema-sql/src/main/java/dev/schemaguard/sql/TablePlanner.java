package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.ReplicaIdentity;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.sql.PlanLedger.PartRef;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.schemaguard.sql.PlanContext.*;
import static dev.schemaguard.sql.PlanGroup.*;

/**
 * Tables, partitions and inheritance: new tables in foreign key and parent order, drops (children deepest first),
 * rebuilds for a new partitioning, bounds, INHERIT/NO INHERIT, persistence, row security, storage parameters.
 */
final class TablePlanner extends ConcernPlanner {

    TablePlanner(Planners planners) {
        super(planners);
    }

    void commentChanged(SchemaChange.TableCommentChanged c) {
        group().add(PlanPhase.COMMENTS, context.commentOnTable(c.table(), c.expected()), Kind.ALTER, NONE,
                "set the comment on table " + c.table());
    }

    void storageParametersChanged(SchemaChange.StorageParametersChanged p) {
        for (String action : DdlRenderer.storageParameterActions(p.expected(), p.actual())) {
            group().add(PlanPhase.STORAGE_PARAMETERS, DdlRenderer.alterTable(p.table(), action), Kind.ALTER, NONE,
                    "storage parameters of table " + p.table() + ": " + action);
        }
    }

    /** A table without parents now; a partition or inheritance child once all drops are known (planChildTableDrops). */
    void planTableDrop(PlanGroup group, QualifiedName name, Table table) {
        ledger.dropsData(tableRef(name), group);
        if (table.parents().isEmpty()) {
            group.add(PlanPhase.DROP_TABLES, context.dropTable(name), Kind.DROP, DELETES, "drop table " + name + " and its rows");
        } else {
            ledger.dropChildTable(name, group);
        }
    }

    /**
     * Partitions and inheritance children are dropped before the tables without parents, the deepest first: a
     * table that others inherit from cannot be dropped before them, and a dropped sub-partitioned partition takes
     * its own partitions with it.
     */
    void planChildTableDrops() {
        Map<QualifiedName, Integer> depths = new HashMap<>();
        ledger.childTableDrops().keySet().stream()
                .sorted(Comparator.comparing((QualifiedName name) -> -depth(name, depths, new HashSet<>()))
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(name -> ledger.childTableDrops().get(name).add(PlanPhase.DROP_PARTITIONS, context.dropTable(name), Kind.DROP,
                        DELETES, "drop table " + name + " and its rows"));
    }

    /** How many levels of parents the table has in the actual database. */
    private int depth(QualifiedName table, Map<QualifiedName, Integer> depths, Set<QualifiedName> visiting) {
        Integer known = depths.get(table);
        if (known != null) {
            return known;
        }
        int depth = 0;
        if (visiting.add(table)) {
            for (QualifiedName parent : actual.table(table).map(Table::parents).orElse(List.of())) {
                depth = Math.max(depth, 1 + depth(parent, depths, visiting));
            }
        }
        depths.put(table, depth);
        return depth;
    }

    void planRowSecurity(PlanGroup group, QualifiedName table, RowSecurity want, RowSecurity have, Kind kind) {
        if (want.enabled() != have.enabled()) {
            group.add(PlanPhase.ROW_SECURITY, DdlRenderer.alterTable(table, (want.enabled() ? "ENABLE" : "DISABLE") + " ROW LEVEL SECURITY"),
                    kind, NONE, (want.enabled() ? "enable" : "disable") + " row level security on " + table);
        }
        if (want.forced() != have.forced()) {
            group.add(PlanPhase.ROW_SECURITY, DdlRenderer.alterTable(table, (want.forced() ? "FORCE" : "NO FORCE") + " ROW LEVEL SECURITY"),
                    kind, NONE, (want.forced() ? "force" : "stop forcing") + " row level security on " + table);
        }
    }

    /** SET LOGGED and SET UNLOGGED both rewrite the table; an unlogged one also takes its serial and identity sequences along. */
    void planPersistence(QualifiedName table, boolean unlogged) {
        String description = unlogged
                ? "make table " + table + " unlogged (rewrites it; PostgreSQL then empties it after a crash and does not replicate it)"
                : "make table " + table + " logged (rewrites it into the write-ahead log)";
        group().add(PlanPhase.TABLE_PERSISTENCE, DdlRenderer.alterTable(table, unlogged ? "SET UNLOGGED" : "SET LOGGED"), Kind.ALTER,
                REWRITES, description);
    }

    void planTableCreations() {
        for (QualifiedName name : creationOrder()) {
            planningFor(ledger.tableCause(name));
            Table table = ledger.tablesToCreate().get(name);
            PlanGroup rebuild = ledger.rebuildOf(name);
            PlanGroup group = (rebuild != null ? rebuild : group()).add(PlanPhase.CREATE_TABLES, DdlRenderer.createTable(name, table),
                    rebuild != null ? Kind.ALTER : Kind.CREATE, NONE,
                    (rebuild != null ? "re-create table " : "create table ") + name
                            + (table.partitionOf() != null ? " as a partition of " + table.partitionOf().parent() : ""));
            for (Trigger trigger : table.triggers()) {
                ObjectRef ref = triggerRef(name, trigger.name());
                create(ref, cause());
                ledger.markNew(ref);
            }
            for (Rule rule : table.rules()) {
                ObjectRef ref = ruleRef(name, rule.name());
                create(ref, cause());
                ledger.markNew(ref);
            }
            planInheritedDefaultDrops(group, name, table);
            if (table.isForeign()) {
                String columnOptions = DdlForeignData.alterColumnOptions(name, table.foreign(), null,
                        List.copyOf(table.foreign().columnOptions().keySet()));
                if (columnOptions != null) {
                    group.add(PlanPhase.FOREIGN_TABLE_OPTIONS, columnOptions, Kind.CREATE, NONE,
                            "set the options of the columns of foreign table " + name);
                }
            }
            table.constraints().stream().filter(c -> !(c instanceof ForeignKey))
                    .forEach(c -> ledger.createdConstraint(new PartRef(name, c.name()), cause()));
            for (Constraint constraint : DdlRenderer.constraintsAddedAfterCreate(table)) {
                group.add(PlanPhase.ADD_CONSTRAINTS, DdlRenderer.addConstraint(name, constraint), Kind.CREATE, NONE,
                        "add " + constraint.kind() + " " + constraint.name() + " on " + name);
            }
            table.indexes().forEach(index -> parts().planIndexCreate(group, name, index, Kind.CREATE));
            table.foreignKeys().forEach(fk -> ledger.addForeignKey(new PartRef(name, fk.name()), Kind.CREATE, cause()));
            if (!table.replicaIdentity().equals(ReplicaIdentity.DEFAULT)) {
                parts().planReplicaIdentity(group, name, table.replicaIdentity(), Kind.CREATE);
            }
            planRowSecurity(group, name, table.rowSecurity(), RowSecurity.OFF, Kind.CREATE);
            for (Policy policy : table.policies()) {
                group.add(PlanPhase.POLICIES, DdlRenderer.createPolicy(name, policy), Kind.CREATE, NONE,
                        "create policy " + policy.name() + " on " + name);
            }
            if (table.comment() != null) {
                group.add(PlanPhase.COMMENTS, context.commentOnTable(name, table.comment()), Kind.CREATE, NONE,
                        "comment on table " + name);
            }
            for (Column column : table.columns()) {
                if (column.comment() != null) {
                    group.add(PlanPhase.COMMENTS, DdlRenderer.commentOnColumn(name, column.name(), column.comment()), Kind.CREATE,
                            NONE, "comment on column " + name + "." + column.name());
                }
                columns().planColumnStorage(group, name, column, column.storage() != null, column.compression() != null, Kind.CREATE);
            }
        }
        planningFor(null);
    }

    /**
     * CREATE TABLE ... INHERITS gives a column the table declares without a default its parent's default: dropped
     * again where the table wants none.
     */
    private void planInheritedDefaultDrops(PlanGroup group, QualifiedName name, Table table) {
        for (Column column : table.columns()) {
            if (column.defaultExpression() != null || column.identity() != null || column.generatedExpression() != null
                    || column.type().isSerial()) {
                continue;
            }
            Column inherited = parentColumn(table, column.name(), new HashSet<>());
            if (inherited != null && (inherited.defaultExpression() != null || inherited.type().isSerial())) {
                group.add(PlanPhase.CREATE_TABLES, DdlRenderer.alterColumn(name, column.name(), "DROP DEFAULT"), Kind.CREATE, NONE,
                        "drop the default " + name + "." + column.name() + " takes from its parent");
            }
        }
    }

    /** The column as the first of the table's expected parents that has it gives it, or null. */
    private Column parentColumn(Table table, String column, Set<QualifiedName> seen) {
        for (QualifiedName parentName : table.inherits()) {
            Table parent = seen.add(parentName) ? expected.table(parentName).orElse(null) : null;
            if (parent != null) {
                Column found = parent.column(column).orElseGet(() -> parentColumn(parent, column, seen));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * New tables in foreign key order, each after the tables it is a partition of or inherits from: those come
     * first whatever the foreign keys say (foreign keys are added after all tables, so their order is a preference).
     */
    private List<QualifiedName> creationOrder() {
        List<QualifiedName> order = new ArrayList<>();
        Set<QualifiedName> seen = new HashSet<>();
        for (QualifiedName name : foreignKeyOrder()) {
            visitParents(name, seen, order);
        }
        return order;
    }

    private void visitParents(QualifiedName name, Set<QualifiedName> seen, List<QualifiedName> order) {
        if (seen.add(name)) {
            ledger.tablesToCreate().get(name).parents().stream().filter(ledger::createsTable)
                    .forEach(parent -> visitParents(parent, seen, order));
            order.add(name);
        }
    }

    /** New tables with the tables they reference first; in a cycle, alphabetical order breaks the tie. */
    private List<QualifiedName> foreignKeyOrder() {
        List<QualifiedName> order = new ArrayList<>();
        Set<QualifiedName> seen = new HashSet<>();
        for (QualifiedName name : ledger.tablesToCreate().keySet()) {
            visit(name, seen, order);
        }
        return order;
    }

    private void visit(QualifiedName name, Set<QualifiedName> seen, List<QualifiedName> order) {
        if (!seen.add(name)) {
            return;
        }
        Table table = ledger.tablesToCreate().get(name);
        table.foreignKeys().stream()
                .map(ForeignKey::referencedTable)
                .filter(ledger::createsTable)
                .sorted()
                .forEach(referenced -> visit(referenced, seen, order));
        order.add(name);
    }

    /**
     * A partitioned table whose partition key changes: PostgreSQL cannot change it in place, so the table is
     * dropped (with its partitions and rows) and created again with its expected partitions, all in one group
     * that deletes data.
     */
    void collectTableRebuild(QualifiedName table) {
        Table want = expected.table(table).orElse(null);
        if (want == null) {
            return;
        }
        PlanGroup group = group().add(PlanPhase.DROP_TABLES, context.dropTable(table), Kind.DROP, DELETES,
                "drop table " + table + " and its rows (and partitions) to change how it is partitioned; re-created below");
        ledger.rebuildTable(table, group);
        tableToDrop(table);
        tableToCreate(table, want);
        touch(tableRef(table));
        for (Schema schema : expected.schemas()) {
            for (Table partition : schema.tables()) {
                if (partition.partitionOf() != null && partition.partitionOf().parent().equals(table)) {
                    QualifiedName name = QualifiedName.of(schema.name(), partition.name());
                    ledger.rebuildTable(name, group);
                    tableToCreate(name, partition);
                }
            }
        }
    }

    /** Detach from the old parent (or bound), attach with the expected bound. */
    void planPartitionBound(QualifiedName table, PartitionBound want, PartitionBound have) {
        if (want != null && ledger.rebuildsTable(want.parent())) {
            return; // created as a partition together with its re-created parent
        }
        PlanGroup group = group();
        if (have != null) {
            group.add(PlanPhase.DETACH_PARTITIONS, DdlRenderer.detachPartition(table, have), Kind.ALTER, NONE,
                    "detach partition " + table + " (" + have.bound() + ") from " + have.parent());
        }
        if (want != null) {
            if (have == null) {
                addChecksTheAttachNeeds(group, table, want.parent());
            }
            group.add(PlanPhase.ATTACH_PARTITIONS, DdlRenderer.attachPartition(table, want), Kind.ALTER, MAY_FAIL,
                    "attach " + table + " to " + want.parent() + " " + want.bound() + " (fails if a row lies outside the bound)");
        }
    }

    /**
     * ATTACH PARTITION of a table that is no partition yet needs the parent's CHECK constraints on it, which it
     * then counts as inherited: those the table lacks, or has with another expression (dropped before, see
     * {@link TablePartPlanner#planConstraintDrop}), are added first.
     */
    private void addChecksTheAttachNeeds(PlanGroup group, QualifiedName table, QualifiedName parent) {
        Table child = actual.table(table).orElse(null);
        for (CheckConstraint check : checksPassedOn(parent, new HashSet<>()).values()) {
            boolean kept = child != null && child.constraint(check.name())
                    .filter(c -> c instanceof CheckConstraint own && own.expression().equals(check.expression())).isPresent();
            if (!kept) {
                addParentCheck(group, table, parent, check, "ATTACH PARTITION");
            }
        }
    }

    /**
     * Adds {@code parent}'s check to {@code table} before {@code linking} (ATTACH PARTITION or INHERIT), which
     * refuses a NOT VALID one: on a table that exists, in an online plan, the statement says it is not online.
     */
    private void addParentCheck(PlanGroup group, QualifiedName table, QualifiedName parent, CheckConstraint check,
                                String linking) {
        boolean onExistingTable = online(table);
        group.add(PlanPhase.ATTACH_PARTITIONS, DdlRenderer.addConstraint(table, check), Kind.ALTER,
                onExistingTable ? notOnline(MAY_FAIL) : MAY_FAIL,
                "add " + check.kind() + " " + check.name() + " of " + parent + " to " + table + ", which " + linking
                        + " requires" + (onExistingTable ? " (not online: " + linking + " refuses a NOT VALID check, so"
                        + " it checks every row under ACCESS EXCLUSIVE)" : ""));
    }

    /**
     * NO INHERIT from the parents the table no longer inherits from, INHERIT the new ones. PostgreSQL keeps the
     * order of INHERIT statements, so from the first parent out of place on, all are removed and added again.
     * INHERIT needs the parent's columns (added by the diff) and CHECK constraints on the child, the parent's own
     * and those it inherits: those the child lacks are added first; the parent's then count as the child's.
     */
    void planInheritance(QualifiedName table, List<QualifiedName> want, List<QualifiedName> have) {
        int same = 0;
        while (same < want.size() && same < have.size() && want.get(same).equals(have.get(same))) {
            same++;
        }
        PlanGroup group = group();
        for (QualifiedName parent : have.subList(same, have.size())) {
            group.add(PlanPhase.DETACH_PARTITIONS, DdlRenderer.alterTable(table, "NO INHERIT " + parent.sql()), Kind.ALTER, NONE,
                    "stop " + table + " inheriting from " + parent + " (it keeps the inherited columns)");
        }
        Table child = actual.table(table).orElse(null);
        for (QualifiedName parent : want.subList(same, want.size())) {
            for (CheckConstraint check : checksPassedOn(parent, new HashSet<>()).values()) {
                if (child == null || child.constraint(check.name()).isEmpty()) {
                    addParentCheck(group, table, parent, check, "INHERIT");
                }
            }
            group.add(PlanPhase.ATTACH_PARTITIONS, DdlRenderer.alterTable(table, "INHERIT " + parent.sql()), Kind.ALTER, MAY_FAIL,
                    "make " + table + " inherit from " + parent + " (fails if a column or CHECK constraint differs)");
        }
    }

    /**
     * The CHECK constraints a table inheriting from {@code parent} gets, by name, in the expected model: the
     * parent's own inheritable ones and, since the model lists only a table's own, those the parent inherits
     * itself from its parents.
     */
    private Map<String, CheckConstraint> checksPassedOn(QualifiedName parent, Set<QualifiedName> seen) {
        Map<String, CheckConstraint> checks = new LinkedHashMap<>();
        Table table = seen.add(parent) ? expected.table(parent).orElse(null) : null;
        if (table == null) {
            return checks;
        }
        table.checkConstraints().stream().filter(check -> !check.noInherit()).forEach(check -> checks.put(check.name(), check));
        table.parents().forEach(grandparent -> checksPassedOn(grandparent, seen).forEach(checks::putIfAbsent));
        return checks;
    }
}
