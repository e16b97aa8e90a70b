package dev.schemaguard.yaml;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.ForeignKey.MatchType;
import dev.schemaguard.model.ForeignKey.ReferentialAction;
import dev.schemaguard.model.Identity;
import dev.schemaguard.yaml.SqlWords.Word;
import dev.schemaguard.yaml.TableDefinition.ForeignKeyDef;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A column on one line, as in SQL: {@code text not null default 'draft'}, {@code bigserial primary key},
 * {@code uuid not null references organisations(id) on delete cascade}. Parsing errors are
 * {@link IllegalArgumentException}s whose message the reader places at the value.
 */
final class ColumnShortForm {

    /** Words that end the type or a default expression and start the next option. */
    static final List<String> OPTION_WORDS = List.of(
            "not", "null", "default", "primary", "unique", "references", "collate", "generated", "check");

    private static final Set<String> MULTI_WORD_TYPES = Set.of(
            "double precision", "character varying", "bit varying",
            "timestamp with time zone", "timestamp without time zone", "time with time zone", "time without time zone");

    static final Map<String, ReferentialAction> ACTIONS = Map.of(
            "no action", ReferentialAction.NO_ACTION, "restrict", ReferentialAction.RESTRICT,
            "cascade", ReferentialAction.CASCADE, "set null", ReferentialAction.SET_NULL,
            "set default", ReferentialAction.SET_DEFAULT);

    /** The column and what the short form said about keys; {@code nullWritten} is an explicit {@code null}. */
    /** {@code check} is the expression of a column-level {@code check (...)}, or null. */
    record ColumnSpec(Column column, boolean nullWritten, boolean primaryKey, boolean unique, ForeignKeyDef references,
                      String check) {
    }

    private ColumnShortForm() {
    }

