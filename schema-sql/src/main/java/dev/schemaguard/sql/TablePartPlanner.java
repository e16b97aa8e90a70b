package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.ReplicaIdentity;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;
import dev.schemaguard.sql.PlanLedger.PartRef;
import dev.schemaguard.sql.PlanStatement.Cause;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.schemaguard.sql.PlanContext.*;
import static dev.schemaguard.sql.PlanGroup.*;

/**
 * Constraints (other than foreign keys), indexes, policies and replica identity of tables, and the comments on
 * the constraints the plan adds.
 */
final class TablePartPlanner extends ConcernPlanner {

    TablePartPlanner(Planners planners) {
        super(planners);
    }

    void constraintAltered(SchemaChange.ConstraintAltered c) {
        planConstraintDrop(c.table(), c.actual(), "re-created with the expected definition");
        planConstraintAdd(c.table(), c.expected(), Kind.ALTER);
    }

    void constraintNotValidated(SchemaChange.ConstraintNotValidated c) {
        group().add(PlanPhase.VALIDATE_CONSTRAINTS, DdlRenderer.validateConstraint(c.table(), c.constraint().name()),
                Kind.ALTER, MAY_FAIL, "validate " + c.constraint().kind() + " " + c.constraint().name() + " on "
                        + c.table() + " (checks the rows it never checked; fails if one breaks it)");
    }

    void constraintCommentChanged(SchemaChange.ConstraintCommentChanged c) {
        group().add(PlanPhase.COMMENTS, DdlRenderer.commentOnConstraint(c.table(), c.constraint(), c.expected()), Kind.ALTER,
                NONE, "set the comment on constraint " + c.constraint() + " of " + c.table());
    }

    void indexStorageParametersChanged(SchemaChange.IndexStorageParametersChanged p) {
        for (String action : DdlRenderer.storageParameterActions(p.expected(), p.actual())) {
            group().add(PlanPhase.STORAGE_PARAMETERS, DdlRenderer.alterIndex(p.table(), p.index(), action), Kind.ALTER,
                    NONE, "storage parameters of index " + p.index() + " on " + p.table() + ": " + action);
        }
    }

    void indexCommentChanged(SchemaChange.IndexCommentChanged c) {
        group().add(PlanPhase.COMMENTS, DdlRenderer.commentOnIndex(c.table(), c.index(), c.expected()), Kind.ALTER, NONE,
                "set the comment on index " + c.index() + " on " + c.table());
    }

    void indexDropped(SchemaChange.IndexDropped i) {
        planIndexDrop(group(), i.table(), i.index(), "drop index " + i.index().name() + " on " + i.table());
    }

    void indexAltered(SchemaChange.IndexAltered i) {
        PlanGroup group = group();
        planIndexDrop(group, i.table(), i.actual(), "drop index " + i.actual().name() + " on " + i.table() + (i.actual().valid()
                ? " (re-created with the expected definition)"
                : " (invalid: a CREATE INDEX CONCURRENTLY failed and left it; built again below)"));
        planIndexCreate(group, i.table(), i.expected(), Kind.ALTER);
    }

    /**
     * {@code DROP INDEX}; online, {@code DROP INDEX CONCURRENTLY} (with IF EXISTS for an invalid index, which a failed
     * concurrent drop may have taken away already), except on a partitioned table, where PostgreSQL refuses it.
     */
    private void planIndexDrop(PlanGroup group, QualifiedName table, Index index, String description) {
        if (!online(table)) {
            group.add(PlanPhase.DROP_INDEXES, DdlRenderer.dropIndex(table, index.name()), Kind.DROP, NONE, description);
        } else if (partitioned(table)) {
            group.add(PlanPhase.DROP_INDEXES, DdlRenderer.dropIndex(table, index.name()), Kind.DROP, notOnline(NONE),
                    description + " (not online: PostgreSQL cannot drop an index of a partitioned table concurrently)");
        } else {
            group.addOutsideTransaction(PlanPhase.DROP_INDEXES, DdlRenderer.dropIndexConcurrently(table, index.name(),
                    !index.valid()), Kind.DROP, NONE, description + ", concurrently");
        }
    }

    void policyAdded(SchemaChange.PolicyAdded p) {
        group().add(PlanPhase.POLICIES, DdlRenderer.createPolicy(p.table(), p.policy()), Kind.CREATE, NONE,
                "create policy " + p.policy().name() + " on " + p.table());
    }

    void policyDropped(SchemaChange.PolicyDropped p) {
        group().add(PlanPhase.DROP_POLICIES, DdlRenderer.dropPolicy(p.table(), p.policy().name()), Kind.DROP, NONE,
                "drop policy " + p.policy().name() + " on " + p.table());
    }

    /** A policy on a column that changes type is dropped and re-created instead (see {@link DependentsPlanner}). */
    void policyAltered(SchemaChange.PolicyAltered p) {
        unlessRecreated(policyRef(p.table(), p.expected().name()), () -> planPolicyAlter(p.table(), p.expected(), p.actual()));
    }

