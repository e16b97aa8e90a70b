package dev.schemaguard.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of object an ignore rule ({@link IgnoreRule}) or the unexpected objects policy
 * ({@link UnexpectedObjects}) can name, each with the key the YAML format and the CLI use for it. Schemas and
 * extensions are named by their name; the others by their schema-qualified name. {@code TYPE} covers enums,
 * domains, composite and range types; {@code FUNCTION} functions and procedures; {@code TABLE} foreign tables too.
 */
public enum ObjectKind {
    SCHEMA("schemas"), TABLE("tables"), VIEW("views"), SEQUENCE("sequences"), TYPE("types"), FUNCTION("functions"),
    AGGREGATE("aggregates"), COLLATION("collations"), TEXT_SEARCH("text_search"), EXTENSION("extensions");

    private final String key;

    ObjectKind(String key) {
        this.key = key;
    }

    /** The plural key: {@code tables}, {@code functions}, ... */
    public String key() {
        return key;
    }

    /** The singular word for messages: {@code table}, {@code function}, {@code text search object}, ... */
    public String word() {
        return this == TEXT_SEARCH ? "text search object" : key.substring(0, key.length() - 1);
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
