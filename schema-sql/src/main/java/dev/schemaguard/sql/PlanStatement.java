package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.QualifiedName;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One SQL statement of a {@link MigrationPlan}, without the trailing semicolon, with what it does for a person
 * ({@code description}), what may go wrong ({@code hazards}) and why the planner planned it ({@code cause}).
 *
 * <p>How the statement runs: the locks it takes ({@code locks}: the strongest mode per table, view, materialized
 * view, sequence or foreign table, by {@link LockRules}, measured against {@code pg_locks} by the convergence
 * tests; empty for a statement that locks none), the tables it reads or rewrites in full ({@code work}, by the same
 * rules and measured the same way; empty when it does neither) and whether it can run inside a transaction block
 * ({@code transactional}: false only for the online recipes' {@code CREATE INDEX CONCURRENTLY} and
 * {@code DROP INDEX CONCURRENTLY}, planned with {@link PlanOptions#online()}). In the library only the planner builds
 * statements ({@code PlanGroup#add}, and the prelude in
 * {@code PlanSteps#assemble}); their locks are filled in once the plan's order is known ({@code MigrationPlanner}).
 */
public record PlanStatement(String sql, Kind kind, Set<Hazard> hazards, String description, Cause cause,
                            Map<QualifiedName, LockMode> locks, Map<QualifiedName, TableWork> work,
                            boolean transactional) {

    public enum Kind {
        /** Creates something the database is missing (schema, table, column, constraint, index, policy, comment). */
        CREATE,
        /** Changes something that exists, including re-creating an object the same plan dropped. */
        ALTER,
        /** Removes something the database should not have. */
        DROP
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
        locks = Collections.unmodifiableMap(new TreeMap<>(locks));
        work = Collections.unmodifiableMap(new TreeMap<>(work));
        // an EnumSet keeps the declaration order, so hazards print the same way on every run
        hazards = Collections.unmodifiableSet(hazards.isEmpty() ? EnumSet.noneOf(Hazard.class) : EnumSet.copyOf(hazards));
    }

    /** A statement that runs inside a transaction, its locks not yet worked out ({@link LockRules} does that). */
    public PlanStatement(String sql, Kind kind, Set<Hazard> hazards, String description, Cause cause) {
        this(sql, kind, hazards, description, cause, Map.of(), Map.of(), true);
    }

    public boolean has(Hazard hazard) {
        return hazards.contains(hazard);
    }

    PlanStatement withDescription(String newDescription) {
        return new PlanStatement(sql, kind, hazards, newDescription, cause, locks, work, transactional);
    }

    /** This statement, marked as one PostgreSQL refuses to run inside a transaction block. */
    PlanStatement outsideTransaction() {
        return new PlanStatement(sql, kind, hazards, description, cause, locks, work, false);
    }

    PlanStatement withLocks(Map<QualifiedName, LockMode> newLocks) {
        return new PlanStatement(sql, kind, hazards, description, cause, newLocks, work, transactional);
    }

    PlanStatement withWork(Map<QualifiedName, TableWork> newWork) {
        return new PlanStatement(sql, kind, hazards, description, cause, locks, newWork, transactional);
    }

    /**
     * The relation the statement is about: the one it does the most work on, else the one it locks the strongest
     * (the first by name among equals); empty when it locks none (a function, a type, a schema).
     */
    public Optional<QualifiedName> relation() {
        Optional<QualifiedName> worked = work.entrySet().stream()
                .max(Map.Entry.<QualifiedName, TableWork>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey);
        return worked.or(() -> locks.entrySet().stream()
                .max(Map.Entry.<QualifiedName, LockMode>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey));
    }

    /** The strongest lock the statement takes on any relation; empty when it locks no table, view or sequence. */
    public Optional<LockMode> strongestLock() {
        return locks.values().stream().max(Comparator.naturalOrder());
    }
}
