package dev.schemaguard.yaml;

import dev.schemaguard.model.DataType;
import dev.schemaguard.yaml.ColumnShortForm.ColumnSpec;

import java.util.HashMap;
import java.util.Map;

/**
 * What one read has parsed or checked already, by the text as written. A schema repeats a few column lines, types
 * and expressions thousands of times (a 10,000-table snapshot has a few dozen distinct ones), so each is parsed or
 * checked once and the model shares the result: reading is faster and the model smaller. Only successes are kept;
 * a text that fails fails again wherever it is written, with the same message at the same place.
 */
final class ReadMemo {

    private record ColumnKey(String schema, String name, String text) {
    }

    private record CheckKey(SqlText kind, String text) {
    }

    private final Map<ColumnKey, ColumnSpec> columns = new HashMap<>();
    private final Map<String, DataType> types = new HashMap<>();
    private final Map<CheckKey, String> checked = new HashMap<>();

    /** {@link ColumnShortForm#parse}. */
    ColumnSpec column(String name, String text, String schema) {
        ColumnKey key = new ColumnKey(schema, name, text);
        ColumnSpec spec = columns.get(key);
        if (spec == null) {
            spec = ColumnShortForm.parse(name, text, schema);
            columns.put(key, spec);
        }
        return spec;
    }

    /** {@link ColumnShortForm#parseType}. */
    DataType type(String text) {
        DataType type = types.get(text);
        if (type == null) {
            type = ColumnShortForm.parseType(text);
            types.put(text, type);
        }
        return type;
    }

    /** {@link SqlText#check(YamlNode, String, String)}, returning the first instance of an equal text. */
    String check(SqlText kind, YamlNode node, String text, String what) {
        if (text == null) {
            return null;
        }
        CheckKey key = new CheckKey(kind, text);
        String earlier = checked.get(key);
        if (earlier != null) {
            return earlier;
        }
        kind.check(node, text, what);
        checked.put(key, text);
        return text;
    }

    /** {@link SqlText#text(Fields, String)}. */
    String text(SqlText kind, Fields fields, String key) {
        String text = fields.text(key);
        return text == null ? null : checked(kind, fields, key, text);
    }

    /** {@link SqlText#requiredText(Fields, String)}. */
    String requiredText(SqlText kind, Fields fields, String key) {
        return checked(kind, fields, key, fields.requiredText(key));
    }

    private String checked(SqlText kind, Fields fields, String key, String text) {
        String earlier = checked.get(new CheckKey(kind, text));
        return earlier != null ? earlier : check(kind, fields.node(key), text, "'" + key + "' of " + fields.what());
    }
}
