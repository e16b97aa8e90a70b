package dev.schemaguard.model;

import java.util.List;
import java.util.Objects;

/**
 * A view or materialized view. {@code definition} is the query as PostgreSQL prints it
 * ({@code pg_get_viewdef}); materialized views may carry indexes.
 */
public record View(String name, boolean materialized, String definition, List<Index> indexes, String comment)
        implements SchemaObject {

    public View {
        Identifiers.requireValid(name, "view name");
        Objects.requireNonNull(definition, () -> "definition of view " + name);
        indexes = List.copyOf(indexes);
        if (!materialized && !indexes.isEmpty()) {
            throw new IllegalArgumentException("view " + name + " is not materialized and cannot have indexes");
        }
    }

    @Override
    public String kind() {
        return materialized ? "materialized view" : "view";
    }
}
