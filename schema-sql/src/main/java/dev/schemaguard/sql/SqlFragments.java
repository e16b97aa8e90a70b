package dev.schemaguard.sql;

import dev.schemaguard.sql.SqlLexer.Kind;
import dev.schemaguard.sql.SqlLexer.Token;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Checks SQL text taken from an expected schema before it is pasted into a statement: that an expression is one
 * expression, a query one query, a routine definition one {@code CREATE FUNCTION}. The planner pastes such text
 * into DDL as it is ({@code CHECK (<text>)}, {@code DEFAULT <text>}, {@code CREATE VIEW v AS <text>}), so text that
 * closes more parentheses than it opens, or holds a semicolon, could make the statement say something the schema
 * does not, or add a command. These checks are lexical, not a parse: what PostgreSQL would reject as a syntax
 * error is left to PostgreSQL.
 *
 * <p>Every method throws {@link SqlTextException} with the offset of the problem in {@code text}.
 */
public final class SqlFragments {

    /**
     * Words that, outside parentheses, would end a column's DEFAULT and start a constraint of the column (or
     * domain) instead: a check, a foreign key to another table, a key, a generation, another default (and NOT NULL,
     * below). A default that needs one can put it in parentheses. UNIQUE and COLLATE are let through: they change
     * only the column itself, and a throwaway database reads them back, so the plan shows them.
     */
    private static final Set<String> AFTER_DEFAULT = Set.of(
            "constraint", "check", "references", "primary", "generated", "default");

    private static final Set<String> QUERY_STARTS = Set.of("select", "with", "values", "table");

    private SqlFragments() {
    }

    /** One value expression: a check, an index key or predicate, a policy's USING or WITH CHECK, a generation. */
    public static void expression(String text) {
        int depth = 0;
        for (Token token : balanced(text, "expression")) {
            depth += depthChange(token);
            if (token.kind() == Kind.COMMA && depth == 0) {
                throw new SqlTextException("a ',' outside parentheses: an expression is one value", token.start());
            }
        }
    }

