package dev.schemaguard.cli;

import dev.schemaguard.sql.SqlScript;
import dev.schemaguard.sql.SqlLexer;
import dev.schemaguard.sql.SqlTextException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The role names a {@code .sql} script creates or relies on, read from its text (function and DO bodies
 * included; names built at run time from strings cannot be seen): {@code CREATE ROLE|USER|GROUP name},
 * {@code GRANT ... TO names}, {@code REVOKE ... FROM names}, {@code CREATE POLICY ... TO names},
 * {@code ... OWNER TO name}, {@code ... AUTHORIZATION name}, {@code FOR ROLE|USER names} and
 * {@code SET ROLE name}. PUBLIC, CURRENT_USER and the like, and names reserved for PostgreSQL ({@code pg_...}),
 * are left out.
 */
final class ScriptRoles {

    private static final Set<String> NOT_ROLES = Set.of("public", "current_user", "session_user", "current_role",
            "none", "group", "mapping", "if", "with", "default", "local", "session");
    private static final int MAX_NAME_LENGTH = 63;

    private ScriptRoles() {
    }

    static Set<String> in(ScriptFile script) {
        Set<String> names = new LinkedHashSet<>();
        for (SqlScript.Statement statement : script.statements()) {
            scan(statement.tokens(), names);
        }
        return names;
    }

    private static void scan(List<SqlLexer.Token> tokens, Set<String> names) {
        for (int i = 0; i < tokens.size(); i++) {
            SqlLexer.Token token = tokens.get(i);
            if (token.kind() == SqlLexer.Kind.DOLLAR_STRING) {
                scanBody(token.dollarBody(), names);
            } else if (token.isWord("create") && (wordAt(tokens, i + 1, "role") || wordAt(tokens, i + 1, "user")
                    || wordAt(tokens, i + 1, "group"))) {
                addName(tokens, i + 2, names);
            } else if ((token.isWord("owner") || token.isWord("set")) && (wordAt(tokens, i + 1, "to")
                    || wordAt(tokens, i + 1, "role"))) {
                addName(tokens, i + 2, names);
            } else if (token.isWord("authorization")) {
                addName(tokens, i + 1, names);
            } else if (token.isWord("for") && (wordAt(tokens, i + 1, "role") || wordAt(tokens, i + 1, "user"))) {
                addList(tokens, i + 2, names);
            } else if (token.isWord("grant")) {
                addListAfter(tokens, i + 1, "to", names);
            } else if (token.isWord("revoke")) {
                addListAfter(tokens, i + 1, "from", names);
            } else if (token.isWord("policy")) {
                addListAfter(tokens, i + 1, "to", names);
            }
        }
    }

    /** A function or DO body; one the lexer cannot read (not SQL) names no role we can see. */
    private static void scanBody(String body, Set<String> names) {
        try {
            scan(SqlLexer.tokens(body), names);
        } catch (SqlTextException e) {
            // left to the server: a role the body needs and nobody created makes its statement fail, located
        }
    }

    /** The names after the first {@code keyword} before the end of the statement (or a USING / WITH clause). */
    private static void addListAfter(List<SqlLexer.Token> tokens, int from, String keyword, Set<String> names) {
        for (int i = from; i < tokens.size(); i++) {
            SqlLexer.Token token = tokens.get(i);
            if (token.kind() == SqlLexer.Kind.SEMICOLON || token.isWord("using") || token.isWord("with")) {
                return;
            }
            if (token.isWord(keyword)) {
                addList(tokens, i + 1, names);
                return;
            }
        }
    }

    private static void addList(List<SqlLexer.Token> tokens, int from, Set<String> names) {
        int i = from;
        while (i < tokens.size()) {
            if (tokens.get(i).isWord("group") || tokens.get(i).isWord("role")) {
                i++;
            }
            if (!addName(tokens, i, names)) {
                return;
            }
            if (i + 1 >= tokens.size() || !tokens.get(i + 1).text().equals(",")) {
                return;
            }
            i += 2;
        }
    }

    private static boolean addName(List<SqlLexer.Token> tokens, int index, Set<String> names) {
        if (index >= tokens.size()) {
            return false;
        }
        String name = tokens.get(index).identifier();
        if (name == null || name.isEmpty()) {
            return false;
        }
        if (!NOT_ROLES.contains(name) && !name.startsWith("pg_") && name.length() <= MAX_NAME_LENGTH) {
            names.add(name);
        }
        return true;
    }

    private static boolean wordAt(List<SqlLexer.Token> tokens, int index, String word) {
        return index < tokens.size() && tokens.get(index).isWord(word);
    }
}
