package dev.schemaguard.sql;

import dev.schemaguard.sql.PlanStatement.Cause;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Statements that stand or fall together: skipped as a whole when one deletes data and drops are not allowed.
 * Each statement added through a group gets the group's cause: the change being planned when it was opened.
 */
final class PlanGroup {

    static final Set<Hazard> NONE = Set.of();
    static final Set<Hazard> DELETES = Set.of(Hazard.DELETES_DATA);
    static final Set<Hazard> STOPS_REPLICATION = Set.of(Hazard.STOPS_REPLICATION);
    static final Set<Hazard> MAY_FAIL = Set.of(Hazard.MAY_FAIL_ON_EXISTING_ROWS);
    static final Set<Hazard> REWRITES = Set.of(Hazard.REWRITES_TABLE);

    private final PlanSteps plan;
    private final List<PlanSteps.Step> steps;
    private final Cause cause;

    PlanGroup(PlanSteps plan, List<PlanSteps.Step> steps, Cause cause) {
        this.plan = plan;
        this.steps = steps;
        this.cause = Objects.requireNonNull(cause, "a group opened outside the planning of any change: a planner bug");
    }

    PlanGroup add(PlanPhase phase, String sql, Kind kind, Set<Hazard> hazards, String description) {
        steps.add(plan.step(phase, new PlanStatement(sql, kind, hazards, description, cause)));
        return this;
    }

    /** A statement PostgreSQL refuses to run inside a transaction block ({@code CREATE INDEX CONCURRENTLY}, ...). */
    PlanGroup addOutsideTransaction(PlanPhase phase, String sql, Kind kind, Set<Hazard> hazards, String description) {
        steps.add(plan.step(phase, new PlanStatement(sql, kind, hazards, description, cause).outsideTransaction()));
        return this;
    }

    /** This group, adding statements for {@code other}: a change that stands or falls with this group's. */
    PlanGroup joinedBy(Cause other) {
        return new PlanGroup(plan, steps, other);
    }

    Cause cause() {
        return cause;
    }

    List<PlanSteps.Step> steps() {
        return steps;
    }

    /** Deletes data or stops replication: planned only when drops are allowed. */
    boolean deletesData() {
        return steps.stream().anyMatch(s -> s.statement().has(Hazard.DELETES_DATA)
                || s.statement().has(Hazard.STOPS_REPLICATION));
    }
}
