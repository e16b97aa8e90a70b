package dev.schemaguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits PostgreSQL text into tokens the way the server's lexer does, as far as telling where a command ends
 * needs: string constants ({@code '...'} with {@code ''}, {@code E'...'} with backslash escapes, {@code B''},
 * {@code X''}, {@code N''}, {@code U&''}), quoted identifiers ({@code "..."}, {@code U&"..."}), dollar quotes
 * ({@code $tag$...$tag$}), positional parameters, numbers, words, operators and punctuation. Comments ({@code --}
 * to the end of the line, nested {@code /* ... *}{@code /}) and white space are skipped.
 *
 * <p>Whether a backslash escapes a quote in a plain {@code '...'} string depends on the server setting
 * {@code standard_conforming_strings} (on by default since PostgreSQL 9.1); the lexer takes it as a parameter, so
 * that a caller can require the same answer under both settings.
 */
public final class SqlLexer {

    /** What a token is. */
    public enum Kind {
        /** An unquoted identifier or key word. */
        WORD,
        QUOTED_IDENTIFIER,
        /** A string constant in single quotes, of any prefix. */
        STRING,
        DOLLAR_STRING,
        NUMBER,
        /** {@code $1}. */
        PARAMETER,
        OPEN_PAREN,
        CLOSE_PAREN,
        OPEN_BRACKET,
        CLOSE_BRACKET,
        COMMA,
        SEMICOLON,
        /** Operators and the remaining punctuation: {@code . : :: + - * / < > = ~ ! @ # % ^ & | ` ?}. */
        OPERATOR
    }

    /** One token: its kind, its text as written, and where it is ({@code start} inclusive, {@code end} exclusive). */
    public record Token(Kind kind, String text, int start, int end) {

        /** True for an unquoted word equal to {@code keyword}, ignoring case. */
        public boolean isWord(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        /** The word in lower case (unquoted words are case-insensitive); the text as written for other tokens. */
        public String folded() {
            return kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
        }

        /**
         * The name this token stands for: an unquoted word folded to lower case, a quoted identifier without its
         * quotes; null for any other token (including {@code U&"..."}, whose escapes are not decoded here).
         */
        public String identifier() {
            if (kind == Kind.WORD) {
                return text.toLowerCase(Locale.ROOT);
            }
            if (kind == Kind.QUOTED_IDENTIFIER && text.startsWith("\"")) {
                return text.substring(1, text.length() - 1).replace("\"\"", "\"");
            }
            return null;
        }

        /** The body of a dollar-quoted string, without its {@code $tag$} quotes; null for any other token. */
        public String dollarBody() {
            if (kind != Kind.DOLLAR_STRING) {
                return null;
            }
            int tag = text.indexOf('$', 1) + 1;
            return text.substring(tag, text.length() - tag);
        }
    }

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private final String text;
    private final boolean backslashEscapes;
    private int at;

    private SqlLexer(String text, boolean backslashEscapes) {
        this.text = text;
        this.backslashEscapes = backslashEscapes;
    }

    /** The tokens of {@code sql} as a server with {@code standard_conforming_strings = on} reads them. */
    public static List<Token> tokens(String sql) {
        return tokens(sql, false);
    }

    /**
     * The tokens of {@code sql}; with {@code backslashEscapes}, a backslash escapes the next character in plain
     * {@code '...'} strings too (as with {@code standard_conforming_strings = off}).
     *
     * @throws SqlTextException for text that does not end where a token may end (an unterminated string, quoted
     *                          identifier, dollar quote or comment)
     */
    public static List<Token> tokens(String sql, boolean backslashEscapes) {
        return new SqlLexer(sql, backslashEscapes).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (at >= text.length()) {
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpaceAndComments() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (isSpace(c)) {
                at++;
            } else if (c == '-' && peek(1) == '-') {
                while (at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
                    at++;
                }
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void blockComment() {
        int start = at;
        int depth = 0;
        while (at < text.length()) {
            if (text.startsWith("/*", at)) {
                depth++;
                at += 2;
            } else if (text.startsWith("*/", at)) {
                depth--;
                at += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                at++;
            }
        }
        throw new SqlTextException("unterminated /* comment; close it with */", start);
    }

    private Token next() {
        int start = at;
        char c = text.charAt(at);
        char lower = Character.toLowerCase(c);
        if (c == '\'') {
            return quoted(start, start, backslashEscapes);
        }
        if (c == '"') {
            return quotedIdentifier(start, start);
        }
        if ((lower == 'e') && peek(1) == '\'') {
            return quoted(start, start + 1, true);
        }
        if ((lower == 'b' || lower == 'x' || lower == 'n') && peek(1) == '\'') {
            return quoted(start, start + 1, lower == 'n' && backslashEscapes);
        }
        if (lower == 'u' && peek(1) == '&' && peek(2) == '\'') {
            return quoted(start, start + 2, false);
        }
        if (lower == 'u' && peek(1) == '&' && peek(2) == '"') {
            return quotedIdentifier(start, start + 2);
        }
        if (c == '$') {
            return dollar(start);
        }
        if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
            return number(start);
        }
        if (isIdentifierStart(c)) {
            at++;
            while (at < text.length() && isIdentifierPart(text.charAt(at))) {
                at++;
            }
            return token(Kind.WORD, start);
        }
        at++;
        return switch (c) {
            case '(' -> token(Kind.OPEN_PAREN, start);
            case ')' -> token(Kind.CLOSE_PAREN, start);
            case '[' -> token(Kind.OPEN_BRACKET, start);
            case ']' -> token(Kind.CLOSE_BRACKET, start);
            case ',' -> token(Kind.COMMA, start);
            case ';' -> token(Kind.SEMICOLON, start);
            default -> {
                if (OPERATOR_CHARS.indexOf(c) >= 0) {
                    // an operator runs on, but never into a comment: "*/*" is "*" then a comment
                    while (at < text.length() && OPERATOR_CHARS.indexOf(text.charAt(at)) >= 0
                            && !text.startsWith("--", at) && !text.startsWith("/*", at)) {
                        at++;
                    }
                } else if (c == ':' && peek(0) == ':') {
                    at++;
                }
                yield token(Kind.OPERATOR, start);
            }
        };
    }

    /** A string constant whose opening quote is at {@code quote}; '' is a quote in every kind of string. */
    private Token quoted(int start, int quote, boolean backslash) {
        at = quote + 1;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (backslash && c == '\\') {
                at += 2;
            } else if (c == '\'') {
                if (peek(1) == '\'') {
                    at += 2;
                } else {
                    at++;
                    return token(Kind.STRING, start);
                }
            } else {
                at++;
            }
        }
        throw new SqlTextException("unterminated string constant; close it with '", start);
    }

    private Token quotedIdentifier(int start, int quote) {
        at = quote + 1;
        while (at < text.length()) {
            if (text.charAt(at) == '"') {
                if (peek(1) == '"') {
                    at += 2;
                } else {
                    at++;
                    if (at - quote == 2) {
                        throw new SqlTextException("zero-length quoted identifier \"\"", start);
                    }
                    return token(Kind.QUOTED_IDENTIFIER, start);
                }
            } else {
                at++;
            }
        }
        throw new SqlTextException("unterminated quoted identifier; close it with \"", start);
    }

    /** {@code $1}, or a dollar-quoted string {@code $tag$...$tag$}; a lone $ is an operator character. */
    private Token dollar(int start) {
        at = start + 1;
        if (isDigit(peek(0))) {
            while (at < text.length() && isDigit(text.charAt(at))) {
                at++;
            }
            return token(Kind.PARAMETER, start);
        }
        int tagEnd = at;
        if (tagEnd < text.length() && isIdentifierStart(text.charAt(tagEnd))) {
            tagEnd++;
            while (tagEnd < text.length() && isIdentifierPart(text.charAt(tagEnd)) && text.charAt(tagEnd) != '$') {
                tagEnd++;
            }
        }
        if (tagEnd >= text.length() || text.charAt(tagEnd) != '$') {
            return token(Kind.OPERATOR, start);
        }
        String delimiter = text.substring(start, tagEnd + 1);
        int close = text.indexOf(delimiter, tagEnd + 1);
        if (close < 0) {
            throw new SqlTextException("unterminated dollar-quoted string; close it with " + delimiter, start);
        }
        at = close + delimiter.length();
        return token(Kind.DOLLAR_STRING, start);
    }

    /**
     * Digits, a decimal point and an exponent. Letters after the digits start a word, as on PostgreSQL 15 and
     * older ({@code 0x1F} and {@code 1_000} are two tokens there; newer servers read one number or reject it).
     */
    private Token number(int start) {
        while (at < text.length() && (isDigit(text.charAt(at))
                || (text.charAt(at) == '.' && !text.startsWith("..", at)))) {
            at++;
        }
        if ((peek(0) == 'e' || peek(0) == 'E') && (isDigit(peek(1))
                || ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2))))) {
            at += 2;
            while (at < text.length() && isDigit(text.charAt(at))) {
                at++;
            }
        }
        return token(Kind.NUMBER, start);
    }

    private Token token(Kind kind, int start) {
        return new Token(kind, text.substring(start, at), start, at);
    }

    private char peek(int ahead) {
        int i = at + ahead;
        return i < text.length() ? text.charAt(i) : '\0';
    }

    /**
     * PostgreSQL's white space only: any other character above 127 is a letter to the server, so an em space
     * before {@code $a$} makes it part of a word, not the start of a dollar quote.
     */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** Letters (any alphabet: PostgreSQL takes every byte above 127 as a letter) and the underscore. */
    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }
}
