package dev.schemaguard.sql;

import dev.schemaguard.model.QualifiedName;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How big a table is, from the catalog of the database a plan runs on: its rows as the statistics estimate them
 * ({@code rows}; empty when the table was never analyzed or vacuumed, {@code reltuples = -1}), the bytes of its own
 * data ({@code tableBytes}, {@code pg_relation_size}) and with its indexes and TOAST data ({@code totalBytes},
 * {@code pg_total_relation_size}).
 */
public record RelationSize(QualifiedName table, OptionalLong rows, long tableBytes, long totalBytes) {

    public RelationSize {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rows, () -> "rows of " + table);
    }

    /** Whether the statistics know the number of rows. */
    public boolean analyzed() {
        return rows.isPresent();
    }
}
