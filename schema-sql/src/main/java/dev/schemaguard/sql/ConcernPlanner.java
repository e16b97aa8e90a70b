package dev.schemaguard.sql;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Table;
import dev.schemaguard.sql.PlanStatement.Cause;

import java.util.EnumSet;
import java.util.Set;

import static dev.schemaguard.sql.PlanContext.indexTable;
import static dev.schemaguard.sql.PlanContext.tableRef;

/**
 * What every concern planner works with: the read-only {@link PlanContext}, the shared {@link PlanLedger}, the
 * statements being planned ({@link PlanSteps}, whose current cause every group opened takes), and the other
 * planners, for what one concern asks of another (a column re-created with its indexes, a table dropped with a
 * schema).
 */
abstract class ConcernPlanner {

    private final Planners planners;
    final PlanContext context;
    final PlanLedger ledger;
    final PlanSteps steps;
    final Database expected;
    final Database actual;
    final PlanOptions options;
    final PlanGraph actualGraph;
    final PlanGraph expectedGraph;

    ConcernPlanner(Planners planners) {
        this.planners = planners;
        this.context = planners.context;
        this.ledger = planners.ledger;
        this.steps = planners.steps;
        this.expected = context.expected;
        this.actual = context.actual;
        this.options = context.options;
        this.actualGraph = context.actualGraph;
        this.expectedGraph = context.expectedGraph;
    }

    // ---- statements ----

    /** A new group of statements, caused by the change being planned. */
    PlanGroup group() {
        return steps.group();
    }

    /** The change being planned (or the one a statement is a dependent of). */
    Cause cause() {
        return steps.cause();
    }

    /** From now on, the groups opened are caused by {@code cause}; null once a pass is done. */
    void planningFor(Cause cause) {
        steps.planningFor(cause);
    }

    /** Plans with {@code cause} as the cause of the groups {@code planning} opens. */
    void because(Cause cause, Runnable planning) {
        steps.because(cause, planning);
    }

    /** A dependent of the change being planned. */
    Cause dependent(String reason) {
        return steps.dependent(reason);
    }

    // ---- ledger entries caused by the change being planned ----

    void touch(ObjectRef ref) {
        ledger.touch(ref, cause());
    }

    /** The object is created (again) from the expected model once the changes are made. */
    void create(ObjectRef ref, Cause why) {
        ledger.create(ref, why);
    }

    /** The object is dropped before the changes, {@code reason} shown in the statement's description. */
    void dropDependent(ObjectRef ref, String reason, Cause why) {
        ledger.dropDependent(ref, reason, why);
    }

    void tableToCreate(QualifiedName name, Table table) {
        ledger.createTable(name, table, cause());
    }

    void tableToDrop(QualifiedName name) {
        ledger.dropTable(name, cause());
    }

    /** Plans later, for the change being planned now, unless the object is dropped and re-created anyway. */
    void unlessRecreated(ObjectRef ref, Runnable planning) {
        Cause planningCause = cause();
        ledger.unlessRecreated(ref, () -> because(planningCause, planning));
    }

    /** The group dropping a table or column (with its data) that uses {@code ref} in the actual database; null if none. */
    PlanGroup dataDropUsing(ObjectRef ref) {
        for (ObjectRef dependent : actualGraph.dependentsOf(ref)) {
            PlanGroup group = ledger.dataDropOf(dependent);
            if (group == null && dependent.member() != null) {
                group = ledger.dataDropOf(dependent.owner());
            }
            if (group == null && dependent.kind() == ObjectRef.Kind.INDEX) {
                QualifiedName table = indexTable(actual, dependent);
                group = table == null ? null : ledger.dataDropOf(tableRef(table));
            }
            if (group != null) {
                return group;
            }
        }
        return null;
    }

    // ---- online recipes ----

    /**
     * Whether statements on {@code table} get the online recipes: they were asked for ({@link PlanOptions#online()})
     * and the table exists before the plan and stays. A table the plan creates or rebuilds is empty and unseen
     * until the plan commits: its plain statements run inside the transaction.
     */
    boolean online(QualifiedName table) {
        return options.online() && actual.table(table).isPresent() && !ledger.createsTable(table)
                && !ledger.rebuildsTable(table) && !ledger.dropsTable(table);
    }

    /** Whether {@code table} is partitioned in the database the plan starts from. */
    boolean partitioned(QualifiedName table) {
        return actual.table(table).map(t -> t.partitioning() != null).orElse(false);
    }

    /** {@code hazards} and {@link Hazard#NOT_ONLINE}: a statement of an online plan that has no online recipe. */
    static Set<Hazard> notOnline(Set<Hazard> hazards) {
        Set<Hazard> more = EnumSet.of(Hazard.NOT_ONLINE);
        more.addAll(hazards);
        return more;
    }

    // ---- the other planners ----

    SchemaPlanner schemas() {
        return planners.schemas;
    }

    RenamePlanner renames() {
        return planners.renames;
    }

    TablePlanner tables() {
        return planners.tables;
    }

    ColumnPlanner columns() {
        return planners.columns;
    }

    TablePartPlanner parts() {
        return planners.parts;
    }

    ForeignKeyPlanner foreignKeys() {
        return planners.foreignKeys;
    }

    TypePlanner types() {
        return planners.types;
    }

    RoutinePlanner routines() {
        return planners.routines;
    }

    TextSearchPlanner textSearch() {
        return planners.textSearch;
    }

    CastPlanner casts() {
        return planners.casts;
    }

    ForeignDataPlanner foreignData() {
        return planners.foreignData;
    }

    PublicationPlanner publications() {
        return planners.publications;
    }

    GrantPlanner grants() {
        return planners.grants;
    }
}