    /** The expression of a DEFAULT: one expression that does not run on into a constraint of the column. */
    public static void defaultExpression(String text) {
        expression(text);
        List<Token> tokens = SqlLexer.tokens(text);
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += depthChange(token);
            if (depth != 0 || token.kind() != Kind.WORD) {
                continue;
            }
            boolean notNull = token.isWord("not") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("null");
            if (AFTER_DEFAULT.contains(token.folded()) || notNull) {
                throw new SqlTextException("'" + token.text() + (notNull ? " " + tokens.get(i + 1).text() : "")
                        + "' outside parentheses would end the default and start a constraint; put the expression"
                        + " in parentheses if it really contains it", token.start());
            }
        }
    }

    /** Several expressions separated by commas, such as a partition key. */
    public static void expressionList(String text) {
        balanced(text, "expression list");
    }

    /** One query (SELECT, WITH, VALUES or TABLE, possibly in parentheses), at most a trailing semicolon. */
    public static void query(String text) {
        List<Token> tokens = oneCommand(text);
        Token first = tokens.stream().filter(t -> t.kind() != Kind.OPEN_PAREN).findFirst().orElse(tokens.get(0));
        if (!QUERY_STARTS.contains(first.folded()) || first.kind() != Kind.WORD) {
            throw new SqlTextException("a query starts with SELECT, WITH, VALUES or TABLE, not '" + first.text() + "'",
                    first.start());
        }
        balanced(withoutTrailingSemicolon(text), "query");
    }

    /** One {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE|AGGREGATE} statement, at most a trailing semicolon. */
    public static void routineDefinition(String text) {
        List<Token> tokens = oneCommand(text);
        int i = createPrefix(tokens);
        if (i < 0 || i >= tokens.size() || !(tokens.get(i).isWord("function") || tokens.get(i).isWord("procedure")
                || tokens.get(i).isWord("aggregate"))) {
            throw new SqlTextException("a routine definition is one CREATE [OR REPLACE] FUNCTION, PROCEDURE or"
                    + " AGGREGATE statement", tokens.get(Math.max(0, Math.min(i, tokens.size() - 1))).start());
        }
    }

    /** One {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER} statement, at most a trailing semicolon. */
    public static void triggerDefinition(String text) {
        List<Token> tokens = oneCommand(text);
        int i = createPrefix(tokens);
        if (i >= 0 && i < tokens.size() && tokens.get(i).isWord("constraint")) {
            i++;
        }
        if (i < 0 || i >= tokens.size() || !tokens.get(i).isWord("trigger")) {
            throw new SqlTextException("a trigger definition is one CREATE [OR REPLACE] [CONSTRAINT] TRIGGER statement",
                    tokens.get(Math.max(0, Math.min(i, tokens.size() - 1))).start());
        }
        balanced(withoutTrailingSemicolon(text), "trigger definition");
    }

    /**
     * A rule definition: one {@code CREATE [OR REPLACE] RULE name AS ON event TO relation ...} statement; its
     * actions in parentheses may be separated by semicolons.
     */
    public static void ruleDefinition(String text) {
        List<Token> tokens = oneCommand(text);
        int i = createPrefix(tokens);
        String[] shape = {"rule", null, "as", "on", null, "to"};
        for (String word : shape) {
            if (i < 0 || i >= tokens.size() || (word != null && !tokens.get(i).isWord(word))) {
                throw new SqlTextException("a rule definition is one CREATE [OR REPLACE] RULE name AS ON event TO"
                        + " relation ... statement", tokens.get(Math.max(0, Math.min(i, tokens.size() - 1))).start());
            }
            i++;
        }
        balanced(withoutTrailingSemicolon(text), "rule definition", true);
    }

    /**
     * A clause pasted into a statement, such as {@code EXCLUDE USING gist (...)} or {@code FOR VALUES FROM (...)
     * TO (...)}: balanced, no semicolon, and starting with one of {@code firstWords} (each may be several words).
     */
    public static void clause(String text, String... firstWords) {
        List<Token> tokens = balanced(text, "clause");
        for (String start : firstWords) {
            String[] words = start.split(" ");
            boolean matches = tokens.size() >= words.length;
            for (int i = 0; matches && i < words.length; i++) {
                matches = tokens.get(i).isWord(words[i]);
            }
            if (matches) {
                return;
            }
        }
        throw new SqlTextException("expected it to start with " + String.join(" or ", firstWords) + ", found '"
                + tokens.get(0).text() + "'", tokens.get(0).start());
    }

    /**
     * A type as written in a column: words, quoted identifiers, numbers, dots, and modifiers and array bounds in
     * balanced parentheses and brackets; no strings, operators or semicolons.
     */
    public static void typeName(String text) {
        List<Token> tokens = balanced(text, "type");
        for (Token token : tokens) {
            boolean allowed = switch (token.kind()) {
                case WORD, QUOTED_IDENTIFIER, NUMBER, OPEN_PAREN, CLOSE_PAREN, OPEN_BRACKET, CLOSE_BRACKET, COMMA -> true;
                case OPERATOR -> token.text().equals(".");
                default -> false;
            };
            if (!allowed) {
                throw new SqlTextException("'" + token.text() + "' cannot be part of a type", token.start());
            }
        }
    }

    // ---- shared checks ----

    /** The tokens of non-empty text without semicolons whose parentheses and brackets pair up. */
    private static List<Token> balanced(String text, String what) {
        return balanced(text, what, false);
    }

    /** As {@link #balanced(String, String)}; with {@code semicolonsInParentheses}, a ';' inside parentheses is let through. */
    private static List<Token> balanced(String text, String what, boolean semicolonsInParentheses) {
        List<Token> tokens = SqlLexer.tokens(text);
        if (tokens.isEmpty()) {
            throw new SqlTextException("empty " + what, 0);
        }
        Deque<Token> open = new ArrayDeque<>();
        for (Token token : tokens) {
            switch (token.kind()) {
                case SEMICOLON -> {
                    if (!semicolonsInParentheses || open.isEmpty()) {
                        throw new SqlTextException("a ';' in the " + what + " would end the statement there;"
                                + " remove it", token.start());
                    }
                }
                case OPEN_PAREN, OPEN_BRACKET -> open.push(token);
                case CLOSE_PAREN, CLOSE_BRACKET -> {
                    Kind expected = token.kind() == Kind.CLOSE_PAREN ? Kind.OPEN_PAREN : Kind.OPEN_BRACKET;
                    if (open.isEmpty()) {
                        throw new SqlTextException("'" + token.text() + "' closes more than was opened", token.start());
                    }
                    if (open.peek().kind() != expected) {
                        throw new SqlTextException("'" + token.text() + "' does not match '" + open.peek().text()
                                + "' at character " + (open.peek().start() + 1), token.start());
                    }
                    open.pop();
                }
                default -> {
                }
            }
        }
        if (!open.isEmpty()) {
            throw new SqlTextException("'" + open.peek().text() + "' is never closed", open.peek().start());
        }
        return tokens;
    }

    /** The tokens of exactly one command (a trailing semicolon allowed). */
    private static List<Token> oneCommand(String text) {
        SqlCommands.requireOne(text);
        return SqlCommands.split(text).get(0);
    }

    /** The index after {@code CREATE [OR REPLACE]}, or -1 when the tokens do not start with CREATE. */
    private static int createPrefix(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("create")) {
            return -1;
        }
        if (tokens.size() > 2 && tokens.get(1).isWord("or") && tokens.get(2).isWord("replace")) {
            return 3;
        }
        return 1;
    }

    /** +1 for an opening parenthesis or bracket, -1 for a closing one, else 0. */
    private static int depthChange(Token token) {
        return switch (token.kind()) {
            case OPEN_PAREN, OPEN_BRACKET -> 1;
            case CLOSE_PAREN, CLOSE_BRACKET -> -1;
            default -> 0;
        };
    }

    /** The text up to a final semicolon (and whatever white space or comments follow it). */
    private static String withoutTrailingSemicolon(String text) {
        List<Token> tokens = SqlLexer.tokens(text);
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == Kind.SEMICOLON) {
            return text.substring(0, tokens.get(tokens.size() - 1).start());
        }
        return text;
    }
}
