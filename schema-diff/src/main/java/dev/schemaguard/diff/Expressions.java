package dev.schemaguard.diff;

import dev.schemaguard.model.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Equivalence of SQL expressions (defaults, checks, predicates, policy expressions, index expressions) without a
 * database. {@link #normalize} parses an expression and prints it back in one spelling, so that spellings
 * PostgreSQL stores identically compare equal: {@code status in ('a', 'b')} and
 * {@code status = ANY (ARRAY['a'::text, 'b'::text])}, {@code TRUE} and {@code true}, {@code price >= 0} and
 * {@code (price >= (0)::numeric)}, {@code a > 0 and b > 0} and {@code (a > 0) AND (b > 0)}. What it folds is listed
 * in docs/canonical-comparison.md; it never folds what PostgreSQL keeps apart ({@code now()} is not
 * {@code CURRENT_TIMESTAMP}). Text it cannot parse (a view's query, syntax it does not know) only has its white
 * space and redundant outer parentheses folded. Anything beyond is the job of canonicalization through a
 * database, which gives both sides PostgreSQL's own spelling.
 */
public final class Expressions {

    /**
     * Normalized forms by expression text. A large schema repeats the same few expressions on many tables
     * (defaults, checks, policies), so most are parsed once. Bounded, so that a long-lived process comparing
     * ever new schemas keeps at most this many.
     */
    private static final int MEMO_LIMIT = 20_000;
    private static final Map<String, String> NORMALIZED = new ConcurrentHashMap<>();

    private Expressions() {
    }

    public static boolean equivalent(String expected, String actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        return expected.equals(actual) || normalize(expected).equals(normalize(actual));
    }

    /**
     * The comparison form of an expression: PostgreSQL's unprettified layout (every operator in parentheses,
     * keywords in upper case, unquoted names in lower case) minus the casts PostgreSQL adds by itself to
     * literals, without the outermost parentheses.
     */
    public static String normalize(String expression) {
        String normalized = NORMALIZED.get(expression);
        if (normalized == null) {
            normalized = parseAndPrint(expression);
            if (NORMALIZED.size() < MEMO_LIMIT) {
                NORMALIZED.put(expression, normalized);
            }
        }
        return normalized;
    }

    private static String parseAndPrint(String expression) {
        String text;
        try {
            text = new Parser(Lexer.tokens(expression)).parseAll().sql();
        } catch (Unsupported e) {
            text = foldWhitespace(expression.strip());
        }
        while (isWrappedInParentheses(text)) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    private static String foldWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                char previous = out.length() == 0 ? '(' : out.charAt(out.length() - 1);
                if (previous != '(' && c != ')' && previous != '[' && c != ']' && c != ',') {
                    out.append(' ');
                }
                pendingSpace = false;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** True when the first character is a '(' whose matching ')' is the last character. */
    private static boolean isWrappedInParentheses(String text) {
        if (text.length() < 2 || text.charAt(0) != '(' || text.charAt(text.length() - 1) != ')') {
            return false;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < text.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    /** The expression uses syntax the parser below does not cover; the caller falls back to text folding. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tokens

    private enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, OPERATOR, PUNCTUATION, END }

    /** {@code text}: a WORD in lower case, a STRING with its quotes, a QUOTED_NAME without them. */
    private record Token(Kind kind, String text) {
        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.OPERATOR || kind == Kind.PUNCTUATION) && text.equals(word);
        }
    }

    private static final class Lexer {
        private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

        static List<Token> tokens(String text) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '\'') {
                    int end = closingQuote(text, i, '\'');
                    tokens.add(new Token(Kind.STRING, text.substring(i, end + 1)));
                    i = end + 1;
                } else if (c == '"') {
                    int end = closingQuote(text, i, '"');
                    tokens.add(new Token(Kind.QUOTED_NAME, text.substring(i + 1, end).replace("\"\"", "\"")));
                    i = end + 1;
                } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                    int end = i;
                    while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                        end++;
                    }
                    if (end < text.length() && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
                        end++;
                        if (end < text.length() && (text.charAt(end) == '+' || text.charAt(end) == '-')) {
                            end++;
                        }
                        while (end < text.length() && Character.isDigit(text.charAt(end))) {
                            end++;
                        }
                    }
                    tokens.add(new Token(Kind.NUMBER, text.substring(i, end)));
                    i = end;
                } else if (Character.isLetter(c) || c == '_') {
                    int end = i;
                    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                            || text.charAt(end) == '$')) {
                        end++;
                    }
                    if (end < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '&')) {
                        throw new Unsupported(); // E'..', B'..', X'..', U&'..'
                    }
                    tokens.add(new Token(Kind.WORD, text.substring(i, end).toLowerCase(Locale.ROOT)));
                    i = end;
                } else if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
                    tokens.add(new Token(Kind.OPERATOR, "::"));
                    i += 2;
                } else if ("()[],.".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.PUNCTUATION, String.valueOf(c)));
                    i++;
                } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                    int end = i;
                    while (end < text.length() && OPERATOR_CHARS.indexOf(text.charAt(end)) >= 0) {
                        end++;
                    }
                    String operator = text.substring(i, end);
                    if (operator.contains("--") || operator.contains("/*")) {
                        throw new Unsupported(); // comments
                    }
                    // as in PostgreSQL's lexer: "a>-1" is "a > -1", not the operator ">-"
                    while (operator.length() > 1 && (operator.endsWith("+") || operator.endsWith("-"))
                            && operator.chars().noneMatch(ch -> "~!@#%^&|`?".indexOf(ch) >= 0)) {
                        operator = operator.substring(0, operator.length() - 1);
                    }
                    tokens.add(new Token(Kind.OPERATOR, operator));
                    i += operator.length();
                } else {
                    throw new Unsupported(); // $1, dollar quotes, ...
                }
            }
            tokens.add(new Token(Kind.END, ""));
            return tokens;
        }

        private static int closingQuote(String text, int start, char quote) {
            int i = start + 1;
            while (i < text.length()) {
                if (text.charAt(i) == quote) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    return i;
                }
                i++;
            }
            throw new Unsupported();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Expression tree, printed in the comparison form

    private sealed interface Node {
        String sql();
    }

    /** A string, number, boolean, NULL or SQL value keyword such as CURRENT_TIMESTAMP. */
    private record Literal(Kind kind, String text) implements Node {
        public String sql() {
            return text;
        }
    }

    private record Name(List<String> parts) implements Node {
        public String sql() {
            return parts.stream().map(Expressions::name).collect(Collectors.joining("."));
        }
    }

    private record Call(Name function, List<Node> arguments) implements Node {
        public String sql() {
            return function.sql() + "(" + join(arguments, ", ") + ")";
        }
    }

    private record Cast(Node operand, String type) implements Node {
        public String sql() {
            String operandSql = operand instanceof Literal literal && literal.kind == Kind.STRING
                    ? operand.sql() : "(" + operand.sql() + ")";
            return operandSql + "::" + type;
        }
    }

    private record Operator(String operator, Node left, Node right) implements Node {
        public String sql() {
            return left == null ? "(" + operator + " " + right.sql() + ")"
                    : "(" + left.sql() + " " + operator + " " + right.sql() + ")";
        }
    }

    private record Bool(String operator, List<Node> arguments) implements Node {
        public String sql() {
            return "(" + join(arguments, " " + operator + " ") + ")";
        }
    }

    private record Not(Node operand) implements Node {
        public String sql() {
            return "(NOT " + operand.sql() + ")";
        }
    }

    /** {@code x IS NULL}, {@code x IS NOT TRUE}, ... */
    private record Test(Node operand, String test) implements Node {
        public String sql() {
            return "(" + operand.sql() + " " + test + ")";
        }
    }

    private record DistinctFrom(Node left, boolean not, Node right) implements Node {
        public String sql() {
            return "(" + left.sql() + (not ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") + right.sql() + ")";
        }
    }

    /** {@code x = ANY (array)}, {@code x <> ALL (array)}. */
    private record Quantified(Node left, String operator, String quantifier, Node array) implements Node {
        public String sql() {
            return "(" + left.sql() + " " + operator + " " + quantifier + " (" + array.sql() + "))";
        }
    }

    private record ArrayOf(List<Node> elements) implements Node {
        public String sql() {
            return "ARRAY[" + join(elements, ", ") + "]";
        }
    }

    private record Subscript(Node operand, Node index) implements Node {
        public String sql() {
            return "(" + operand.sql() + ")[" + index.sql() + "]";
        }
    }

    private record Case(Node operand, List<Node> whens, List<Node> thens, Node otherwise) implements Node {
        public String sql() {
            StringBuilder sql = new StringBuilder("CASE");
            if (operand != null) {
                sql.append(' ').append(operand.sql());
            }
            for (int i = 0; i < whens.size(); i++) {
                sql.append(" WHEN ").append(whens.get(i).sql()).append(" THEN ").append(thens.get(i).sql());
            }
            if (otherwise != null) {
                sql.append(" ELSE ").append(otherwise.sql());
            }
            return sql.append(" END").toString();
        }
    }

    private static String join(List<Node> nodes, String separator) {
        return nodes.stream().map(Node::sql).collect(Collectors.joining(separator));
    }

    private static final java.util.regex.Pattern PLAIN_NAME = java.util.regex.Pattern.compile("[a-z_][a-z0-9_$]*");

    /** A name as PostgreSQL prints it where it can: bare when that reads back as the same name. */
    private static String name(String name) {
        return PLAIN_NAME.matcher(name).matches() && !RESERVED.contains(name) ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    // ---------------------------------------------------------------------------------------------------------
    // Parser: PostgreSQL's operator precedence, lowest first (OR, AND, NOT, IS, comparison, IN/BETWEEN/LIKE,
    // other operators, + -, * / %, ^, unary minus, ::, [ ])

    /** Words that end an operand; an expression containing them elsewhere is not parsed. */
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "is", "in", "between", "like", "ilike",
            "similar", "isnull", "notnull", "then", "when", "else", "end", "case", "as", "from", "select", "where",
            "null", "true", "false", "array", "any", "some", "all", "cast", "collate", "at", "distinct", "order",
            "by", "group", "having", "limit", "union", "user", "default", "table", "with", "escape", "over",
            "filter", "within", "exists");

    private static final Set<String> VALUE_KEYWORDS = Set.of("current_timestamp", "current_date", "current_time",
            "localtimestamp", "localtime", "current_user", "session_user", "current_role", "current_catalog", "user");

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");

    /** Types whose string literals PostgreSQL labels with a cast the user need not write. */
    private static final Set<String> STRING_TYPES = Set.of("text", "character varying", "character", "bpchar", "unknown");

    private static final Set<String> NUMBER_TYPES = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision");

    private static final Set<String> TYPE_CONTINUATIONS = Set.of("varying", "precision", "with", "without", "time", "zone");

    private static final class Parser {
        private final List<Token> tokens;
        private int position;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Node parseAll() {
            Node node = or();
            if (peek().kind() != Kind.END) {
                throw new Unsupported();
            }
            return node;
        }

        private Token peek() {
            return tokens.get(position);
        }

        private Token peek(int ahead) {
            return tokens.get(Math.min(position + ahead, tokens.size() - 1));
        }

        private Token next() {
            return tokens.get(position++);
        }

        private boolean accept(String word) {
            if (peek().is(word)) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(String word) {
            if (!accept(word)) {
                throw new Unsupported();
            }
        }

        private Node or() {
            List<Node> arguments = new ArrayList<>();
            addFlattened(arguments, "OR", and());
            while (accept("or")) {
                addFlattened(arguments, "OR", and());
            }
            return arguments.size() == 1 ? arguments.get(0) : new Bool("OR", arguments);
        }

        private Node and() {
            List<Node> arguments = new ArrayList<>();
            addFlattened(arguments, "AND", not());
            while (accept("and")) {
                addFlattened(arguments, "AND", not());
            }
            return arguments.size() == 1 ? arguments.get(0) : new Bool("AND", arguments);
        }

        /** {@code a AND (b AND c)} and {@code (a AND b) AND c} mean the same; keep one flat list. */
        private static void addFlattened(List<Node> arguments, String operator, Node node) {
            if (node instanceof Bool bool && bool.operator().equals(operator)) {
                arguments.addAll(bool.arguments());
            } else {
                arguments.add(node);
            }
        }

        private Node not() {
            if (accept("not")) {
                return new Not(not());
            }
            return is();
        }

        private Node is() {
            Node node = comparison();
            while (true) {
                if (accept("isnull")) {
                    node = new Test(node, "IS NULL");
                } else if (accept("notnull")) {
                    node = new Test(node, "IS NOT NULL");
                } else if (accept("is")) {
                    boolean negated = accept("not");
                    String prefix = negated ? "IS NOT " : "IS ";
                    if (accept("null")) {
                        node = new Test(node, prefix + "NULL");
                    } else if (accept("true")) {
                        node = new Test(node, prefix + "TRUE");
                    } else if (accept("false")) {
                        node = new Test(node, prefix + "FALSE");
                    } else if (accept("distinct")) {
                        expect("from");
                        node = new DistinctFrom(node, negated, comparison());
                    } else {
                        throw new Unsupported();
                    }
                } else {
                    return node;
                }
            }
        }

        private Node comparison() {
            Node left = membership();
            Token token = peek();
            if (token.kind() == Kind.OPERATOR && COMPARISONS.contains(token.text())) {
                next();
                String operator = token.text().equals("!=") ? "<>" : token.text();
                if ((peek().is("any") || peek().is("some") || peek().is("all")) && peek(1).is("(")) {
                    String quantifier = next().text().equals("all") ? "ALL" : "ANY";
                    expect("(");
                    Node array = or();
                    expect(")");
                    return new Quantified(left, operator, quantifier, array);
                }
                return new Operator(operator, left, membership());
            }
            return left;
        }

        private Node membership() {
            Node left = other();
            boolean negated = peek().is("not") && (peek(1).is("in") || peek(1).is("between") || peek(1).is("like")
                    || peek(1).is("ilike"));
            if (negated) {
                next();
            }
            if (accept("in")) {
                expect("(");
                List<Node> items = list(")");
                if (!items.stream().allMatch(item -> item instanceof Literal)) {
                    throw new Unsupported(); // PostgreSQL turns non-constant lists into OR chains; leave to a database
                }
                if (items.size() == 1) {
                    return new Operator(negated ? "<>" : "=", left, items.get(0));
                }
                return new Quantified(left, negated ? "<>" : "=", negated ? "ALL" : "ANY", new ArrayOf(items));
            }
            if (accept("between")) {
                if (accept("symmetric")) {
                    throw new Unsupported();
                }
                Node low = other();
                expect("and");
                Node high = other();
                return negated
                        ? new Bool("OR", List.of(new Operator("<", left, low), new Operator(">", left, high)))
                        : new Bool("AND", List.of(new Operator(">=", left, low), new Operator("<=", left, high)));
            }
            if (accept("like")) {
                return new Operator(negated ? "!~~" : "~~", left, other());
            }
            if (accept("ilike")) {
                return new Operator(negated ? "!~~*" : "~~*", left, other());
            }
            if (negated) {
                throw new Unsupported();
            }
            return left;
        }

        /** Any operator that is not arithmetic or a comparison: ||, ~, @>, ->>, ... (left associative). */
        private Node other() {
            Node left = additive();
            while (peek().kind() == Kind.OPERATOR && !COMPARISONS.contains(peek().text())
                    && !Set.of("+", "-", "*", "/", "%", "^", "::").contains(peek().text())) {
                String operator = next().text();
                left = new Operator(operator, left, additive());
            }
            return left;
        }

        private Node additive() {
            Node left = multiplicative();
            while (peek().is("+") || peek().is("-")) {
                String operator = next().text();
                left = new Operator(operator, left, multiplicative());
            }
            return left;
        }

        private Node multiplicative() {
            Node left = power();
            while (peek().is("*") || peek().is("/") || peek().is("%")) {
                String operator = next().text();
                left = new Operator(operator, left, power());
            }
            return left;
        }

        private Node power() {
            Node left = unary();
            while (accept("^")) {
                left = new Operator("^", left, unary());
            }
            return left;
        }

        private Node unary() {
            if (peek().is("-") || peek().is("+")) {
                String operator = next().text();
                Node operand = unary();
                if (operator.equals("-") && operand instanceof Literal literal && literal.kind() == Kind.NUMBER
                        && !literal.text().startsWith("-")) {
                    return new Literal(Kind.NUMBER, "-" + literal.text()); // PostgreSQL's parser folds this too
                }
                return new Operator(operator, null, operand);
            }
            return postfix();
        }

        private Node postfix() {
            Node node = primary();
            while (true) {
                if (accept("::")) {
                    node = cast(node, type());
                } else if (accept("[")) {
                    Node index = or();
                    expect("]");
                    node = new Subscript(node, index);
                } else {
                    return node;
                }
            }
        }

        private Node primary() {
            Token token = next();
            switch (token.kind()) {
                case STRING:
                    return new Literal(Kind.STRING, token.text());
                case NUMBER:
                    return new Literal(Kind.NUMBER, token.text());
                case QUOTED_NAME:
                    position--;
                    return nameOrCall();
                case PUNCTUATION:
                    if (token.text().equals("(")) {
                        Node inner = or();
                        expect(")");
                        return inner;
                    }
                    throw new Unsupported();
                case WORD:
                    return word(token);
                default:
                    throw new Unsupported();
            }
        }

        private Node word(Token token) {
            String word = token.text();
            switch (word) {
                case "true", "false" -> {
                    return new Literal(Kind.WORD, word);
                }
                case "null" -> {
                    return new Literal(Kind.WORD, "NULL");
                }
                case "array" -> {
                    expect("[");
                    return new ArrayOf(list("]"));
                }
                case "case" -> {
                    return caseExpression();
                }
                case "cast" -> {
                    expect("(");
                    Node operand = or();
                    expect("as");
                    String type = type();
                    expect(")");
                    return cast(operand, type);
                }
                default -> {
                }
            }
            if (VALUE_KEYWORDS.contains(word) && !peek().is("(")) {
                return new Literal(Kind.WORD, word.toUpperCase(Locale.ROOT));
            }
            if (RESERVED.contains(word)) {
                throw new Unsupported();
            }
            if (peek().kind() == Kind.STRING) {
                position--; // a typed literal: date '2024-01-01' means '2024-01-01'::date
                String type = type();
                return cast(new Literal(Kind.STRING, next().text()), type);
            }
            position--;
            return nameOrCall();
        }

        private Node nameOrCall() {
            List<String> parts = new ArrayList<>();
            parts.add(namePart(next()));
            while (peek().is(".") && (peek(1).kind() == Kind.WORD || peek(1).kind() == Kind.QUOTED_NAME)) {
                next();
                parts.add(namePart(next()));
            }
            Name name = new Name(parts);
            if (accept("(")) {
                if (peek().is("distinct") || peek().is("*") || peek().is("all")) {
                    throw new Unsupported();
                }
                return new Call(name, list(")"));
            }
            return name;
        }

        private static String namePart(Token token) {
            if (token.kind() == Kind.WORD && !RESERVED.contains(token.text())) {
                return token.text();
            }
            if (token.kind() == Kind.QUOTED_NAME) {
                return token.text();
            }
            throw new Unsupported();
        }

        private Node caseExpression() {
            Node operand = peek().is("when") ? null : or();
            List<Node> whens = new ArrayList<>();
            List<Node> thens = new ArrayList<>();
            while (accept("when")) {
                whens.add(or());
                expect("then");
                thens.add(or());
            }
            Node otherwise = accept("else") ? or() : null;
            expect("end");
            if (whens.isEmpty()) {
                throw new Unsupported();
            }
            return new Case(operand, whens, thens, otherwise);
        }

        /** Comma-separated expressions up to {@code close}, which is consumed. */
        private List<Node> list(String close) {
            List<Node> items = new ArrayList<>();
            if (accept(close)) {
                return items;
            }
            do {
                items.add(or());
            } while (accept(","));
            expect(close);
            return items;
        }

        /** A type name as written after {@code ::} or in CAST, in DataType's canonical spelling. */
        private String type() {
            StringBuilder text = new StringBuilder();
            Token first = next();
            if (first.kind() == Kind.QUOTED_NAME) {
                text.append('"').append(first.text().replace("\"", "\"\"")).append('"');
            } else if (first.kind() == Kind.WORD) {
                text.append(first.text());
            } else {
                throw new Unsupported();
            }
            if (peek().is(".")) {
                next();
                Token second = next();
                if (second.kind() == Kind.QUOTED_NAME) {
                    text.append(".\"").append(second.text().replace("\"", "\"\"")).append('"');
                } else if (second.kind() == Kind.WORD) {
                    text.append('.').append(second.text());
                } else {
                    throw new Unsupported();
                }
            }
            typeModifiers(text);
            while (peek().kind() == Kind.WORD && TYPE_CONTINUATIONS.contains(peek().text())) {
                text.append(' ').append(next().text());
                typeModifiers(text);
            }
            while (peek().is("[") && (peek(1).is("]") || (peek(1).kind() == Kind.NUMBER && peek(2).is("]")))) {
                next();
                if (peek().kind() == Kind.NUMBER) {
                    next();
                }
                next();
                text.append("[]");
            }
            try {
                return DataType.parse(text.toString()).sql();
            } catch (IllegalArgumentException e) {
                throw new Unsupported();
            }
        }

        private void typeModifiers(StringBuilder text) {
            if (accept("(")) {
                text.append('(');
                do {
                    Token modifier = next();
                    if (modifier.kind() != Kind.NUMBER) {
                        throw new Unsupported();
                    }
                    text.append(modifier.text());
                    if (peek().is(",")) {
                        text.append(',');
                    }
                } while (accept(","));
                expect(")");
                text.append(')');
            }
        }
    }

    /**
     * A cast, minus the casts PostgreSQL adds by itself and that change nothing: a string literal labelled with a
     * string type, an integer literal labelled with a number type, a column read as text, an array of string
     * literals labelled text[].
     */
    private static Node cast(Node operand, String type) {
        DataType dataType = DataType.parse(type);
        boolean scalar = dataType.isBuiltIn() && dataType.arrayDimensions() == 0;
        if (operand instanceof Literal literal && scalar) {
            if (literal.kind() == Kind.STRING && STRING_TYPES.contains(dataType.name())) {
                return literal;
            }
            if (NUMBER_TYPES.contains(dataType.name()) && dataType.modifiers().isEmpty()) {
                String number = literal.kind() == Kind.NUMBER ? literal.text()
                        : literal.kind() == Kind.STRING ? literal.text().substring(1, literal.text().length() - 1) : null;
                if (number != null && isNumber(number, dataType.name())) {
                    return new Literal(Kind.NUMBER, number);
                }
            }
        }
        if (operand instanceof Name && scalar && dataType.name().equals("text")) {
            return operand;
        }
        if (operand instanceof ArrayOf array && dataType.isBuiltIn() && dataType.arrayDimensions() == 1
                && STRING_TYPES.contains(dataType.name())
                && array.elements().stream().allMatch(e -> e instanceof Literal l && l.kind() == Kind.STRING)) {
            return array;
        }
        return new Cast(operand, type);
    }

    /** Whether PostgreSQL reads {@code text} as the same value of {@code type} as the bare literal: integers always, decimals only for non-integer types. */
    private static boolean isNumber(String text, String type) {
        if (text.matches("-?\\d+")) {
            return true;
        }
        return text.matches("-?(\\d+\\.\\d*|\\.\\d+)") && !Set.of("smallint", "integer", "bigint").contains(type);
    }
}
