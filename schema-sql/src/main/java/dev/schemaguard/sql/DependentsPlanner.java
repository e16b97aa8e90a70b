package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Routine;
import dev.schemaguard.sql.PlanLedger.Move;
import dev.schemaguard.sql.PlanStatement.Cause;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.schemaguard.sql.PlanContext.*;
import static dev.schemaguard.sql.PlanGroup.*;

/**
 * Dependents: everything that depends (in the actual database) on a touched object and that PostgreSQL would not
 * let stay, dropped before the changes (most dependent first) and created again after, in dependency order.
 */
final class DependentsPlanner extends ConcernPlanner {

    DependentsPlanner(Planners planners) {
        super(planners);
    }

    /**
     * Everything that depends (in the actual database) on a touched object and that PostgreSQL would not let
     * stay — views, triggers, policies, checks, indexes, routines, column defaults — transitively: dropped
     * before the change, dependents first, and created again from the expected model afterwards, in dependency
     * order, together with the objects the diff adds or re-creates.
     */
    void planDependents() {
        Deque<ObjectRef> queue = new ArrayDeque<>(ledger.touched().keySet());
        // the change each moved object moves for: the one that touched it, or the one its dependency moves for
        Map<ObjectRef, SchemaChange> movedFor = new HashMap<>();
        ledger.touched().forEach((ref, why) -> movedFor.put(ref, why.change()));
        while (!queue.isEmpty()) {
            ObjectRef changed = queue.poll();
            for (ObjectRef dependent : actualGraph.dependentsOf(changed)) {
                if (!mustMove(dependent, changed) || ledger.isHandledByDiff(dependent) || goesWithItsTable(dependent, changed)
                        || !exists(actual, dependent)) {
                    continue;
                }
                String reason = "it depends on " + changed + ", which changes";
                Cause why = new Cause.Dependent(movedFor.get(changed), reason);
                dropDependent(dependent, reason, why);
                if (exists(expected, dependent)) {
                    create(dependent, why);
                }
                if (movedFor.putIfAbsent(dependent, why.change()) == null) {
                    queue.add(dependent);
                }
            }
        }
        List<ObjectRef> dropOrder = new ArrayList<>(actualGraph.topological(ledger.dependentDrops()));
        Collections.reverse(dropOrder);
        for (ObjectRef ref : dropOrder) {
            Move drop = ledger.dependentDrop(ref);
            planningFor(drop.cause());
            planDependentDrop(ref, drop.reason(), ledger.creates(ref));
        }
        for (ObjectRef ref : expectedGraph.topological(ledger.creates().keySet())) {
            planningFor(ledger.creates().get(ref));
            routines().planCreate(ref, ledger.isNew(ref) ? Kind.CREATE : Kind.ALTER);
        }
        planningFor(null);
        ledger.runUnlessRecreated();
    }

    /** Whether {@code dependent} must be gone while {@code changed} changes. */
    private boolean mustMove(ObjectRef dependent, ObjectRef changed) {
        return switch (dependent.kind()) {
            case VIEW, MATERIALIZED_VIEW, TRIGGER, RULE, POLICY, ROUTINE, INDEX -> true;
            case CONSTRAINT -> actual.table(tableOf(dependent)).flatMap(t -> t.constraint(dependent.member()))
                    .filter(c -> !(c instanceof ForeignKey)).isPresent(); // foreign keys: see ForeignKeyPlanner.collectForeignKeyDrops
            case COLUMN -> changed.kind() == ObjectRef.Kind.ROUTINE || changed.kind() == ObjectRef.Kind.SEQUENCE
                    || changed.kind() == ObjectRef.Kind.TEXT_SEARCH_CONFIGURATION
                    || changed.kind() == ObjectRef.Kind.TEXT_SEARCH_DICTIONARY; // its default
            default -> false;
        };
    }

    /**
     * Whether the drop of its table takes {@code ref} along. Not a rule or policy that depends on another object
     * that {@code changed} (its query names another table, which may be dropped first): it is dropped before.
     */
    private boolean goesWithItsTable(ObjectRef ref, ObjectRef changed) {
        QualifiedName table = switch (ref.kind()) {
            case TRIGGER, RULE, POLICY, CONSTRAINT, COLUMN -> tableOf(ref);
            case INDEX -> indexTable(actual, ref);
            default -> null;
        };
        boolean namesAnotherChange = (ref.kind() == ObjectRef.Kind.RULE || ref.kind() == ObjectRef.Kind.POLICY)
                && !changed.equals(ref.owner()) && expected.table(table).isEmpty();
        return table != null && ledger.dropsTable(table) && !namesAnotherChange;
    }

    private void planDependentDrop(ObjectRef ref, String reason, boolean recreated) {
        String why = " (" + reason + (recreated ? "; re-created below" : "") + ")";
        QualifiedName table = ref.member() == null ? null : tableOf(ref);
        switch (ref.kind()) {
            case VIEW, MATERIALIZED_VIEW -> view(actual, ref).ifPresent(v -> group().add(PlanPhase.DROP_DEPENDENTS,
                    DdlObjects.drop(ref.schema(), v), Kind.DROP, NONE, "drop " + v.kind() + " " + qualified(ref) + why));
            // a routine whose signature uses the row type of a table or view that goes must go first; others after
            // the tables, whose defaults may call them
            case ROUTINE -> routineOrAggregate(actual, ref).ifPresent(r -> group().add(
                    r instanceof Routine routine && RoutineSignature.mentions(ref.schema(), routine, ledger.relationsGoing())
                            ? PlanPhase.DROP_DEPENDENTS : PlanPhase.DROP_ROUTINES,
                    DdlObjects.drop(ref.schema(), r), Kind.DROP, NONE, "drop " + r.kind() + " " + qualified(ref) + why));
            case TRIGGER -> group().add(PlanPhase.DROP_DEPENDENTS, DdlObjects.dropTrigger(table, ref.member()), Kind.DROP, NONE,
                    "drop trigger " + ref.member() + " on " + table + why);
            case POLICY -> group().add(PlanPhase.DROP_DEPENDENTS, DdlRenderer.dropPolicy(table, ref.member()), Kind.DROP, NONE,
                    "drop policy " + ref.member() + " on " + table + why);
            case RULE -> group().add(PlanPhase.DROP_DEPENDENTS, DdlObjects.dropRule(table, ref.member()), Kind.DROP, NONE,
                    "drop rule " + ref.member() + " on " + table + why);
            case CONSTRAINT -> group().add(PlanPhase.DROP_DEPENDENTS, DdlRenderer.dropConstraint(table, ref.member()), Kind.DROP, NONE,
                    "drop constraint " + ref.member() + " on " + table + why);
            case COLUMN -> group().add(PlanPhase.DROP_DEPENDENTS, DdlRenderer.alterColumn(table, ref.member(), "DROP DEFAULT"),
                    Kind.ALTER, NONE, "drop the default of " + table + "." + ref.member() + why);
            case INDEX -> {
                QualifiedName indexTable = indexTable(actual, ref);
                if (indexTable != null) {
                    group().add(PlanPhase.DROP_DEPENDENTS, DdlRenderer.dropIndex(indexTable, ref.name()), Kind.DROP, NONE,
                            "drop index " + ref.name() + " on " + indexTable + why);
                }
            }
            default -> {
            }
        }
    }
}
