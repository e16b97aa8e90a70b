package dev.schemaguard.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generic options of a foreign-data wrapper, server, foreign table or foreign-table column
 * ({@code OPTIONS (host 'db', port '5432')}): option names are identifiers, values are literals. Kept sorted by
 * name, since PostgreSQL's order (that of the statements that set them) means nothing.
 */
public final class ForeignOptions {

    private ForeignOptions() {
    }

    /** An immutable, name-ordered copy; null is no options. Names must be identifiers, values text without NUL. */
    public static Map<String, String> requireValid(Map<String, String> options, String owner) {
        if (options == null || options.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        options.forEach((name, value) -> {
            Identifiers.requireValid(name, "option name of " + owner);
            if (value == null) {
                throw new IllegalArgumentException("option " + name + " of " + owner + " has no value");
            }
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("option " + name + " of " + owner + " must not contain a NUL character");
            }
            sorted.put(name, value);
        });
        return Collections.unmodifiableMap(sorted);
    }

    /**
     * Options as PostgreSQL's catalogs keep them ({@code name=value} text, split at the first {@code =}); an
     * entry without {@code =} is an option with an empty value.
     */
    public static Map<String, String> fromCatalog(java.util.List<String> entries) {
        TreeMap<String, String> options = new TreeMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            options.put(equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? "" : entry.substring(equals + 1));
        }
        return Collections.unmodifiableMap(options);
    }
}
