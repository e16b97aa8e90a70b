package dev.schemaguard.jpa;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.DataType;

import java.util.Comparator;
import java.util.Map;

/**
 * The order Hibernate 6.6 gives the columns of a composite primary key (its {@code ColumnOrderingStrategyStandard},
 * applied when the SessionFactory starts): by the physical size of the column's type, at least 4 bytes counted,
 * smallest first; then by the column name as Hibernate spells it (before PostgreSQL folds it to lower case).
 * Foreign keys to such a key list their columns in the key's order.
 */
final class HibernateColumnOrder {

    /** PostgreSQL's largest varchar length, which Hibernate counts for a varchar(255) (its default length). */
    private static final int MAX_VARCHAR = 10_485_760;
    private static final int MAX_VARBINARY = Integer.MAX_VALUE - 1;
    /** Hibernate's bytes per decimal digit divisor: log2(10) * 8. */
    private static final double DECIMAL_TO_BYTES = Math.log(10) / Math.log(2) * 8;

    private HibernateColumnOrder() {
    }

    /** Orders columns of one table; {@code spelling} maps a folded column name to Hibernate's spelling of it. */
    static Comparator<Column> comparator(Map<String, String> spelling) {
        return Comparator.<Column>comparingInt(c -> Math.max(sizeInBytes(c.type()), 4))
                .thenComparing(c -> spelling.getOrDefault(c.name(), c.name()));
    }

    static int sizeInBytes(DataType type) {
        if (type.isArray()) {
            return Integer.MAX_VALUE;
        }
        return switch (type.name()) {
            case "boolean" -> 1;
            case "smallint" -> 2;
            case "integer", "real", "date", "time without time zone", "time with time zone" -> 4;
            case "bigint", "double precision", "timestamp without time zone", "timestamp with time zone", "interval" -> 8;
            case "uuid" -> 16;
            case "numeric" -> (int) Math.ceil((type.modifiers().isEmpty() ? 38 : Integer.parseInt(type.modifiers().get(0)))
                    / DECIMAL_TO_BYTES);
            case "character varying", "character" -> {
                int length = type.modifiers().isEmpty() ? 255 : Integer.parseInt(type.modifiers().get(0));
                yield length == 255 ? MAX_VARCHAR : length;
            }
            case "bytea" -> MAX_VARBINARY;
            default -> Integer.MAX_VALUE;
        };
    }
}
