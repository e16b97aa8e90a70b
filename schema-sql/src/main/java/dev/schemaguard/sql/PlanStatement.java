package dev.schemaguard.sql;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One SQL statement of a {@link MigrationPlan}, without the trailing semicolon, with what it does for a person
 * ({@code description}) and what may go wrong ({@code hazards}).
 */
public record PlanStatement(String sql, Kind kind, Set<Hazard> hazards, String description) {

    public enum Kind {
        /** Creates something the database is missing (schema, table, column, constraint, index, policy, comment). */
        CREATE,
        /** Changes something that exists, including re-creating an object the same plan dropped. */
        ALTER,
        /** Removes something the database should not have. */
        DROP
    }

    public PlanStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(kind, () -> "kind of statement " + sql);
        Objects.requireNonNull(description, () -> "description of statement " + sql);
        // an EnumSet keeps the declaration order, so hazards print the same way on every run
        hazards = Collections.unmodifiableSet(hazards.isEmpty() ? EnumSet.noneOf(Hazard.class) : EnumSet.copyOf(hazards));
    }

    public boolean has(Hazard hazard) {
        return hazards.contains(hazard);
    }

    PlanStatement withDescription(String newDescription) {
        return new PlanStatement(sql, kind, hazards, newDescription);
    }
}
