package dev.schemaguard.sql;

import dev.schemaguard.model.TextSearchDictionary;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code pg_ts_dict.dictinitoption}, which PostgreSQL writes as {@code name = 'value', name = E'va\\lue'}:
 * each name as {@code quote_ident} gives it, each value a string literal (with E and doubled backslashes when it
 * holds one). Unquoted values, which PostgreSQL's own reader would take too, are read as well.
 */
final class DictionaryOptions {

    private final String text;
    private int at;

    private DictionaryOptions(String text) {
        this.text = text;
    }

    /** The options in {@code text} (none for null); IllegalArgumentException when it is not such a list. */
    static List<TextSearchDictionary.Option> parse(String text) {
        List<TextSearchDictionary.Option> options = new ArrayList<>();
        if (text == null) {
            return options;
        }
        DictionaryOptions reader = new DictionaryOptions(text);
        reader.skipSpace();
        while (reader.at < text.length()) {
            String name = reader.name();
            reader.skipSpace();
            reader.expect('=');
            reader.skipSpace();
            options.add(new TextSearchDictionary.Option(name, reader.value()));
            reader.skipSpace();
            if (reader.at < text.length()) {
                reader.expect(',');
                reader.skipSpace();
            }
        }
        return options;
    }

    private String name() {
        if (at < text.length() && text.charAt(at) == '"') {
            return quoted('"', false);
        }
        return word();
    }

    private String value() {
        if (at + 1 < text.length() && (text.charAt(at) == 'E' || text.charAt(at) == 'e') && text.charAt(at + 1) == '\'') {
            at++;
            return quoted('\'', true);
        }
        if (at < text.length() && text.charAt(at) == '\'') {
            return quoted('\'', false);
        }
        return word();
    }

    private String word() {
        int start = at;
        while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && text.charAt(at) != '='
                && text.charAt(at) != ',') {
            at++;
        }
        if (start == at) {
            throw error("a name or value");
        }
        return text.substring(start, at);
    }

    /** A quoted string starting at {@code at}; {@code quote} doubled stands for itself, and with escapes {@code \\x} for x. */
    private String quoted(char quote, boolean escapes) {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (escapes && c == '\\' && at < text.length()) {
                value.append(text.charAt(at++));
            } else if (c == quote && at < text.length() && text.charAt(at) == quote) {
                value.append(quote);
                at++;
            } else if (c == quote) {
                return value.toString();
            } else {
                value.append(c);
            }
        }
        throw error("a closing " + quote);
    }

    private void expect(char c) {
        if (at >= text.length() || text.charAt(at) != c) {
            throw error("'" + c + "'");
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("expected " + expected + " at position " + at + " of dictionary options: " + text);
    }
}
