package dev.schemaguard.sql;

import dev.schemaguard.diff.Expressions;
import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SerialColumns;
import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaObject;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.View;
import dev.schemaguard.sql.PlanLedger.PartRef;
import dev.schemaguard.sql.PlanStatement.Cause;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import static dev.schemaguard.sql.PlanContext.*;
import static dev.schemaguard.sql.PlanGroup.*;

/**
 * Routines, aggregates, views, triggers and rules: what the diff changes about them, and how each is created
 * (again) from the expected model once the changes are made (their drops and re-creations are ordered by
 * {@link DependentsPlanner}).
 */
final class RoutinePlanner extends ConcernPlanner {

    /** The expected tables and views by qualified name, for routine signatures; built on first use. */
    private Set<QualifiedName> expectedTables;

    private Set<QualifiedName> expectedViews;

    RoutinePlanner(Planners planners) {
        super(planners);
    }

    /** A new view (with its triggers and rules), routine or aggregate: created once the changes are made. */
    void objectAdded(String schema, SchemaObject object) {
        QualifiedName name = QualifiedName.of(schema, object.name());
        ObjectRef ref = objectRef(schema, object);
        create(ref, cause());
        ledger.markNew(ref);
        if (object instanceof View view) {
            for (Trigger trigger : view.triggers()) {
                ObjectRef triggerRef = triggerRef(name, trigger.name());
                create(triggerRef, cause());
                ledger.markNew(triggerRef);
            }
            for (Rule rule : view.rules()) {
                ObjectRef ruleRef = ruleRef(name, rule.name());
                create(ruleRef, cause());
                ledger.markNew(ruleRef);
            }
        }
    }

    void objectDropped(String schema, SchemaObject object) {
        dropDependent(objectRef(schema, object), "not in the expected schema", cause());
    }

    /** Returns true when the object is re-created (which sets its comment too). */
    boolean objectAltered(String schema, SchemaObject want, SchemaObject have) {
        if (want instanceof View w && have instanceof View h) {
            return planViewAlter(schema, w, h);
        }
        if (want instanceof Routine w && have instanceof Routine h) {
            return planRoutineAlter(schema, w, h);
        }
        if (want instanceof Aggregate w && have instanceof Aggregate h && !w.sameDefinitionAs(h)) {
            ObjectRef ref = objectRef(schema, w);
            dropDependent(ref, "its definition changes, which only dropping and creating it again can do", cause());
            touch(ref);
            create(ref, cause());
            return true;
        }
        return false;
    }

    void triggerAdded(SchemaChange.TriggerAdded t) {
        ledger.createNew(triggerRef(t.table(), t.trigger().name()), cause());
    }

    void triggerDropped(SchemaChange.TriggerDropped t) {
        dropDependent(triggerRef(t.table(), t.trigger().name()), "not in the expected schema", cause());
    }

    void ruleAdded(SchemaChange.RuleAdded r) {
        ledger.createNew(ruleRef(r.table(), r.rule().name()), cause());
    }

    void ruleDropped(SchemaChange.RuleDropped r) {
        dropDependent(ruleRef(r.table(), r.rule().name()), "not in the expected schema", cause());
    }

