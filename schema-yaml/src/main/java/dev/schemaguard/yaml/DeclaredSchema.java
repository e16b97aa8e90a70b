package dev.schemaguard.yaml;

import dev.schemaguard.model.Database;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schema read from YAML together with where each of its objects was declared, keyed by qualified name as SQL
 * spells it ({@code public.orders}, {@code app."My Table"}), so that a failure reported about an object (by the
 * planner or the server) can be placed back in the YAML.
 */
public record DeclaredSchema(Database database, Map<String, Position> objects) {

    public DeclaredSchema {
        objects = Map.copyOf(objects);
    }

    /**
     * Where the object that {@code text} names first was declared: the declared object whose qualified name occurs
     * earliest in {@code text}, as a whole name. Empty when {@code text} names none.
     */
    public Optional<Position> locate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Position best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Map.Entry<String, Position> object : objects.entrySet()) {
            Matcher matcher = Pattern.compile("(?<![\\w.\"$])" + Pattern.quote(object.getKey()) + "(?![\\w\"$])").matcher(text);
            if (matcher.find() && matcher.start() < bestAt) {
                bestAt = matcher.start();
                best = object.getValue();
            }
        }
        return Optional.ofNullable(best);
    }
}
