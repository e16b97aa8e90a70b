package dev.schemaguard.model;

import java.util.List;
import java.util.Objects;

/**
 * An index that is not the backing index of a constraint. {@code method} is the access method
 * ({@code btree}, {@code gin}, ...); {@code predicate} is the WHERE clause of a partial index or null;
 * {@code include} lists INCLUDE columns; NULLS NOT DISTINCT needs PostgreSQL 15.
 */
public record Index(
        String name,
        boolean unique,
        String method,
        List<IndexKey> keys,
        List<String> include,
        String predicate,
        boolean nullsNotDistinct) {

    public Index {
        Identifiers.requireValid(name, "index name");
        method = method == null ? "btree" : method;
        keys = List.copyOf(keys);
        include = List.copyOf(include);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " needs at least one key");
        }
        Objects.requireNonNull(method);
    }
}
