package dev.schemaguard.guard;

import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.QualifiedName;

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
        List<String> parts;
        try {
            parts = Identifiers.splitQualified(text.strip(), false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unterminated quoted name: " + text, e);
        }
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("expected a table or schema.table, got: " + text);
        }
        return parts;
    }
}
