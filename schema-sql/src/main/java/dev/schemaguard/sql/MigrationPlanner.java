package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.PlanStatement.Cause;

import java.util.List;

/**
 * Turns a {@link SchemaDiff} into ordered DDL (see {@link PlanPhase} for the order). Drops run first, most dependent
 * objects first; then schemas, extensions, collations, text search dictionaries and configurations, types, sequences
 * and routines (with
 * {@code check_function_bodies} off, so a function may name tables created later), column changes, logged/unlogged
 * switches, tables, constraints, indexes, foreign keys, sequence ownership, row security, policies, views in
 * dependency order, triggers (of tables and views), grants; then the drops of types, text search configurations and
 * dictionaries, collations, sequences,
 * extensions and schemas nothing uses any more; comments last. Nothing uses CASCADE: what PostgreSQL would refuse
 * to change while dependents exist (a column type under a view, a function a trigger or default calls, a view other
 * views read, a type or collation being rebuilt) is planned as dropping the dependents found in the actual
 * database's dependencies (pg_depend), transitively, making the change, and creating them again from the expected
 * model. Foreign keys that depend on a key, column or table being dropped or changed, or that would link a logged
 * and an unlogged table while one switches, are dropped first and re-created at the end. Statements that delete
 * data are skipped unless
 * {@link PlanOptions#allowDrops()}, together with the statements that only make sense with them.
 */
public final class MigrationPlanner {

    private final Database actual;
    private final PlanOptions options;
    private final Planners planners;

    private MigrationPlanner(Database expected, Database actual, PlanOptions options) {
        this.actual = actual;
        this.options = options;
        this.planners = new Planners(new PlanContext(expected, actual, options));
    }

    /** The statements that turn {@code actual} into {@code expected}. */
    public static MigrationPlan plan(Database expected, Database actual, PlanOptions options) {
        return plan(SchemaDiff.compare(expected, actual), expected, actual, options);
    }

    /**
     * As {@link #plan(Database, Database, PlanOptions)}, with the diff of the two models already computed. No
     * difference, no statement: every statement is planned for a change, and the context a plan needs (the
     * dependency graph, the lookups) is not built for nothing (at 10,000 tables, a visible part of a check that
     * finds the database as declared).
     */
    public static MigrationPlan plan(SchemaDiff diff, Database expected, Database actual, PlanOptions options) {
        if (diff.changes().isEmpty()) {
            return new MigrationPlan(List.of(), List.of(), options.online());
        }
        return new MigrationPlanner(expected, actual, options).build(diff);
    }

    /** Complete DDL creating everything in {@code expected} on an empty database. */
    public static MigrationPlan baseline(Database expected) {
        return plan(expected, Database.EMPTY, PlanOptions.ALLOW_DROPS);
    }

    /**
     * The passes of planning, in order. Each records in the {@link PlanLedger} what later ones need; the order the
     * statements run in is {@link PlanPhase}'s, whatever the pass that planned them.
     */
    private MigrationPlan build(SchemaDiff diff) {
        Planners p = planners;
        p.survey.collectTableLevelChanges(diff);       // tables created, dropped, rebuilt; what the diff touches
        p.foreignKeys.collectForeignKeyDrops(diff);     // foreign keys in the way of a change
        for (SchemaChange change : diff.changes()) {    // each change, by its concern
            p.steps.planningFor(new Cause.Planned(change));
            p.dispatch.plan(change);
        }
        p.steps.planningFor(null);
        p.tables.planChildTableDrops();                 // partitions and children, deepest first
        p.types.planDeferredDrops();                    // types, collations, sequences, with the data drops they need
        p.textSearch.planTextSearch(diff);
        p.tables.planTableCreations();                  // new tables in foreign key order
        p.foreignKeys.planForeignKeys();                // dropped first, added last
        p.dependents.planDependents();                  // drop before, re-create after
        p.casts.planCastsOfDroppedObjects();
        p.parts.planConstraintComments();
        p.grants.planGrants(diff);
        // the locks a statement takes depend on what the statements before it did: known once the order is
        return p.steps.assemble(options).withLocksFrom(new LockRules(actual, options.serverVersion()));
    }
}
