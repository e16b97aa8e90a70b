package dev.schemaguard.model;

import java.util.Objects;

/**
 * A standalone sequence. {@code ownedByTable}/{@code ownedByColumn} name the column the sequence belongs to
 * ({@code OWNED BY}), or are null. Sequences behind serial and identity columns are not listed here: they are
 * part of their column.
 */
public record Sequence(String name, DataType type, SequenceOptions options, String ownedByTable, String ownedByColumn,
                       String comment) implements SchemaObject {

    public Sequence {
        Identifiers.requireValid(name, "sequence name");
        type = type == null ? DataType.of("bigint") : type;
        options = options == null ? SequenceOptions.DEFAULTS : options;
        if ((ownedByTable == null) != (ownedByColumn == null)) {
            throw new IllegalArgumentException("sequence " + name + ": OWNED BY needs both a table and a column");
        }
    }

    public static Sequence of(String name) {
        return new Sequence(name, null, null, null, null, null);
    }

    @Override
    public String kind() {
        return "sequence";
    }

    /** Options with PostgreSQL's defaults for this sequence's type folded to null, for comparison. */
    public SequenceOptions normalizedOptions() {
        return options.normalizedFor(Objects.requireNonNull(type));
    }
}
