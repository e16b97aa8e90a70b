package dev.schemaguard.yaml;

import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The bits of SQL syntax that appear inside YAML values: splitting a column's short form into words
 * (keeping {@code numeric(10, 2)}, {@code 'a b'} and {@code "My Name"} whole) and identifiers with
 * PostgreSQL's rules (unquoted ones fold to lower case, quoted ones are exact).
 */
final class SqlWords {

    /** A word of the text and where it is, so that the original spelling between words can be kept. */
    record Word(String text, int start, int end) {
        boolean is(String keyword) {
            return text.equalsIgnoreCase(keyword);
        }
    }

    private SqlWords() {
    }

    /** Splits at white space outside parentheses, string literals and quoted identifiers. */
    static List<Word> split(String text) {
        List<Word> words = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (Character.isWhitespace(c) && depth == 0) {
                if (start >= 0) {
                    words.add(new Word(text.substring(start, i), start, i));
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("unbalanced ')' at character " + (i + 1));
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + (quote == '\'' ? "string literal" : "quoted identifier")
                    + "; close it with " + quote);
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced '('; close it with ')'");
        }
        if (start >= 0) {
            words.add(new Word(text.substring(start), start, text.length()));
        }
        return words;
    }

    /** Reads identifiers and punctuation from a string such as {@code app."Orders"(id, "Key")}. */
    static final class Scanner {
        private final String text;
        private int at;

        Scanner(String text) {
            this.text = text;
        }

        boolean atEnd() {
            skipSpace();
            return at >= text.length();
        }

        boolean accept(char c) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!accept(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at character " + (at + 1) + " of '" + text + "'");
            }
        }

        String identifier() {
            skipSpace();
            if (at < text.length() && text.charAt(at) == '"') {
                StringBuilder name = new StringBuilder();
                at++;
                while (at < text.length()) {
                    char c = text.charAt(at++);
                    if (c == '"') {
                        if (at < text.length() && text.charAt(at) == '"') {
                            name.append('"');
                            at++;
                        } else {
                            return name.toString();
                        }
                    } else {
                        name.append(c);
                    }
                }
                throw new IllegalArgumentException("unterminated quoted identifier in '" + text + "'");
            }
            int start = at;
            while (at < text.length() && isIdentifierChar(text.charAt(at), at == start)) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("expected a name at character " + (at + 1) + " of '" + text + "'");
            }
            return foldCase(text.substring(start, at));
        }

        /** Everything not read yet, as written. */
        String rest() {
            return text.substring(at);
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private static boolean isIdentifierChar(char c, boolean first) {
            return Character.isLetter(c) || c == '_' || (!first && (Character.isDigit(c) || c == '$'));
        }
    }

    /** PostgreSQL folds only ASCII letters of unquoted identifiers. */
    static String foldCase(String identifier) {
        StringBuilder folded = new StringBuilder(identifier.length());
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    /** A reference as written after {@code references}: {@code [schema.]table(column, ...)}. */
    record Reference(QualifiedName table, List<String> columns) {
    }

    static Reference parseReference(String text, String defaultSchema) {
        Scanner scanner = new Scanner(text);
        String first = scanner.identifier();
        String schema = defaultSchema;
        String table = first;
        if (scanner.accept('.')) {
            schema = first;
            table = scanner.identifier();
        }
        if (!scanner.accept('(')) {
            throw new IllegalArgumentException("expected the referenced column(s) in parentheses, e.g. "
                    + Identifiers.quote(table) + "(id)");
        }
        List<String> columns = new ArrayList<>();
        do {
            columns.add(scanner.identifier());
        } while (scanner.accept(','));
        scanner.expect(')');
        if (!scanner.atEnd()) {
            throw new IllegalArgumentException("unexpected text after the referenced columns in '" + text + "'");
        }
        return new Reference(QualifiedName.of(schema, table), columns);
    }

    /** A possibly schema-qualified name as in SQL, {@code events} or {@code audit."Events"}; unqualified names are in {@code defaultSchema}. */
    static QualifiedName parseName(String text, String defaultSchema) {
        Scanner scanner = new Scanner(text);
        String first = scanner.identifier();
        String second = scanner.accept('.') ? scanner.identifier() : null;
        if (!scanner.atEnd()) {
            throw new IllegalArgumentException("unexpected text after the name in '" + text + "'");
        }
        return second == null ? QualifiedName.of(defaultSchema, first) : QualifiedName.of(first, second);
    }

    /** The name as {@link #parseName} reads it back: without the schema when it is {@code defaultSchema}. */
    static String renderName(QualifiedName name, String defaultSchema) {
        return (name.schema().equals(defaultSchema) ? "" : Identifiers.quote(name.schema()) + ".") + Identifiers.quote(name.name());
    }

    static String renderReference(QualifiedName table, List<String> columns, String defaultSchema) {
        String prefix = table.schema().equals(defaultSchema) ? "" : Identifiers.quote(table.schema()) + ".";
        return prefix + Identifiers.quote(table.name()) + "("
                + columns.stream().map(Identifiers::quote).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * A possibly schema-qualified name such as a collation, in the model's SQL spelling: each part quoted
     * only where needed, {@code pg_catalog.} left out. {@code "C"}, {@code pg_catalog."C"} and
     * {@code "C"} all give {@code "C"}; {@code public.MyColl} gives {@code public.mycoll}.
     */
    /** The name a {@code CREATE [OR REPLACE] RULE name ...} statement gives its rule (already checked to be one). */
    static String ruleName(String definition) {
        Scanner scanner = new Scanner(definition);
        scanner.identifier(); // CREATE
        if (scanner.identifier().equals("or")) { // OR REPLACE RULE
            scanner.identifier();
            scanner.identifier();
        }
        return scanner.identifier();
    }

    static String canonicalName(String text) {
        Scanner scanner = new Scanner(text);
        String first = scanner.identifier();
        String second = scanner.accept('.') ? scanner.identifier() : null;
        if (!scanner.atEnd()) {
            throw new IllegalArgumentException("expected a name such as \"C\" or schema.name, found '" + text + "'");
        }
        if (second == null || first.equals("pg_catalog")) {
            return Identifiers.quote(second == null ? first : second);
        }
        return Identifiers.quote(first) + "." + Identifiers.quote(second);
    }
}
