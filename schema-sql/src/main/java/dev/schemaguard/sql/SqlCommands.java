package dev.schemaguard.sql;

import dev.schemaguard.sql.SqlLexer.Kind;
import dev.schemaguard.sql.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * The guard in front of every statement schemaguard sends: a statement must be exactly one SQL command. JDBC
 * runs several commands separated by semicolons in one call, so text pasted from an expected schema such as
 * {@code true); DROP TABLE victim; --} would otherwise run as a command of its own.
 *
 * <p>Commands are told apart as psql does, only more strictly: a semicolon outside strings, quoted identifiers,
 * dollar quotes and comments ends a command (inside parentheses too, where psql would keep going), except inside
 * the {@code BEGIN ATOMIC ... END} body of a {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} and inside the
 * parenthesized actions of a {@code CREATE [OR REPLACE] RULE} ({@code DO ALSO (INSERT ...; UPDATE ...)}, where the
 * server's grammar takes only INSERT, UPDATE, DELETE, SELECT and NOTIFY). A trailing semicolon is allowed. The answer must be the same
 * whether or not backslashes escape quotes in plain strings ({@code standard_conforming_strings}), so that no
 * server setting can make one command two.
 */
public final class SqlCommands {

    private SqlCommands() {
    }

    /**
     * The commands of {@code sql}, each as the tokens it is made of (without the semicolon that ends it); empty
     * commands (stray semicolons) are left out.
     *
     * @throws SqlTextException when the text is lexically incomplete
     */
    public static List<List<Token>> split(String sql) {
        return split(SqlLexer.tokens(sql));
    }

    /**
     * The text of each command of a script, without the semicolon that ends it (comments between commands are
     * dropped), so that a script can be run one command per call.
     */
    public static List<String> texts(String sql) {
        requireSameUnderBothReadings(sql);
        List<String> texts = new ArrayList<>();
        for (List<Token> command : split(sql)) {
            texts.add(sql.substring(command.get(0).start(), command.get(command.size() - 1).end()));
        }
        return texts;
    }

    private static void requireSameUnderBothReadings(String sql) {
        if (split(SqlLexer.tokens(sql, true)).size() != split(SqlLexer.tokens(sql, false)).size()) {
            throw new SqlTextException("the script splits into different commands depending on whether backslashes"
                    + " escape quotes (standard_conforming_strings); write E'...' strings for backslash escapes", 0);
        }
    }

    /** {@link #split(String)} for tokens already lexed. */
    static List<List<Token>> split(List<Token> tokens) {
        List<List<Token>> commands = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int parens = 0;
        int beginDepth = 0;
        for (Token token : tokens) {
            if (token.kind() == Kind.SEMICOLON && beginDepth == 0 && !(parens > 0 && creates(current, "rule"))) {
                if (!current.isEmpty()) {
                    commands.add(List.copyOf(current));
                }
                current.clear();
                continue;
            }
            if (token.kind() == Kind.OPEN_PAREN) {
                parens++;
            } else if (token.kind() == Kind.CLOSE_PAREN && parens > 0) {
                parens--;
            } else if (token.kind() == Kind.WORD && parens == 0 && (creates(current, "function") || creates(current, "procedure"))) {
                if (token.isWord("begin") || (token.isWord("case") && beginDepth > 0)) {
                    beginDepth++;
                } else if (token.isWord("end") && beginDepth > 0) {
                    beginDepth--;
                }
            }
            current.add(token);
        }
        if (!current.isEmpty()) {
            commands.add(List.copyOf(current));
        }
        return commands;
    }

    /** Whether the command so far is CREATE [OR REPLACE] {@code kind} (FUNCTION, PROCEDURE, RULE). */
    private static boolean creates(List<Token> command, String kind) {
        if (command.size() < 2 || !command.get(0).isWord("create")) {
            return false;
        }
        int i = 1;
        if (command.get(1).isWord("or")) {
            if (command.size() < 4 || !command.get(2).isWord("replace")) {
                return false;
            }
            i = 3;
        }
        return command.size() > i && command.get(i).isWord(kind);
    }

    /**
     * Refuses anything but exactly one command, under both readings of backslashes in plain strings.
     *
     * @throws SqlTextException naming where the second command starts, or why the text is not one command
     */
    public static void requireOne(String sql) {
        requireOne(sql, false);
        requireOne(sql, true);
    }

    private static void requireOne(String sql, boolean backslashEscapes) {
        List<List<Token>> commands = split(SqlLexer.tokens(sql, backslashEscapes));
        if (commands.isEmpty()) {
            throw new SqlTextException("no SQL command", 0);
        }
        if (commands.size() > 1) {
            Token second = commands.get(1).get(0);
            throw new SqlTextException("more than one SQL command: a second one starts with '" + excerpt(sql, second.start())
                    + "'" + (backslashEscapes ? " when backslashes escape quotes (standard_conforming_strings = off)" : ""),
                    second.start());
        }
    }

    /** True when {@code sql} is exactly one command; see {@link #requireOne}. */
    public static boolean isOne(String sql) {
        try {
            requireOne(sql);
            return true;
        } catch (SqlTextException e) {
            return false;
        }
    }

    private static String excerpt(String sql, int from) {
        String rest = sql.substring(from).strip().replaceAll("\\s+", " ");
        return rest.length() <= 40 ? rest : rest.substring(0, 40) + "...";
    }
}