    /** {@code REPLICA IDENTITY ...}, after the index it may name exists. */
    void planReplicaIdentity(PlanGroup group, QualifiedName table, ReplicaIdentity identity, Kind kind) {
        group.add(PlanPhase.REPLICA_IDENTITY, DdlRenderer.replicaIdentity(table, identity), kind, NONE,
                "replica identity of table " + table + ": " + identity.sql());
    }

    void planConstraintAdd(QualifiedName table, Constraint constraint, Kind kind) {
        if (constraint instanceof ForeignKey) {
            ledger.addForeignKey(new PartRef(table, constraint.name()), kind, cause());
            return;
        }
        planConstraintStatements(group(), table, constraint, kind, "add ");
        ledger.createdConstraint(new PartRef(table, constraint.name()), cause());
    }

    /**
     * The statements adding {@code constraint} (not a foreign key) to {@code table}, in {@code group}; online, on a
     * table that exists before the plan, through the recipes below, or marked {@link Hazard#NOT_ONLINE}.
     */
    void planConstraintStatements(PlanGroup group, QualifiedName table, Constraint constraint, Kind kind, String verb) {
        String what = verb + constraint.kind() + " " + constraint.name() + " on " + table;
        if (!online(table)) {
            group.add(PlanPhase.ADD_CONSTRAINTS, DdlRenderer.addConstraint(table, constraint), kind, MAY_FAIL, what);
        } else if (constraint instanceof CheckConstraint check) {
            planCheckOnline(group, table, check, kind, what);
        } else if ((constraint instanceof UniqueConstraint || constraint instanceof PrimaryKey) && !partitioned(table)) {
            planKeyOnline(group, table, constraint, kind, what);
        } else {
            group.add(PlanPhase.ADD_CONSTRAINTS, DdlRenderer.addConstraint(table, constraint), kind, notOnline(MAY_FAIL),
                    what + (constraint instanceof ExclusionConstraint
                            ? " (not online: PostgreSQL builds an exclusion constraint's index only under ACCESS EXCLUSIVE)"
                            : " (not online: PostgreSQL cannot build the key's index of a partitioned table concurrently)"));
        }
    }

    /** Online: {@code ADD ... NOT VALID} (no scan), then {@code VALIDATE CONSTRAINT} under SHARE UPDATE EXCLUSIVE. */
    private void planCheckOnline(PlanGroup group, QualifiedName table, CheckConstraint check, Kind kind, String what) {
        if (check.notValid()) {
            group.add(PlanPhase.ADD_CONSTRAINTS, DdlRenderer.addConstraint(table, check), kind, NONE, what + " NOT VALID");
            return;
        }
        group.add(PlanPhase.ADD_CONSTRAINTS, DdlRenderer.addConstraint(table, check.withNotValid(true)), kind, NONE,
                        what + " NOT VALID (checks new rows only; validated below)")
                .add(PlanPhase.VALIDATE_CONSTRAINTS, DdlRenderer.validateConstraint(table, check.name()), kind, MAY_FAIL,
                        "validate check " + check.name() + " on " + table + " (scans the rows without blocking writes;"
                                + " fails if one breaks it)");
    }

    /**
     * Online: the key's unique index built concurrently under the key's name, then made the key's index by
     * {@code ADD CONSTRAINT ... USING INDEX} (a catalog change: the columns are NOT NULL already, the ALTER COLUMN
     * steps run before). A failed build leaves an invalid index, which the next plan drops and builds again.
     */
    private void planKeyOnline(PlanGroup group, QualifiedName table, Constraint key, Kind kind, String what) {
        List<String> columns = key instanceof PrimaryKey pk ? pk.columns() : ((UniqueConstraint) key).columns();
        boolean nullsNotDistinct = key instanceof UniqueConstraint unique && unique.nullsNotDistinct();
        Index index = new Index(key.name(), true, "btree", columns.stream()
                .map(column -> new IndexKey(column, null, false, false, null)).toList(), List.of(), null,
                nullsNotDistinct, List.of(), null, null, true);
        group.addOutsideTransaction(PlanPhase.ADD_CONSTRAINTS, DdlRenderer.createIndexConcurrently(table, index), kind,
                        MAY_FAIL, "build the unique index of " + key.kind() + " " + key.name() + " on " + table
                                + " concurrently (fails if rows repeat a key; a failed build leaves an invalid index,"
                                + " which the next plan drops and builds again)")
                .add(PlanPhase.ADD_CONSTRAINTS, DdlRenderer.addKeyUsingIndex(table, key), kind, NONE,
                        what + " using the index built for it");
    }

    /** COMMENT ON CONSTRAINT for every constraint the plan adds and the expected schema comments on. */
    void planConstraintComments() {
        ledger.foreignKeyAdds().forEach((ref, add) -> ledger.createdConstraint(ref, add.cause()));
        for (Map.Entry<PartRef, Cause> created : ledger.createdConstraints().entrySet()) {
            PartRef ref = created.getKey();
            planningFor(created.getValue());
            String comment = expected.table(ref.table()).map(t -> t.constraintComment(ref.name())).orElse(null);
            if (comment != null) {
                group().add(PlanPhase.COMMENTS, DdlRenderer.commentOnConstraint(ref.table(), ref.name(), comment), Kind.CREATE,
                        NONE, "comment on constraint " + ref.name() + " of " + ref.table());
            }
        }
        planningFor(null);
    }

