package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One SQL statement of a {@link MigrationPlan}, without the trailing semicolon, with what it does for a person
 * ({@code description}), what may go wrong ({@code hazards}) and why the planner planned it ({@code cause}).
 *
 * <p>How the statement runs: the strongest table lock it takes ({@code lockLevel}, {@link LockLevel#UNDETERMINED}
 * until the online-plan work fills it in) and whether it can run inside a transaction block ({@code transactional}:
 * every statement the planner emits today can, and {@link PlanExecutor} runs a plan in one transaction). In the
 * library only the planner builds statements ({@code PlanGroup#add}, and the prelude in {@code PlanSteps#assemble}),
 * so a new component is filled in there.
 */
public record PlanStatement(String sql, Kind kind, Set<Hazard> hazards, String description, Cause cause,
                            LockLevel lockLevel, boolean transactional) {

    public enum Kind {
        /** Creates something the database is missing (schema, table, column, constraint, index, policy, comment). */
        CREATE,
        /** Changes something that exists, including re-creating an object the same plan dropped. */
        ALTER,
        /** Removes something the database should not have. */
        DROP
    }

    /**
     * PostgreSQL's table-level lock modes, weakest first (see "Explicit Locking" in its manual), and
     * {@link #UNDETERMINED} for a statement whose lock the planner has not worked out (every statement, today).
     */
    public enum LockLevel {
        UNDETERMINED,
        ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
        ACCESS_EXCLUSIVE;

        /** {@code ACCESS EXCLUSIVE}, as PostgreSQL spells the mode; null for {@link #UNDETERMINED}. */
        public String sql() {
            return this == UNDETERMINED ? null : name().replace('_', ' ');
        }
    }

    /** Why a statement is in the plan: always one change of the diff the plan was made from. */
    public sealed interface Cause {

        /** The change of the diff this statement plans, or makes room for. */
        SchemaChange change();

        /** The statement plans {@code change} itself. */
        record Planned(SchemaChange change) implements Cause {
            public Planned {
                Objects.requireNonNull(change, "change");
            }
        }

        /**
         * The statement moves another object because of {@code change}: a view dropped and re-created around a
         * column type change, a foreign key dropped before the key it references; {@code reason} says why.
         */
        record Dependent(SchemaChange change, String reason) implements Cause {
            public Dependent {
                Objects.requireNonNull(change, "change");
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    public PlanStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(kind, () -> "kind of statement " + sql);
        Objects.requireNonNull(description, () -> "description of statement " + sql);
        Objects.requireNonNull(cause, () -> "cause of statement " + sql + " (a statement without one is a planner bug)");
        Objects.requireNonNull(lockLevel, () -> "lock level of statement " + sql);
        // an EnumSet keeps the declaration order, so hazards print the same way on every run
        hazards = Collections.unmodifiableSet(hazards.isEmpty() ? EnumSet.noneOf(Hazard.class) : EnumSet.copyOf(hazards));
    }

    /**
     * A statement whose lock is not determined yet and that runs inside a transaction, as every statement did
     * before statements carried either.
     */
    public PlanStatement(String sql, Kind kind, Set<Hazard> hazards, String description, Cause cause) {
        this(sql, kind, hazards, description, cause, LockLevel.UNDETERMINED, true);
    }

    public boolean has(Hazard hazard) {
        return hazards.contains(hazard);
    }

    PlanStatement withDescription(String newDescription) {
        return new PlanStatement(sql, kind, hazards, newDescription, cause, lockLevel, transactional);
    }
}
