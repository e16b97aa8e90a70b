package dev.schemaguard.yaml;

import dev.schemaguard.model.ComparisonScope;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.SqlLexer;
import dev.schemaguard.sql.SqlTextException;

import java.util.List;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schema read from YAML together with where each of its objects was declared, keyed by qualified name as SQL
 * spells it ({@code public.orders}, {@code app."My Table"}), and where each column of a table was declared
 * ({@code public.orders.id}), so that a failure reported about an object (by the planner or the server) can be
 * placed back in the YAML, as can a declared rename that does not fit the database ({@code renamedFromKeys}: where
 * each {@code renamed_from} was written); and what a comparison with it leaves out ({@code scope}: the file's {@code ignore:},
 * {@code history_tables:} and {@code unexpected:}).
 */
public record DeclaredSchema(Database database, Map<String, Position> objects, Map<String, Position> columns,
                             ComparisonScope scope, List<RenamedFromKeys.Site> renamedFromKeys) {

    public DeclaredSchema {
        java.util.Objects.requireNonNull(scope, "scope");
        objects = Map.copyOf(objects);
        columns = columns instanceof ColumnPositions ? columns : Map.copyOf(columns);
        renamedFromKeys = List.copyOf(renamedFromKeys);
    }

    /**
     * Where the {@code renamed_from: oldName} of the object called {@code names} (schema, table, member) was written,
     * when this YAML declares it.
     */
    public Optional<Position> locateRenamedFrom(String oldName, List<String> names) {
        return RenamedFromKeys.locate(renamedFromKeys, oldName, names);
    }

    /**
     * As {@link #locate(String)}, and when {@code part} (a line of a CREATE TABLE, such as {@code id integr}) starts
     * with the name of a column of that table, where the column was declared.
     */
    public Optional<Position> locate(String text, String part) {
        Optional<String> object = objectIn(text);
        if (object.isPresent() && part != null) {
            Position column = columns.get(object.get() + "." + firstWord(part));
            if (column != null) {
                return Optional.of(column);
            }
        }
        return object.map(objects::get);
    }

    /**
     * Where the object that {@code text} names first was declared: the declared object whose qualified name occurs
     * earliest in {@code text}, as a whole name. Empty when {@code text} names none.
     */
    public Optional<Position> locate(String text) {
        return objectIn(text).map(objects::get);
    }

    /** The first word or quoted identifier of {@code part}, as written. */
    private static String firstWord(String part) {
        try {
            List<SqlLexer.Token> tokens = SqlLexer.tokens(part);
            return tokens.isEmpty() ? "" : tokens.get(0).text();
        } catch (SqlTextException e) {
            return part.strip().split("\\s+", 2)[0];
        }
    }

    /** The key of the declared object whose name occurs earliest in {@code text}. */
    private Optional<String> objectIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (String object : objects.keySet()) {
            Matcher matcher = Pattern.compile("(?<![\\w.\"$])" + Pattern.quote(object) + "(?![\\w\"$])").matcher(text);
            if (matcher.find() && matcher.start() < bestAt) {
                bestAt = matcher.start();
                best = object;
            }
        }
        return Optional.ofNullable(best);
    }
}