    void planConstraintDrop(QualifiedName table, Constraint constraint, String why) {
        if (constraint instanceof ForeignKey) {
            return; // collected in ForeignKeyPlanner.collectForeignKeyDrops
        }
        if (constraint instanceof CheckConstraint check && mergedByAttach(table, check)) {
            return; // ATTACH PARTITION takes it as the one the parent passes on
        }
        boolean keptFromParent = actual.table(table).map(t -> t.constraint(constraint.name()).isEmpty()).orElse(false);
        if (keptFromParent && droppedFromParent(table, constraint.name())) {
            return; // the parent's DROP CONSTRAINT, planned before the detach, removes the inherited copy too
        }
        group().add(keptFromParent ? PlanPhase.DROP_DETACHED_CHECKS : PlanPhase.DROP_CONSTRAINTS,
                DdlRenderer.dropConstraint(table, constraint.name()), Kind.DROP, NONE,
                "drop " + constraint.kind() + " " + constraint.name() + " on " + table + " (" + why + ")");
    }

    /**
     * Whether the table, no partition yet, becomes one of a parent with this same check: ATTACH PARTITION requires
     * the check on the table and then counts it as inherited, so it stays ({@code TablePlanner#planPartitionBound}).
     */
    private boolean mergedByAttach(QualifiedName table, CheckConstraint check) {
        PartitionBound want = expected.table(table).map(Table::partitionOf).orElse(null);
        boolean standalone = actual.table(table).map(t -> t.partitionOf() == null).orElse(false);
        return want != null && standalone && expected.table(want.parent()).flatMap(p -> p.constraint(check.name()))
                .filter(c -> c instanceof CheckConstraint passedOn && !passedOn.noInherit()
                        && passedOn.expression().equals(check.expression()))
                .isPresent();
    }

    /** Whether a parent the table inherits {@code constraint} from drops it in this plan. */
    private boolean droppedFromParent(QualifiedName table, String constraint) {
        return actual.table(table).map(Table::parents).orElse(List.of()).stream().anyMatch(parent ->
                actual.table(parent).flatMap(t -> t.constraint(constraint)).isPresent()
                        && expected.table(parent).flatMap(t -> t.constraint(constraint)).isEmpty()
                        && !ledger.dropsTable(parent));
    }

    /**
     * {@code CREATE INDEX}; online, {@code CREATE INDEX CONCURRENTLY}, except on a partitioned table, where
     * PostgreSQL refuses it.
     */
    void planIndexCreate(PlanGroup group, QualifiedName table, Index index, Kind kind) {
        Set<Hazard> hazards = index.unique() ? MAY_FAIL : NONE;
        String what = "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table;
        if (!online(table)) {
            group.add(PlanPhase.CREATE_INDEXES, DdlRenderer.createIndex(table, index), kind, hazards, what);
        } else if (partitioned(table)) {
            group.add(PlanPhase.CREATE_INDEXES, DdlRenderer.createIndex(table, index), kind, notOnline(hazards), what
                    + " (not online: PostgreSQL cannot build an index of a partitioned table concurrently; it holds SHARE"
                    + " on every partition while it builds)");
        } else {
            group.addOutsideTransaction(PlanPhase.CREATE_INDEXES, DdlRenderer.createIndexConcurrently(table, index), kind,
                    hazards, what + " concurrently (a failed build leaves an invalid index, which the next plan drops and"
                            + " builds again)");
        }
        if (index.comment() != null) {
            group.add(PlanPhase.COMMENTS, DdlRenderer.commentOnIndex(table, index.name(), index.comment()), kind, NONE,
                    "comment on index " + index.name() + " on " + table);
        }
        expected.table(table).map(Table::replicaIdentity)
                .filter(identity -> index.name().equals(identity.index()) && kind == Kind.ALTER)
                .ifPresent(identity -> planReplicaIdentity(group, table, identity, Kind.ALTER));
    }

    private void planPolicyAlter(QualifiedName table, Policy want, Policy have) {
        boolean alterable = want.permissive() == have.permissive() && want.command() == have.command()
                && (want.using() != null || have.using() == null)
                && (want.withCheck() != null || have.withCheck() == null);
        String name = "policy " + want.name() + " on " + table;
        if (alterable) {
            group().add(PlanPhase.POLICIES, DdlRenderer.alterPolicy(table, want), Kind.ALTER, NONE, "alter " + name);
        } else {
            group().add(PlanPhase.DROP_POLICIES, DdlRenderer.dropPolicy(table, have.name()), Kind.DROP, NONE,
                    "drop " + name + " (re-created with the expected definition)")
                    .add(PlanPhase.POLICIES, DdlRenderer.createPolicy(table, want), Kind.ALTER, NONE, "re-create " + name);
        }
    }
}
