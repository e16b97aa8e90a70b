package dev.schemaguard.cli;

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
        for (ScriptFile.Statement statement : script.statements()) {
            scan(statement.tokens(), names);
        }
        return names;
    }

    private static void scan(List<SqlTokens.Token> tokens, Set<String> names) {
        for (int i = 0; i < tokens.size(); i++) {
            SqlTokens.Token token = tokens.get(i);
            if (token.kind() == SqlTokens.Kind.DOLLAR_STRING) {
                scan(SqlTokens.of(token.text()), names); // function and DO bodies
            } else if (token.is("create") && (wordAt(tokens, i + 1, "role") || wordAt(tokens, i + 1, "user")
                    || wordAt(tokens, i + 1, "group"))) {
                addName(tokens, i + 2, names);
            } else if ((token.is("owner") || token.is("set")) && (wordAt(tokens, i + 1, "to")
                    || wordAt(tokens, i + 1, "role"))) {
                addName(tokens, i + 2, names);
            } else if (token.is("authorization")) {
                addName(tokens, i + 1, names);
            } else if (token.is("for") && (wordAt(tokens, i + 1, "role") || wordAt(tokens, i + 1, "user"))) {
                addList(tokens, i + 2, names);
            } else if (token.is("grant")) {
                addListAfter(tokens, i + 1, "to", names);
            } else if (token.is("revoke")) {
                addListAfter(tokens, i + 1, "from", names);
            } else if (token.is("policy")) {
                addListAfter(tokens, i + 1, "to", names);
            }
        }
    }

    /** The names after the first {@code keyword} before the end of the statement (or a USING / WITH clause). */
    private static void addListAfter(List<SqlTokens.Token> tokens, int from, String keyword, Set<String> names) {
        for (int i = from; i < tokens.size(); i++) {
            SqlTokens.Token token = tokens.get(i);
            if (token.kind() == SqlTokens.Kind.SEMICOLON || token.is("using") || token.is("with")) {
                return;
            }
            if (token.is(keyword)) {
                addList(tokens, i + 1, names);
                return;
            }
        }
    }

    private static void addList(List<SqlTokens.Token> tokens, int from, Set<String> names) {
        int i = from;
        while (i < tokens.size()) {
            if (tokens.get(i).is("group") || tokens.get(i).is("role")) {
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

    private static boolean addName(List<SqlTokens.Token> tokens, int index, Set<String> names) {
        if (index >= tokens.size()) {
            return false;
        }
        String name = tokens.get(index).name();
        if (name == null || name.isEmpty()) {
            return false;
        }
        if (!NOT_ROLES.contains(name) && !name.startsWith("pg_") && name.length() <= MAX_NAME_LENGTH) {
            names.add(name);
        }
        return true;
    }

    private static boolean wordAt(List<SqlTokens.Token> tokens, int index, String word) {
        return index < tokens.size() && tokens.get(index).is(word);
    }
}
