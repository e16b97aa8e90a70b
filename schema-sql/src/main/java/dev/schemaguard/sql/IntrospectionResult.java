package dev.schemaguard.sql;

import dev.schemaguard.model.Database;

import java.util.List;
import java.util.Objects;

/**
 * What introspection read ({@code database}) and what it saw but cannot describe yet ({@code unsupported}):
 * one line per object, e.g. {@code aggregate public.my_sum(integer): not supported yet}. An empty list means
 * nothing in the included schemas was left out.
 */
public record IntrospectionResult(Database database, List<String> unsupported) {

    public IntrospectionResult {
        Objects.requireNonNull(database, "database");
        unsupported = List.copyOf(unsupported);
    }
}
