package dev.schemaguard.guard;

import dev.schemaguard.model.DataType;

/**
 * A required column as written in a guard: a name, optionally followed by its type as in SQL
 * ({@code total numeric(10,2)}, {@code created_at timestamptz}, {@code "Display Name" text}). Without a type
 * only the column's existence is required. {@code type} is null then.
 */
record ColumnSpec(String name, DataType type) {

    static ColumnSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a required column must not be empty");
        }
        String spec = text.strip();
        String name;
        String rest;
        if (spec.startsWith("\"")) {
            StringBuilder quoted = new StringBuilder();
            int i = 1;
            while (true) {
                if (i >= spec.length()) {
                    throw new IllegalArgumentException("unterminated quoted column name: " + text);
                }
                char c = spec.charAt(i);
                if (c == '"' && i + 1 < spec.length() && spec.charAt(i + 1) == '"') {
                    quoted.append('"');
                    i += 2;
                } else if (c == '"') {
                    i++;
                    break;
                } else {
                    quoted.append(c);
                    i++;
                }
            }
            name = quoted.toString();
            rest = spec.substring(i).strip();
        } else {
            int space = indexOfWhitespace(spec);
            name = space < 0 ? spec : spec.substring(0, space);
            rest = space < 0 ? "" : spec.substring(space).strip();
        }
        DataType type;
        try {
            type = rest.isEmpty() ? null : DataType.parse(rest);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the type of required column '" + text + "': " + e.getMessage(), e);
        }
        return new ColumnSpec(name, type);
    }

    /** True when {@code actual} is the required type; aliases and serial pseudo-types compare as their storage type. */
    boolean accepts(DataType actual) {
        return type == null || type.storageType().sameTypeAs(actual.storageType());
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
