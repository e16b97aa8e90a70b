package dev.schemaguard.sql;

import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Routine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The names a routine's signature mentions: its arguments and what it returns ({@code RETURNS SETOF customer},
 * {@code RETURNS TABLE (...)}, an argument of type {@code app_public.users}). A signature that uses a table's or a
 * view's row type can only be created once that relation exists, whereas the body is not checked at creation
 * (the plan turns {@code check_function_bodies} off). Read from the text, since a declared schema has no catalog.
 */
final class RoutineSignature {

    private RoutineSignature() {
    }

    /**
     * Whether the signature of {@code routine} (in schema {@code schema}) names one of {@code relations}: qualified,
     * or unqualified and a relation of that name in any schema (the search path is not known here).
     */
    static boolean mentions(String schema, Routine routine, Set<QualifiedName> relations) {
        Set<String> unqualified = new java.util.HashSet<>();
        relations.forEach(r -> unqualified.add(r.name()));
        List<List<String>> names = new ArrayList<>(names(routine.arguments()));
        names.addAll(names(header(routine.definition())));
        for (List<String> name : names) {
            if (name.size() == 2 && relations.contains(QualifiedName.of(name.get(0), name.get(1)))) {
                return true;
            }
            if (name.size() == 1 && unqualified.contains(name.get(0))) {
                return true;
            }
        }
        return false;
    }

    /** The statement up to its body: from {@code AS}, {@code RETURN} or {@code BEGIN ATOMIC} on, only the body follows. */
    static String header(String definition) {
        for (SqlLexer.Token token : tokens(definition)) {
            if (token.isWord("as") || token.isWord("return") || token.isWord("begin")
                    || token.kind() == SqlLexer.Kind.DOLLAR_STRING) {
                return definition.substring(0, token.start());
            }
        }
        return definition;
    }

    /** Dotted names in {@code text}, each part as SQL reads it (unquoted words folded to lower case). */
    private static List<List<String>> names(String text) {
        List<List<String>> names = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean afterDot = false;
        for (SqlLexer.Token token : tokens(text)) {
            if (token.kind() == SqlLexer.Kind.OPERATOR && token.text().equals(".")) {
                afterDot = true;
                continue;
            }
            boolean identifier = token.kind() == SqlLexer.Kind.WORD || token.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER;
            if (!identifier || !afterDot) {
                flush(names, current);
            }
            if (identifier) {
                current.add(token.kind() == SqlLexer.Kind.WORD ? token.folded()
                        : token.text().substring(1, token.text().length() - 1).replace("\"\"", "\""));
            }
            afterDot = false;
        }
        flush(names, current);
        return names;
    }

    /** The tokens, or none when the text cannot be read: the server will say what is wrong with it. */
    private static List<SqlLexer.Token> tokens(String text) {
        try {
            return SqlLexer.tokens(text);
        } catch (SqlTextException e) {
            return List.of();
        }
    }

    private static void flush(List<List<String>> names, List<String> current) {
        if (!current.isEmpty()) {
            names.add(List.copyOf(current));
            current.clear();
        }
    }
}