    /** A type as written by people, checked for words that belong to no type ({@code text nto null}). */
    static DataType parseType(String text) {
        SqlText.TYPE.check(text, "the type '" + text.strip() + "'");
        List<Word> words = SqlWords.split(text);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("expected a type such as text, integer or varchar(255), found nothing");
        }
        DataType type = DataType.parse(text);
        if (type.isBuiltIn() && text.indexOf('"') < 0 && type.name().contains(" ") && !MULTI_WORD_TYPES.contains(type.name())
                && !type.name().startsWith("interval ")) {
            String odd = words.get(words.size() - 1).text();
            for (Word word : words.subList(1, words.size())) {
                if (!isTypeWord(word.text())) {
                    odd = word.text();
                    break;
                }
            }
            throw new IllegalArgumentException("'" + text.strip() + "' is not a type: '" + odd
                    + "' is neither part of a type name nor a column option (" + String.join(", ", OPTION_WORDS) + ")"
                    + Suggestions.didYouMean(odd, OPTION_WORDS));
        }
        return type;
    }

    private static boolean isTypeWord(String word) {
        return MULTI_WORD_TYPES.stream().anyMatch(t -> List.of(t.split(" ")).contains(word.toLowerCase(Locale.ROOT)))
                || word.equalsIgnoreCase("varying") || word.equalsIgnoreCase("array");
    }

    static ColumnSpec parse(String columnName, String text, String schema) {
        List<Word> words = SqlWords.split(text);
        int i = 0;
        while (i < words.size() && !isOptionWord(words.get(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("expected the column's type first, e.g. 'text not null', found '"
                    + (words.isEmpty() ? "" : words.get(0).text()) + "'");
        }
        DataType type = parseType(text.substring(0, words.get(i - 1).end()));
        boolean notNull = false;
        boolean nullWritten = false;
        boolean primaryKey = false;
        boolean unique = false;
        String defaultExpression = null;
        String collation = null;
        String generated = null;
        Identity identity = null;
        ForeignKeyDef references = null;
        String check = null;
        Set<String> seen = new java.util.HashSet<>();
        while (i < words.size()) {
            Word word = words.get(i++);
            String option = word.text().toLowerCase(Locale.ROOT);
            if (!seen.add(option)) {
                throw new IllegalArgumentException("'" + option + "' is written twice");
            }
            switch (option) {
                case "not" -> {
                    expect(words, i++, "null", "after 'not'");
                    notNull = true;
                }
                case "null" -> nullWritten = true;
                case "primary" -> {
                    expect(words, i++, "key", "after 'primary'");
                    primaryKey = true;
                }
                case "unique" -> unique = true;
                case "default" -> {
                    int from = i;
                    while (i < words.size() && (i == from || !isOptionWord(words.get(i)))) {
                        i++;
                    }
                    if (i == from) {
                        throw new IllegalArgumentException("expected an expression after 'default'");
                    }
                    defaultExpression = SqlText.DEFAULT.check(text.substring(words.get(from).start(), words.get(i - 1).end()),
                            "the default");
                }
                case "collate" -> {
                    require(words, i, "a collation name after 'collate', e.g. collate \"C\"");
                    collation = SqlWords.canonicalName(words.get(i++).text());
                }
                case "generated" -> {
                    require(words, i, "'always' or 'by default' after 'generated'");
                    Identity.Generation generation;
                    if (words.get(i).is("always")) {
                        generation = Identity.Generation.ALWAYS;
                        i++;
                    } else {
                        expect(words, i++, "by", "after 'generated' ('always' or 'by default')");
                        expect(words, i++, "default", "after 'generated by'");
                        generation = Identity.Generation.BY_DEFAULT;
                    }
                    expect(words, i++, "as", "after 'generated " + generation.sql().toLowerCase(Locale.ROOT) + "'");
                    require(words, i, "'identity' or '(expression) stored' after 'as'");
                    Word what = words.get(i++);
                    if (what.is("identity")) {
                        identity = new Identity(generation, null);
                    } else if (generation == Identity.Generation.ALWAYS && what.text().startsWith("(") && what.text().endsWith(")")) {
                        generated = SqlText.EXPRESSION.check(what.text().substring(1, what.text().length() - 1).strip(),
                                "the generation expression");
                        expect(words, i++, "stored", "after the generation expression");
                    } else {
                        throw new IllegalArgumentException("expected 'identity' or '(expression) stored' after 'generated "
                                + generation.sql().toLowerCase(Locale.ROOT) + " as', found '" + what.text() + "'");
                    }
                }
                case "check" -> {
                    require(words, i, "'(expression)' after 'check', e.g. check (price > 0)");
                    Word condition = words.get(i++);
                    if (!condition.text().startsWith("(") || !condition.text().endsWith(")")) {
                        throw new IllegalArgumentException("expected '(expression)' after 'check', found '" + condition.text() + "'");
                    }
                    check = SqlText.EXPRESSION.check(condition.text().substring(1, condition.text().length() - 1).strip(),
                            "the check");
                }
                case "references" -> {
                    References clause = references(columnName, words, i, schema);
                    references = clause.foreignKey();
                    i = clause.next();
                }
                default -> throw new IllegalArgumentException("unexpected '" + word.text() + "'; expected one of "
                        + String.join(", ", OPTION_WORDS) + Suggestions.didYouMean(word.text(), OPTION_WORDS));
            }
        }
        if (notNull && nullWritten) {
            throw new IllegalArgumentException("both 'not null' and 'null' are written; keep one");
        }
        Column column = new Column(columnName, type, !notNull, defaultExpression, identity, generated, collation, null, null, null, null);
        if (primaryKey) {
            column = column.withNullable(false);
        }
        return new ColumnSpec(column, nullWritten, primaryKey, unique, references, check);
    }

    private record References(ForeignKeyDef foreignKey, int next) {
    }

    /** The text after {@code references} on its own, as the long form's {@code references:} key holds it. */
    static ForeignKeyDef parseReferences(String columnName, String text, String schema) {
        List<Word> words = SqlWords.split(text);
        References clause = references(columnName, words, 0, schema);
        if (clause.next() < words.size()) {
            throw new IllegalArgumentException("unexpected '" + words.get(clause.next()).text()
                    + "' after the reference; expected 'on delete ...' or 'on update ...'");
        }
        return clause.foreignKey();
    }

    private static References references(String columnName, List<Word> words, int start, String schema) {
        int i = start;
        require(words, i, "the referenced table and column after 'references', e.g. references organisations(id)");
        SqlWords.Reference reference = SqlWords.parseReference(words.get(i++).text(), schema);
        if (reference.columns().size() != 1) {
            throw new IllegalArgumentException("a column references exactly one column; for a foreign key over"
                    + " several columns use the table's foreign_keys list");
        }
        ReferentialAction onUpdate = ReferentialAction.NO_ACTION;
        ReferentialAction onDelete = ReferentialAction.NO_ACTION;
        while (i < words.size() && words.get(i).is("on")) {
            i++;
            require(words, i, "'delete' or 'update' after 'on'");
            Word event = words.get(i++);
            ReferentialAction action = action(words, i);
            i += action == ReferentialAction.CASCADE || action == ReferentialAction.RESTRICT ? 1 : 2;
            if (event.is("delete")) {
                onDelete = action;
            } else if (event.is("update")) {
                onUpdate = action;
            } else {
                throw new IllegalArgumentException("expected 'delete' or 'update' after 'on', found '" + event.text() + "'");
            }
        }
        return new References(new ForeignKeyDef(null, List.of(columnName), reference.table(), reference.columns(),
                onUpdate, onDelete, MatchType.SIMPLE, false, false, false, true, null), i);
    }

    private static ReferentialAction action(List<Word> words, int i) {
        require(words, i, "an action (cascade, restrict, no action, set null, set default)");
        String first = words.get(i).text().toLowerCase(Locale.ROOT);
        String phrase = first.equals("no") || first.equals("set")
                ? first + " " + (i + 1 < words.size() ? words.get(i + 1).text().toLowerCase(Locale.ROOT) : "")
                : first;
        ReferentialAction action = ACTIONS.get(phrase);
        if (action == null) {
            throw new IllegalArgumentException("expected an action (cascade, restrict, no action, set null, set default), found '"
                    + phrase.strip() + "'" + Suggestions.didYouMean(phrase, ACTIONS.keySet()));
        }
        return action;
    }

    private static boolean isOptionWord(Word word) {
        return OPTION_WORDS.contains(word.text().toLowerCase(Locale.ROOT));
    }

    private static void require(List<Word> words, int i, String expected) {
        if (i >= words.size()) {
            throw new IllegalArgumentException("expected " + expected + ", found the end of the value");
        }
    }

    private static void expect(List<Word> words, int i, String keyword, String where) {
        require(words, i, "'" + keyword + "' " + where);
        if (!words.get(i).is(keyword)) {
            throw new IllegalArgumentException("expected '" + keyword + "' " + where + ", found '" + words.get(i).text() + "'");
        }
    }

    /**
     * The short form for a column, or null when the column needs the long form (a comment, identity options).
     * The result is checked by parsing it back, so an expression that happens to contain an option word
     * falls back to the long form instead of being misread.
     */
    static String render(Column column, boolean inPrimaryKey, boolean primaryKey, boolean unique, ForeignKeyDef references,
                         String schema) {
        if (column.comment() != null || column.storage() != null || column.compression() != null
                || (column.identity() != null && !column.identity().sequence().isDefault())) {
            return null;
        }
        StringBuilder text = new StringBuilder(column.type().sql());
        if (!column.nullable() && !notNullImplied(column, inPrimaryKey)) {
            text.append(" not null");
        }
        if (column.defaultExpression() != null) {
            text.append(" default ").append(column.defaultExpression());
        }
        if (column.generatedExpression() != null) {
            text.append(" generated always as (").append(column.generatedExpression()).append(") stored");
        }
        if (column.identity() != null) {
            text.append(" generated ").append(column.identity().generation().sql().toLowerCase(Locale.ROOT)).append(" as identity");
        }
        if (column.collation() != null) {
            text.append(" collate ").append(column.collation());
        }
        if (primaryKey) {
            text.append(" primary key");
        }
        if (unique) {
            text.append(" unique");
        }
        if (references != null) {
            text.append(" references ").append(SqlWords.renderReference(references.table(), references.referencedColumns(), schema));
            if (references.onUpdate() != ReferentialAction.NO_ACTION) {
                text.append(" on update ").append(references.onUpdate().sql().toLowerCase(Locale.ROOT));
            }
            if (references.onDelete() != ReferentialAction.NO_ACTION) {
                text.append(" on delete ").append(references.onDelete().sql().toLowerCase(Locale.ROOT));
            }
        }
        String rendered = text.toString();
        try {
            ColumnSpec back = parse(column.name(), rendered, schema);
            Column readColumn = inPrimaryKey ? back.column().withNullable(false) : back.column();
            boolean same = readColumn.equals(column) && back.primaryKey() == primaryKey && back.unique() == unique
                    && java.util.Objects.equals(back.references(), references);
            return same ? rendered : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean notNullImplied(Column column, boolean inPrimaryKey) {
        return inPrimaryKey || column.identity() != null || column.type().isSerial();
    }
}
