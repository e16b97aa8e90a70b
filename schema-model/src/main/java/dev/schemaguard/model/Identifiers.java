package dev.schemaguard.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL identifier rules: the 63-byte limit and quoting exactly where PostgreSQL's own
 * {@code quote_ident} would quote (anything but lower-case letters, digits and underscores, or a keyword
 * that is not unreserved).
 */
public final class Identifiers {

    /** NAMEDATALEN - 1: the longest identifier PostgreSQL keeps, in bytes. */
    public static final int MAX_BYTES = 63;

    // Keywords of the categories RESERVED, TYPE_FUNC_NAME and COL_NAME across PostgreSQL 13-17:
    // as identifiers they need quotes. Quoting an unreserved keyword too would be harmless.
    private static final Set<String> KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character",
            "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
            "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for",
            "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike",
            "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is",
            "isnull", "join", "json", "json_array", "json_arrayagg", "json_exists", "json_object",
            "json_objectagg", "json_query", "json_scalar", "json_serialize", "json_table", "json_value",
            "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
            "merge_action", "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null",
            "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay",
            "placing", "position", "precision", "primary", "real", "references", "returning", "right", "row",
            "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
            "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat",
            "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose",
            "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
            "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private Identifiers() {
    }

    /** The identifier as SQL: unchanged when PostgreSQL would accept it bare, otherwise double-quoted. */
    public static String quote(String identifier) {
        return needsQuotes(identifier) ? "\"" + identifier.replace("\"", "\"\"") + "\"" : identifier;
    }

    public static boolean needsQuotes(String identifier) {
        if (identifier.isEmpty()) {
            return true;
        }
        char first = identifier.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') {
            return true;
        }
        for (int i = 1; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') {
                return true;
            }
        }
        return KEYWORDS.contains(identifier);
    }

    /**
     * A collation as the model keeps it, SQL-spelled: a bare name such as {@code C} becomes {@code "C"};
     * something quoted or schema-qualified ({@code "de_DE"}, {@code app.german}) keeps its parts.
     */
    public static String collation(String nameOrSql) {
        return qualifiedSql(nameOrSql);
    }

    /**
     * A possibly schema-qualified name (a collation, an operator class) in the model's SQL spelling: each part as
     * written, quoted where it needs it ({@code app."Order Lines"}, {@code public.gin_trgm_ops}, {@code "C"}). Text
     * that is no such name comes out as a quoted identifier, never as SQL of its own.
     */
    public static String qualifiedSql(String text) {
        List<String> parts = splitQualified(text, false);
        if (parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("'" + text + "' is not a name or schema.name");
        }
        return parts.stream().map(Identifiers::quote).collect(java.util.stream.Collectors.joining("."));
    }

    /**
     * Splits a dotted name such as {@code app."Order Lines"} into its parts, undoing double quotes ({@code ""}
     * inside quotes is one {@code "}). With {@code foldUnquoted}, unquoted parts are read as SQL reads them:
     * folded to lower case, white space dropped; without it they are kept exactly as written.
     *
     * @throws IllegalArgumentException when a quote is not closed
     */
    public static List<String> splitQualified(String text, boolean foldUnquoted) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '.') {
                parts.add(current.toString());
                current.setLength(0);
            } else if (!foldUnquoted) {
                current.append(c);
            } else if (!Character.isWhitespace(c)) {
                current.append(Character.toLowerCase(c));
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted identifier in: " + text);
        }
        parts.add(current.toString());
        return parts;
    }

    /** A SQL string literal, e.g. for comments: {@code it's} becomes {@code 'it''s'}. */
    public static String literal(String text) {
        if (text.indexOf('\\') >= 0) {
            return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
        }
        return "'" + text.replace("'", "''") + "'";
    }

    public static int byteLength(String identifier) {
        return identifier.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * A declared former name ({@code renamed_from}) of the {@code what} called {@code name}: null, or a valid name
     * other than {@code name}.
     */
    public static String requireRenamedFrom(String renamedFrom, String name, String what) {
        if (renamedFrom != null) {
            requireValid(renamedFrom, "old name of " + what + " " + name);
            if (renamedFrom.equals(name)) {
                throw new IllegalArgumentException(what + " " + name + " is declared renamed from itself");
            }
        }
        return renamedFrom;
    }

    /** Rejects null, empty and over-long names; PostgreSQL would silently truncate the latter. */
    public static String requireValid(String identifier, String what) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " must not contain a NUL character: " + identifier);
        }
        // UTF-8 takes at most 3 bytes per char: a short name needs no encoding to be known short enough
        int bytes = identifier.length() * 3 <= MAX_BYTES ? 0 : byteLength(identifier);
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(what + " \"" + identifier + "\" is " + bytes
                    + " bytes long; PostgreSQL keeps at most " + MAX_BYTES + " bytes and would truncate it");
        }
        return identifier;
    }

    /**
     * The name PostgreSQL chooses for an unnamed object (its {@code makeObjectName}): {@code name1_name2_label},
     * with the longer of the two names shortened until the whole fits in 63 bytes. {@code name2} may be null.
     */
    public static String defaultName(String name1, String name2, String label) {
        int overhead = (name2 != null ? 1 : 0) + (label != null ? byteLength(label) + 1 : 0);
        int available = MAX_BYTES - overhead;
        int chars1 = byteLength(name1);
        int chars2 = name2 == null ? 0 : byteLength(name2);
        while (chars1 + chars2 > available) {
            if (chars1 > chars2) {
                chars1--;
            } else {
                chars2--;
            }
        }
        StringBuilder name = new StringBuilder(clipToBytes(name1, chars1));
        if (name2 != null) {
            name.append('_').append(clipToBytes(name2, chars2));
        }
        if (label != null) {
            name.append('_').append(label);
        }
        return name.toString();
    }

    /** The longest prefix of {@code text} whose UTF-8 encoding fits in {@code maxBytes}, cut at a character boundary. */
    static String clipToBytes(String text, int maxBytes) {
        if (byteLength(text) <= maxBytes) {
            return text;
        }
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }
}
