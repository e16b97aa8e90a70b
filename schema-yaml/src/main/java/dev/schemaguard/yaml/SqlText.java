package dev.schemaguard.yaml;

import dev.schemaguard.sql.SqlFragments;
import dev.schemaguard.sql.SqlTextException;

import java.util.function.Consumer;

/**
 * The kinds of SQL text a YAML value may hold, each checked before the text is used anywhere: the planner pastes
 * it into DDL as it is, so a check must be one expression, a view's query one query, and so on (see
 * {@link SqlFragments}).
 */
enum SqlText {
    EXPRESSION("one SQL expression", SqlFragments::expression),
    DEFAULT("one SQL expression", SqlFragments::defaultExpression),
    EXPRESSION_LIST("a list of SQL expressions", SqlFragments::expressionList),
    QUERY("one query (SELECT, WITH, VALUES or TABLE)", SqlFragments::query),
    ROUTINE("one CREATE [OR REPLACE] FUNCTION, PROCEDURE or AGGREGATE statement", SqlFragments::routineDefinition),
    TRIGGER("one CREATE [OR REPLACE] TRIGGER statement", SqlFragments::triggerDefinition),
    RULE("one CREATE [OR REPLACE] RULE statement", SqlFragments::ruleDefinition),
    EXCLUSION("one EXCLUDE USING ... clause", text -> SqlFragments.clause(text, "EXCLUDE")),
    PARTITION_BOUND("one FOR VALUES ... or DEFAULT clause", text -> SqlFragments.clause(text, "FOR VALUES", "DEFAULT")),
    TYPE("a type name with optional modifiers, such as numeric(10, 2)", SqlFragments::typeName);

    private final String expected;
    private final Consumer<String> check;

    SqlText(String expected, Consumer<String> check) {
        this.expected = expected;
        this.check = check;
    }

    /**
     * {@code text} when it is what this kind requires, else an {@link IllegalArgumentException} saying what the
     * value of {@code what} should be and where in it the problem is; null stays null.
     */
    String check(String text, String what) {
        if (text == null) {
            return null;
        }
        try {
            check.accept(text);
            return text;
        } catch (SqlTextException e) {
            throw new IllegalArgumentException(what + " must be " + expected + ": " + e.getMessage() + " (at character "
                    + (e.offset() + 1) + " of that text)", e);
        }
    }

    /** As {@link #check(String, String)}, the error placed at {@code node}. */
    String check(YamlNode node, String text, String what) {
        try {
            return check(text, what);
        } catch (IllegalArgumentException e) {
            throw Nodes.error(node, e.getMessage());
        }
    }

    /** The text under {@code key} of {@code fields}, checked; null when absent. */
    String text(Fields fields, String key) {
        String text = fields.text(key);
        return text == null ? null : check(fields.node(key), text, "'" + key + "' of " + fields.what());
    }

    /** The required text under {@code key} of {@code fields}, checked. */
    String requiredText(Fields fields, String key) {
        String text = fields.requiredText(key);
        return check(fields.node(key), text, "'" + key + "' of " + fields.what());
    }
}