    /** Returns true when the view is re-created (which sets its comment too). */
    private boolean planViewAlter(String schema, View want, View have) {
        ObjectRef wantRef = PlanGraph.viewRef(schema, want);
        ObjectRef haveRef = PlanGraph.viewRef(schema, have);
        boolean sameQuery = want.materialized() == have.materialized()
                && Expressions.equivalent(DdlObjects.viewQuery(want), DdlObjects.viewQuery(have));
        if (sameQuery) {
            if (want.materialized() && !new HashSet<>(want.indexes()).equals(new HashSet<>(have.indexes()))) {
                unlessRecreated(wantRef, () -> planMaterializedViewIndexes(schema, want, have));
            }
            if (!new HashSet<>(want.options()).equals(new HashSet<>(have.options()))) {
                String keyword = want.materialized() ? "MATERIALIZED VIEW " : "VIEW ";
                QualifiedName view = QualifiedName.of(schema, want.name());
                unlessRecreated(wantRef, () -> {
                    for (String action : DdlRenderer.storageParameterActions(want.options(), have.options())) {
                        group().add(PlanPhase.CREATE_VIEWS, "ALTER " + keyword + view.sql() + " " + action, Kind.ALTER, NONE,
                                "options of " + want.kind() + " " + view + ": " + action);
                    }
                });
            }
            return false;
        }
        if (!want.materialized() && !have.materialized() && DdlDefinitions.onlyAppendsColumns(have.definition(), want.definition())) {
            create(wantRef, cause());
            ledger.replaceView(wantRef);
            return false;
        }
        dropDependent(haveRef, "re-created with the expected query", cause());
        touch(haveRef);
        create(wantRef, cause());
        if (!wantRef.equals(haveRef)) {
            ledger.markNew(wantRef);
        }
        // DROP VIEW drops its triggers and rules; pg_depend names them too, but a model written by hand has no dependencies
        QualifiedName view = QualifiedName.of(schema, want.name());
        Cause withView = dependent("it is on view " + view + ", which is re-created");
        want.triggers().forEach(trigger -> create(triggerRef(view, trigger.name()), withView));
        want.rules().forEach(rule -> create(ruleRef(view, rule.name()), withView));
        return true;
    }

    private void planMaterializedViewIndexes(String schema, View want, View have) {
        QualifiedName view = QualifiedName.of(schema, want.name());
        PlanGroup group = group();
        for (Index index : have.indexes()) {
            if (!want.indexes().contains(index)) {
                group.add(PlanPhase.DROP_INDEXES, DdlRenderer.dropIndex(view, index.name()), Kind.DROP, NONE,
                        "drop index " + index.name() + " on materialized view " + view);
            }
        }
        for (Index index : want.indexes()) {
            if (!have.indexes().contains(index)) {
                parts().planIndexCreate(group, view, index, Kind.ALTER);
            }
        }
    }

    /**
     * CREATE OR REPLACE runs the expected definition as long as the routine's header (arguments with their names
     * and defaults, result type) stays the same; otherwise the routine is dropped and created again. Returns
     * true when it is re-created.
     */
    private boolean planRoutineAlter(String schema, Routine want, Routine have) {
        ObjectRef ref = ObjectRef.of(ObjectRef.Kind.ROUTINE, schema, want.signature());
        if (want.routineKind() == have.routineKind() && want.definition().strip().equals(have.definition().strip())) {
            return false;
        }
        create(ref, cause());
        if (want.routineKind() != have.routineKind()
                || !DdlDefinitions.routineHeader(want.definition()).equals(DdlDefinitions.routineHeader(have.definition()))) {
            dropDependent(ref, "its arguments or result type change, which CREATE OR REPLACE cannot do", cause());
            touch(ref);
            return true;
        }
        return false;
    }

    void planTriggerAlter(QualifiedName table, Trigger want, Trigger have) {
        ObjectRef ref = triggerRef(table, want.name());
        if (!Expressions.equivalent(want.definition(), have.definition())) {
            dropDependent(ref, "re-created with the expected definition", cause());
            create(ref, cause());
            return;
        }
        unlessRecreated(ref, () -> {
            PlanGroup group = group();
            if (want.firing() != have.firing()) {
                group.add(PlanPhase.CREATE_TRIGGERS, DdlObjects.enableTrigger(table, want.name(), want.firing()), Kind.ALTER, NONE,
                        want.firing().sql().toLowerCase(Locale.ROOT) + " trigger " + want.name() + " on " + table);
            }
            if (!Objects.equals(want.comment(), have.comment())) {
                group.add(PlanPhase.COMMENTS, DdlObjects.commentOnTrigger(table, want.name(), want.comment()), Kind.ALTER, NONE,
                        "set the comment on trigger " + want.name() + " on " + table);
            }
        });
    }

