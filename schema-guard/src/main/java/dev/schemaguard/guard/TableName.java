package dev.schemaguard.guard;

import dev.schemaguard.model.QualifiedName;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table name as a guard receives it: {@code orders}, {@code app.orders}, {@code "Order Lines"} or
 * {@code app."Order Lines"}. Names are exact: unquoted parts are not folded to lower case, quotes only let a
 * name hold a dot or a double quote ({@code ""}).
 */
final class TableName {

    private TableName() {
    }

    /** The qualified name; an unqualified name is placed in {@code defaultSchema}. */
    static QualifiedName parse(String text, String defaultSchema) {
        List<String> parts = parts(text);
        if (parts.size() == 1) {
            return QualifiedName.of(defaultSchema, parts.get(0));
        }
        if (parts.size() == 2) {
            return QualifiedName.of(parts.get(0), parts.get(1));
        }
        throw new IllegalArgumentException("expected a table or schema.table, got: " + text);
    }

    private static List<String> parts(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a table name must not be empty");
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        String name = text.strip();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < name.length() && name.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '.') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted name: " + text);
        }
        parts.add(current.toString());
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("expected a table or schema.table, got: " + text);
        }
        return parts;
    }
}
