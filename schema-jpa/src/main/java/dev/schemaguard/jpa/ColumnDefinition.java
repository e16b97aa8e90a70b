package dev.schemaguard.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an {@code @Column(columnDefinition = "numeric(5,2) default 0 not null")} that the model holds: the
 * type, the default expression, and NOT NULL / NULL. Hibernate copies the definition verbatim into its CREATE
 * TABLE, so PostgreSQL reads all of it; an expression is kept as written here (the throwaway database that
 * canonicalizes the expected schema respells it). Clauses the model keeps elsewhere are listed in {@code unread}.
 *
 * @param nullable null when the definition says neither NULL nor NOT NULL
 */
record ColumnDefinition(String type, String defaultExpression, Boolean nullable, List<String> unread) {

    private static final Pattern CLAUSE = Pattern.compile(
            "(?i)\\b(not\\s+null|null|default|check|unique|primary\\s+key|references|generated|collate|constraint)\\b");

    static ColumnDefinition parse(String definition) {
        String text = definition.strip();
        List<int[]> starts = new ArrayList<>();
        List<String> keywords = new ArrayList<>();
        Matcher matcher = CLAUSE.matcher(text);
        while (matcher.find()) {
            if (atTopLevel(text, matcher.start())) {
                starts.add(new int[] {matcher.start(), matcher.end()});
                keywords.add(matcher.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
            }
        }
        String type = (starts.isEmpty() ? text : text.substring(0, starts.get(0)[0])).strip();
        String defaultExpression = null;
        Boolean nullable = null;
        List<String> unread = new ArrayList<>();
        for (int i = 0; i < keywords.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            String argument = text.substring(starts.get(i)[1], end).strip();
            switch (keywords.get(i)) {
                case "not null", "primary key" -> nullable = false;
                case "null" -> nullable = true;
                case "default" -> defaultExpression = argument;
                default -> unread.add(text.substring(starts.get(i)[0], end).strip());
            }
        }
        return new ColumnDefinition(type, defaultExpression, nullable, List.copyOf(unread));
    }

    /** Whether {@code position} is outside parentheses, quotes and double quotes. */
    private static boolean atTopLevel(String text, int position) {
        int depth = 0;
        boolean quoted = false;
        boolean doubleQuoted = false;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (c == '\'' && !doubleQuoted) {
                quoted = !quoted;
            } else if (c == '"' && !quoted) {
                doubleQuoted = !doubleQuoted;
            } else if (!quoted && !doubleQuoted) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
        }
        return depth == 0 && !quoted && !doubleQuoted;
    }
}
