package dev.schemaguard.model;

import java.util.Objects;

/** Marks a table as a partition of {@code parent}: {@code bound} is {@code FOR VALUES ...} or {@code DEFAULT}. */
public record PartitionBound(QualifiedName parent, String bound) {

    public PartitionBound {
        Objects.requireNonNull(parent, "parent table");
        Objects.requireNonNull(bound, "partition bound");
    }
}