    /** A rule whose actions change is replaced in one statement; when only its firing or comment changes, those. */
    void planRuleAlter(QualifiedName relation, Rule want, Rule have) {
        ObjectRef ref = ruleRef(relation, want.name());
        if (!Expressions.equivalent(want.definition(), have.definition())) {
            create(ref, cause());
            return;
        }
        unlessRecreated(ref, () -> {
            PlanGroup group = group();
            if (want.firing() != have.firing()) {
                group.add(PlanPhase.CREATE_TRIGGERS, DdlObjects.enableRule(relation, want.name(), want.firing()), Kind.ALTER, NONE,
                        want.firing().sql().toLowerCase(Locale.ROOT) + " rule " + want.name() + " on " + relation);
            }
            if (!Objects.equals(want.comment(), have.comment())) {
                group.add(PlanPhase.COMMENTS, DdlObjects.commentOnRule(relation, want.name(), want.comment()), Kind.ALTER, NONE,
                        "set the comment on rule " + want.name() + " on " + relation);
            }
        });
    }

    void planCreate(ObjectRef ref, Kind kind) {
        String verb = kind == Kind.CREATE ? "create " : "re-create ";
        QualifiedName table = ref.member() == null ? null : tableOf(ref);
        switch (ref.kind()) {
            case VIEW, MATERIALIZED_VIEW -> view(expected, ref).ifPresent(v -> planViewCreate(ref.schema(), v, kind));
            case ROUTINE -> aggregate(expected, ref).ifPresentOrElse(a -> {
                PlanGroup group = group().add(PlanPhase.CREATE_AGGREGATES, DdlAggregates.create(ref.schema(), a), kind, NONE,
                        verb + "aggregate " + qualified(ref));
                if (a.comment() != null) {
                    group.add(PlanPhase.COMMENTS, DdlAggregates.comment(ref.schema(), a, a.comment()), kind, NONE,
                            "comment on aggregate " + qualified(ref));
                }
            }, () -> routine(expected, ref).ifPresent(r -> {
                PlanGroup group = group().add(routinePhase(ref.schema(), r), DdlObjects.createOrReplace(r), kind, NONE,
                        (ledger.dropsDependent(ref) || kind == Kind.CREATE ? verb : "replace ") + r.kind() + " " + qualified(ref));
                if (r.comment() != null) {
                    group.add(PlanPhase.COMMENTS, DdlObjects.comment(ref.schema(), r, r.comment()), kind, NONE,
                            "comment on " + r.kind() + " " + qualified(ref));
                }
            }));
            case TRIGGER -> trigger(expected, ref).ifPresent(trigger -> {
                PlanGroup group = group().add(PlanPhase.CREATE_TRIGGERS, DdlObjects.createTrigger(trigger), kind, NONE,
                        verb + "trigger " + trigger.name() + " on " + table);
                if (trigger.firing() != Trigger.Firing.ORIGIN) {
                    group.add(PlanPhase.CREATE_TRIGGERS, DdlObjects.enableTrigger(table, trigger.name(), trigger.firing()), kind,
                            NONE, trigger.firing().sql().toLowerCase(Locale.ROOT) + " trigger " + trigger.name()
                                    + " on " + table);
                }
                if (trigger.comment() != null) {
                    group.add(PlanPhase.COMMENTS, DdlObjects.commentOnTrigger(table, trigger.name(), trigger.comment()), kind, NONE,
                            "comment on trigger " + trigger.name() + " on " + table);
                }
            });
            case RULE -> rule(expected, ref).ifPresent(rule -> {
                boolean replaces = kind == Kind.ALTER && !ledger.dropsDependent(ref) && !ledger.dropsViewOf(ref);
                PlanGroup group = group().add(PlanPhase.CREATE_TRIGGERS, DdlObjects.createOrReplaceRule(rule), kind, NONE,
                        (replaces ? "replace " : verb) + "rule " + rule.name() + " on " + table);
                boolean firingChanges = replaces ? rule(actual, ref).map(r -> r.firing() != rule.firing()).orElse(true)
                        : rule.firing() != Trigger.Firing.ORIGIN;
                if (firingChanges) {
                    group.add(PlanPhase.CREATE_TRIGGERS, DdlObjects.enableRule(table, rule.name(), rule.firing()), kind, NONE,
                            rule.firing().sql().toLowerCase(Locale.ROOT) + " rule " + rule.name() + " on " + table);
                }
                boolean commentChanges = replaces ? rule(actual, ref).map(r -> !Objects.equals(r.comment(), rule.comment()))
                        .orElse(true) : rule.comment() != null;
                if (commentChanges) {
                    group.add(PlanPhase.COMMENTS, DdlObjects.commentOnRule(table, rule.name(), rule.comment()), kind, NONE,
                            "comment on rule " + rule.name() + " on " + table);
                }
            });
            case POLICY -> expected.table(table).flatMap(t -> t.policies().stream().filter(p -> p.name().equals(ref.member())).findFirst())
                    .ifPresent(policy -> group().add(PlanPhase.POLICIES, DdlRenderer.createPolicy(table, policy), kind, NONE,
                            verb + "policy " + policy.name() + " on " + table));
            case CONSTRAINT -> expected.table(table).flatMap(t -> t.constraint(ref.member()))
                    .ifPresent(constraint -> {
                        if (constraint instanceof dev.schemaguard.model.ForeignKey fk) {
                            foreignKeys().planForeignKeyAdd(group(), table, fk, kind);
                        } else {
                            parts().planConstraintStatements(group(), table, constraint, kind, verb);
                        }
                        ledger.createdConstraint(new PartRef(table, constraint.name()), cause());
                    });
            case COLUMN -> expected.table(table).flatMap(t -> t.column(ref.member()))
                    .map(column -> SerialColumns.defaultExpression(table, column))
                    .ifPresent(expression -> group().add(PlanPhase.ALTER_COLUMNS,
                            DdlRenderer.alterColumn(table, ref.member(), "SET DEFAULT " + expression), kind, NONE,
                            "set the default of " + table + "." + ref.member() + " again"));
            case INDEX -> {
                QualifiedName indexTable = indexTable(expected, ref);
                if (indexTable != null) {
                    expected.table(indexTable).flatMap(t -> t.index(ref.name()))
                            .ifPresent(index -> parts().planIndexCreate(group(), indexTable, index, kind));
                }
            }
            default -> {
            }
        }
    }

