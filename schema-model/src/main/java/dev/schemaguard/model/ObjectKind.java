package dev.schemaguard.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of object an ignore rule ({@link IgnoreRule}) or the unexpected objects policy
 * ({@link UnexpectedObjects}) can name, each with the key the YAML format and the CLI use for it. Schemas and
 * extensions are named by their name; the others by their schema-qualified name. {@code TYPE} covers enums,
 * domains, composite and range types; {@code FUNCTION} functions and procedures; {@code TABLE} foreign tables too;
 * {@code INDEX}, {@code TRIGGER} and {@code POLICY} are the parts of tables a database often gains outside the
 * schema's files (an index a DBA added, a platform's audit trigger).
 */
public enum ObjectKind {
    SCHEMA("schemas", "schema"), TABLE("tables", "table"), VIEW("views", "view"), SEQUENCE("sequences", "sequence"),
    TYPE("types", "type"), FUNCTION("functions", "function"), AGGREGATE("aggregates", "aggregate"),
    COLLATION("collations", "collation"), TEXT_SEARCH("text_search", "text search object"),
    EXTENSION("extensions", "extension"),
    /** Parts of a table: matched by the table's schema and their own name; unexpected only on a declared table. */
    INDEX("indexes", "index"), TRIGGER("triggers", "trigger"), POLICY("policies", "policy");

    private final String key;
    private final String word;

    ObjectKind(String key, String word) {
        this.key = key;
        this.word = word;
    }

    /** The plural key: {@code tables}, {@code functions}, ... */
    public String key() {
        return key;
    }

    /** The singular word for messages: {@code table}, {@code function}, {@code text search object}, ... */
    public String word() {
        return word;
    }

    /** Whether it is a part of a table (an index, a trigger, a policy) rather than an object of its own. */
    public boolean partOfTable() {
        return this == INDEX || this == TRIGGER || this == POLICY;
    }

    /** Whether its objects live in a schema (and are matched by their qualified name). */
    public boolean inSchema() {
        return this != SCHEMA && this != EXTENSION;
    }

    /** The kind a key names, singular ({@code table}) or plural ({@code tables}). */
    public static Optional<ObjectKind> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key) || k.word().equals(key)).findFirst();
    }

    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(ObjectKind::key).toList());
    }
}
