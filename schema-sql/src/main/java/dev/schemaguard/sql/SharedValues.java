package dev.schemaguard.sql;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance per distinct value met during one read of the catalogs. A large schema repeats the same column
 * names, types, default expressions and dependency ends on table after table, and the driver returns a new string
 * for every row: at 10,000 tables, 100,000 columns came down to a few dozen names, types and defaults (the model the
 * comparison holds twice, the declared side and the live one, is what sets the command's peak memory). Only for
 * immutable values (strings, records of them).
 */
final class SharedValues {

    private final Map<Object, Object> values = new HashMap<>();

    /** {@code value}, or the equal value met before; null stays null. */
    @SuppressWarnings("unchecked")
    <T> T one(T value) {
        if (value == null) {
            return null;
        }
        Object earlier = values.putIfAbsent(value, value);
        return earlier == null ? value : (T) earlier;
    }
}
