package dev.schemaguard.testkit;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one generator of random models that the properties of every module draw from, in one of two modes:
 * <ul>
 *   <li>{@code Databases.arbitrary()}: any model the model's records accept — every object kind, names, types,
 *       expressions and texts chosen to be hard to spell (quotes, keywords, YAML indicators, unicode, 63-byte
 *       names), references that need not resolve. For laws that need no server: YAML round trip, merge,
 *       selection, diff.</li>
 *   <li>{@code Databases.arbitrary().serverValid(majorVersion)}: models a PostgreSQL server of that version
 *       accepts and reads back as they are, spelled as it prints them (resolved references and types, valid expressions): for laws that
 *       plan and apply them on a server.</li>
 * </ul>
 * Both are built from jqwik combinators, so a failing model shrinks toward a small one.
 */
public final class Databases {

    private Databases() {
    }

    /** Random models for jqwik properties: {@code @ForAll("databases")} with a provider returning this. */
    public static DatabaseArbitrary arbitrary() {
        return new DatabaseArbitrary(0);
    }

    /** The names of the schemas of these models, each once, for introspecting only those. */
    public static String[] schemaNames(Database... databases) {
        Set<String> names = new LinkedHashSet<>();
        for (Database database : databases) {
            database.schemas().stream().map(Schema::name).forEach(names::add);
        }
        return names.toArray(String[]::new);
    }
}
