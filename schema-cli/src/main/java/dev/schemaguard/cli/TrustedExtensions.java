package dev.schemaguard.cli;

import dev.schemaguard.sql.SqlScript;
import dev.schemaguard.sql.SqlLexer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The extensions schemaguard creates, as the server's superuser, on behalf of a {@code .sql} source that runs as
 * an unprivileged role: contrib modules that PostgreSQL itself marks trusted (safe for a database owner) and that
 * schemas commonly depend on. A top-level {@code CREATE EXTENSION} of one of them is rebuilt from its parts
 * (name, schema, version, CASCADE) rather than passed on as written.
 */
final class TrustedExtensions {

    static final List<String> ALLOWED = List.of("btree_gin", "btree_gist", "citext", "cube", "earthdistance",
            "fuzzystrmatch", "hstore", "intarray", "isn", "ltree", "pg_trgm", "pgcrypto", "tablefunc", "unaccent",
            "uuid-ossp");
    private static final Set<String> ALLOWED_SET = Set.copyOf(ALLOWED);

    private TrustedExtensions() {
    }

    /**
     * {@code CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]} of an allowed
     * extension, rebuilt; empty for any other statement (which then runs as the script's role).
     */
    static Optional<String> superuserStatement(SqlScript.Statement statement) {
        if (!statement.startsWith("create", "extension")) {
            return Optional.empty();
        }
        List<SqlLexer.Token> tokens = statement.tokens();
        int i = 2;
        if (statement.startsWith("create", "extension", "if", "not", "exists")) {
            i = 5;
        }
        if (i >= tokens.size()) {
            return Optional.empty();
        }
        String name = extensionName(tokens.get(i));
        if (name == null || !ALLOWED_SET.contains(name)) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder("CREATE EXTENSION IF NOT EXISTS ").append(quote(name));
        for (i++; i < tokens.size(); i++) {
            SqlLexer.Token token = tokens.get(i);
            if (token.isWord("with")) {
                continue;
            }
            if (token.isWord("schema") && i + 1 < tokens.size() && tokens.get(i + 1).identifier() != null) {
                sql.append(" SCHEMA ").append(quote(tokens.get(++i).identifier()));
            } else if (token.isWord("version") && i + 1 < tokens.size()) {
                String version = literal(tokens.get(++i));
                if (version == null) {
                    return Optional.empty();
                }
                sql.append(" VERSION '").append(version.replace("'", "''")).append('\'');
            } else if (token.isWord("cascade")) {
                sql.append(" CASCADE");
            } else {
                return Optional.empty(); // anything else: not a statement we rebuild
            }
        }
        return Optional.of(sql.toString());
    }

    private static String extensionName(SqlLexer.Token token) {
        if (token.kind() == SqlLexer.Kind.STRING) {
            return literal(token);
        }
        String name = token.identifier();
        return name == null ? null : name.toLowerCase(Locale.ROOT).equals(name) ? name : null;
    }

    /** A plain string constant's value, or a word's text; null for anything else. */
    private static String literal(SqlLexer.Token token) {
        if (token.kind() == SqlLexer.Kind.STRING && token.text().startsWith("'")) {
            String text = token.text();
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        return token.kind() == SqlLexer.Kind.WORD || token.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER
                ? token.identifier() : null;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
