package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.Cast;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.sql.PlanLedger.Move;
import dev.schemaguard.sql.PlanStatement.Cause;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.List;

import static dev.schemaguard.sql.PlanGroup.*;

/**
 * Casts, and the casts that must be dropped (and created again) because their function or type goes.
 */
final class CastPlanner extends ConcernPlanner {

    CastPlanner(Planners planners) {
        super(planners);
    }

    void castDropped(SchemaChange.CastDropped c) {
        group().add(PlanPhase.DROP_CASTS, DdlAggregates.dropCast(c.cast()), Kind.DROP, NONE, "drop cast " + c.cast().sql());
        ledger.castHandledByDiff(c.cast());
    }

    void planCastCreate(PlanGroup group, Cast cast, Kind kind) {
        group.add(PlanPhase.CREATE_CASTS, DdlAggregates.createCast(cast), kind, NONE,
                (kind == Kind.CREATE ? "create cast " : "re-create cast ") + cast.sql());
        if (cast.comment() != null) {
            group.add(PlanPhase.COMMENTS, DdlAggregates.commentOnCast(cast, cast.comment()), kind, NONE,
                    "comment on cast " + cast.sql());
        }
    }

    /** A cast converts another way or in another context: PostgreSQL has no ALTER CAST, so it is dropped and created. */
    void planCastAlter(Cast want, Cast have) {
        ledger.castHandledByDiff(have);
        if (want.withComment(null).sameAs(have.withComment(null))) {
            group().add(PlanPhase.COMMENTS, DdlAggregates.commentOnCast(want, want.comment()), Kind.ALTER, NONE,
                    "set the comment on cast " + want.sql());
            return;
        }
        PlanGroup group = group().add(PlanPhase.DROP_CASTS, DdlAggregates.dropCast(have), Kind.DROP, NONE,
                "drop cast " + have.sql() + " to create it again");
        planCastCreate(group, want, Kind.ALTER);
    }

    /**
     * Casts the diff leaves alone whose function the plan drops (to create it again or for good), or whose source or
     * target type it drops or builds anew (an enum that loses a value): DROP FUNCTION and DROP TYPE refuse while a
     * cast uses them, so the cast is dropped first and, when the expected database has it, created again.
     */
    void planCastsOfDroppedObjects() {
        for (Cast cast : actual.casts()) {
            if (ledger.isCastHandledByDiff(cast)) {
                continue;
            }
            Cause source = touchedType(cast.source());
            Cause target = touchedType(cast.target());
            Move function = droppedFunction(cast);
            String reason = source != null ? "its source type " + cast.source().sql() + " is built anew"
                    : target != null ? "its target type " + cast.target().sql() + " is built anew"
                    : function != null ? "its function " + cast.functionSignature() + " is dropped" : null;
            if (reason != null) {
                Cause root = source != null ? source : target != null ? target : function.cause();
                planningFor(new Cause.Dependent(root.change(), reason));
                PlanGroup group = group().add(PlanPhase.DROP_CASTS, DdlAggregates.dropCast(cast), Kind.DROP, NONE,
                        "drop cast " + cast.sql() + " (" + reason + ")");
                expected.casts().stream().filter(cast::sameTypesAs).findFirst()
                        .ifPresent(want -> planCastCreate(group, want, Kind.ALTER));
            }
        }
        planningFor(null);
    }

    /** Why the plan builds the type anew, or null when it does not. */
    private Cause touchedType(DataType type) {
        DataType element = type.elementType();
        return element.schema() == null ? null
                : ledger.touchOf(ObjectRef.of(ObjectRef.Kind.TYPE, element.schema(), element.name()));
    }

    /** The drop of the cast's function, or null when the plan keeps it. */
    private Move droppedFunction(Cast cast) {
        if (cast.method() != Cast.Method.FUNCTION) {
            return null;
        }
        List<String> parts = Identifiers.splitQualified(cast.functionName(), false);
        return parts.size() != 2 ? null : ledger.dependentDrop(ObjectRef.of(ObjectRef.Kind.ROUTINE, parts.get(0),
                Identifiers.quote(parts.get(1)) + "(" + cast.functionArguments() + ")"));
    }
}
