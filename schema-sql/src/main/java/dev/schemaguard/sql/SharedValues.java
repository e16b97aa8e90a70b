package dev.schemaguard.sql;

import dev.schemaguard.model.DataType;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance per distinct value met during one read of the catalogs. A large schema repeats the same column
 * names, types and default expressions on table after table, and the driver returns a new string for every row:
 * at 10,000 tables, 100,000 columns came down to a few dozen names, types and defaults (the model the comparison
 * holds twice, the declared side and the live one, is what sets the command's peak memory).
 */
final class SharedValues {

    private final Map<String, String> texts = new HashMap<>();
    private final Map<DataType, DataType> types = new HashMap<>();

    /** {@code text}, or the equal string met before; null stays null. */
    String text(String text) {
        if (text == null) {
            return null;
        }
        String earlier = texts.putIfAbsent(text, text);
        return earlier == null ? text : earlier;
    }

    /** {@code type}, or the equal type met before. */
    DataType type(DataType type) {
        DataType earlier = types.putIfAbsent(type, type);
        return earlier == null ? type : earlier;
    }
}
