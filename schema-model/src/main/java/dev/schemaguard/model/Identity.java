package dev.schemaguard.model;

import java.util.Objects;

/** {@code GENERATED ALWAYS | BY DEFAULT AS IDENTITY (options)}. */
public record Identity(Generation generation, SequenceOptions sequence) {

    public enum Generation {
        ALWAYS("ALWAYS"), BY_DEFAULT("BY DEFAULT");

        private final String sql;

        Generation(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    public Identity {
        Objects.requireNonNull(generation, "identity generation");
        sequence = sequence == null ? SequenceOptions.DEFAULTS : sequence;
    }

    public static Identity always() {
        return new Identity(Generation.ALWAYS, SequenceOptions.DEFAULTS);
    }

    public static Identity byDefault() {
        return new Identity(Generation.BY_DEFAULT, SequenceOptions.DEFAULTS);
    }
}
