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
        List<Token> tokens = tokens(definition);
        for (Token token : tokens) {
            if (!token.quoted() && !token.text().equals(".")
                    && (token.text().equalsIgnoreCase("as") || token.text().equalsIgnoreCase("return")
                    || token.text().equalsIgnoreCase("begin") || token.text().startsWith("$"))) {
                return definition.substring(0, token.start());
            }
        }
        return definition;
    }

    /** Dotted names in {@code text}, each part folded as SQL folds it. */
    private static List<List<String>> names(String text) {
        List<List<String>> names = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean afterDot = false;
        for (Token token : tokens(text)) {
            if (token.text().equals(".")) {
                afterDot = true;
                continue;
            }
            boolean identifier = token.quoted() || Character.isLetter(token.text().charAt(0)) || token.text().charAt(0) == '_';
            if (!identifier) {
                flush(names, current);
                afterDot = false;
                continue;
            }
            if (!afterDot) {
                flush(names, current);
            }
            current.add(token.quoted() ? token.text() : token.text().toLowerCase(java.util.Locale.ROOT));
            afterDot = false;
        }
        flush(names, current);
        return names;
    }

    private static void flush(List<List<String>> names, List<String> current) {
        if (!current.isEmpty()) {
            names.add(List.copyOf(current));
            current.clear();
        }
    }

    /** A word, a quoted identifier (its text unquoted), a string literal (as {@code '}), or one other character. */
    private record Token(String text, int start, boolean quoted) {
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (c == '\'') {
                int start = i++;
                while (i < text.length() && !(text.charAt(i) == '\'' && (i + 1 >= text.length() || text.charAt(i + 1) != '\''))) {
                    i += text.charAt(i) == '\'' ? 2 : 1;
                }
                i++;
                tokens.add(new Token("'", start, false));
            } else if (c == '"') {
                StringBuilder name = new StringBuilder();
                int start = i++;
                while (i < text.length()) {
                    if (text.charAt(i) == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        name.append('"');
                        i += 2;
                    } else if (text.charAt(i) == '"') {
                        i++;
                        break;
                    } else {
                        name.append(text.charAt(i++));
                    }
                }
                tokens.add(new Token(name.toString(), start, true));
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(text.substring(start, i), start, false));
            } else {
                tokens.add(new Token(String.valueOf(c), i, false));
                i++;
            }
        }
        return tokens;
    }
}
