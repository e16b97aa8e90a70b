package dev.schemaguard.model;

import java.util.Objects;

/**
 * How a partitioned table splits its rows: {@code PARTITION BY strategy (key)}, e.g. strategy {@code RANGE}
 * and key {@code created_at}, as {@code pg_get_partkeydef} prints it.
 */
public record Partitioning(Strategy strategy, String key) {

    public enum Strategy { RANGE, LIST, HASH }

    public Partitioning {
        Objects.requireNonNull(strategy, "partition strategy");
        Objects.requireNonNull(key, "partition key");
    }

    public String sql() {
        return strategy + " (" + key + ")";
    }
}