    /** Where a routine is created: after the tables or views whose row types its signature uses, if any. */
    private PlanPhase routinePhase(String schema, Routine routine) {
        if (expectedTables == null) {
            expectedTables = new HashSet<>();
            expectedViews = new HashSet<>();
            for (Schema s : expected.schemas()) {
                s.tables().forEach(t -> expectedTables.add(QualifiedName.of(s.name(), t.name())));
                s.views().forEach(v -> expectedViews.add(QualifiedName.of(s.name(), v.name())));
            }
        }
        if (RoutineSignature.mentions(schema, routine, expectedViews)) {
            return PlanPhase.CREATE_ROUTINES_ON_VIEWS;
        }
        return RoutineSignature.mentions(schema, routine, expectedTables) ? PlanPhase.CREATE_ROUTINES_ON_TABLES : PlanPhase.CREATE_ROUTINES;
    }

    private void planViewCreate(String schema, View view, Kind kind) {
        ObjectRef ref = PlanGraph.viewRef(schema, view);
        QualifiedName name = QualifiedName.of(schema, view.name());
        boolean replace = ledger.replacesView(ref);
        Set<Hazard> hazards = view.materialized() && kind == Kind.ALTER ? REWRITES : NONE;
        PlanGroup group = group().add(PlanPhase.CREATE_VIEWS, replace ? DdlObjects.replaceView(schema, view) : DdlObjects.create(schema, view),
                kind, hazards, (replace ? "replace view " : (kind == Kind.CREATE ? "create " : "re-create ") + view.kind() + " ") + name
                        + (view.materialized() ? " (computes its rows)" : ""));
        for (Index index : view.indexes()) {
            group.add(PlanPhase.CREATE_VIEWS, DdlRenderer.createIndex(name, index), kind, index.unique() ? MAY_FAIL : NONE,
                    "create index " + index.name() + " on " + view.kind() + " " + name);
        }
        if (view.comment() != null && !replace) {
            group.add(PlanPhase.COMMENTS, DdlObjects.comment(schema, view, view.comment()), kind, NONE,
                    "comment on " + view.kind() + " " + name);
        }
    }
}
