package dev.schemaguard.sql;

import dev.schemaguard.sql.PlanStatement.Cause;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The statements of a plan as they are planned, in groups, and the cause the groups opened now get: the change
 * being planned, set by whoever plans it ({@link #planningFor}, {@link #because}).
 */
final class PlanSteps {

    /** A statement, its phase, and its position in planning order, which orders the statements of one phase. */
    record Step(PlanPhase phase, int sequence, PlanStatement statement) {
    }

    private final List<PlanGroup> groups = new ArrayList<>();
    private int stepCount;
    private Cause cause;

    Step step(PlanPhase phase, PlanStatement statement) {
        return new Step(phase, stepCount++, statement);
    }

    /** A new group of statements caused by the change being planned. */
    PlanGroup group() {
        PlanGroup group = new PlanGroup(this, new ArrayList<>(), cause);
        groups.add(group);
        return group;
    }

    /** The cause of the statements being planned now; null between changes. */
    Cause cause() {
        return cause;
    }

    /** From now on, groups opened are caused by {@code newCause} (null: by nothing, until set again). */
    void planningFor(Cause newCause) {
        cause = newCause;
    }

    /** Plans with {@code newCause} as the cause of the groups {@code planning} opens. */
    void because(Cause newCause, Runnable planning) {
        Cause outer = cause;
        cause = newCause;
        try {
            planning.run();
        } finally {
            cause = outer;
        }
    }

    /** A dependent of the change being planned. */
    Cause dependent(String reason) {
        return new Cause.Dependent(cause.change(), reason);
    }

    /** The plan: its statements in phase order, and those held back because drops are not allowed. */
    MigrationPlan assemble(PlanOptions options) {
        List<Step> run = new ArrayList<>();
        List<Step> skipped = new ArrayList<>();
        for (PlanGroup group : groups) {
            if (group.deletesData() && !options.allowDrops()) {
                for (Step step : group.steps()) {
                    skipped.add(new Step(step.phase(), step.sequence(), step.statement().withDescription(skipReason(step.statement()))));
                }
            } else {
                run.addAll(group.steps());
            }
        }
        run.stream().filter(step -> step.phase() == PlanPhase.CREATE_ROUTINES
                        || step.phase() == PlanPhase.CREATE_ROUTINES_ON_TABLES || step.phase() == PlanPhase.CREATE_ROUTINES_ON_VIEWS)
                .min(Comparator.comparingInt(Step::sequence))
                .ifPresent(routine -> run.add(new Step(PlanPhase.PRELUDE, -1, new PlanStatement("SET LOCAL check_function_bodies = off",
                        Kind.CREATE, PlanGroup.NONE, "do not check function bodies while creating them: tables and views they use are"
                                + " created later in the plan", new Cause.Dependent(routine.statement().cause().change(),
                                "routines are created before the tables and views their bodies may use")))));
        return new MigrationPlan(inPhaseOrder(run), inPhaseOrder(skipped), options.online());
    }

    private static String skipReason(PlanStatement statement) {
        if (statement.has(Hazard.STOPS_REPLICATION)) {
            return statement.description() + " [skipped: stops replicating changes; plan with drops allowed to include it]";
        }
        return statement.has(Hazard.DELETES_DATA)
                ? statement.description() + " [skipped: deletes data; plan with drops allowed to include it]"
                : statement.description() + " [skipped: belongs to a change that deletes data]";
    }

    private static List<PlanStatement> inPhaseOrder(List<Step> steps) {
        return steps.stream().sorted(Comparator.comparing(Step::phase).thenComparingInt(Step::sequence))
                .map(Step::statement).toList();
    }
}
