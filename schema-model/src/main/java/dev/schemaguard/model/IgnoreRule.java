package dev.schemaguard.model;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One ignore rule: objects it matches are left out of both sides of a comparison, so they are never reported,
 * planned, dropped or snapshotted ({@link ComparisonScope}). {@code pattern} is a glob over a qualified name
 * ({@code public.legacy_*}, {@code reporting.*}): {@code *} stands for any run of characters but a dot, {@code ?}
 * for one character, a backslash makes the next character literal. A pattern without a dot matches the name in
 * every schema (and schemas and extensions by name). A pattern whose name part is {@code *} ({@code reporting.*})
 * also matches the schema itself. {@code kind} restricts the rule to one kind of object; null: every kind.
 * {@code origin} says where the rule was given, for messages ({@code schema.yaml:3:5}, {@code --ignore}).
 *
 * <p>The pattern is only ever matched in Java against names already read; it never reaches SQL.
 */
public record IgnoreRule(ObjectKind kind, String pattern, String origin) {

    /** Compiled globs: a comparison matches every object against every rule. */
    private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();

    public IgnoreRule {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("an ignore pattern must not be empty");
        }
        int dot = firstDot(pattern);
        if (dot >= 0 && firstDot(pattern.substring(dot + 1)) >= 0) {
            throw new IllegalArgumentException("ignore pattern '" + pattern + "' has more than one dot; write"
                    + " schema.name (a dot inside a name is written \\.)");
        }
        if (dot == 0 || dot == pattern.length() - 1) {
            throw new IllegalArgumentException("ignore pattern '" + pattern + "' has an empty schema or name part");
        }
        if (pattern.endsWith("\\") && !pattern.endsWith("\\\\")) {
            throw new IllegalArgumentException("ignore pattern '" + pattern + "' ends with a lone backslash");
        }
        if (kind != null && !kind.inSchema() && dot >= 0) {
            throw new IllegalArgumentException("ignore pattern '" + pattern + "' for " + kind.key()
                    + " must be a name, not schema.name");
        }
    }

    /** Whether the rule matches an object of {@code objectKind} named {@code name} in {@code schema} (null for schemas and extensions). */
    public boolean matches(ObjectKind objectKind, String schema, String name) {
        if (kind != null && kind != objectKind) {
            return false;
        }
        int dot = firstDot(pattern);
        if (dot < 0) {
            return glob(pattern).matcher(name).matches();
        }
        String schemaPart = pattern.substring(0, dot);
        String namePart = pattern.substring(dot + 1);
        if (objectKind == ObjectKind.SCHEMA) {
            return namePart.equals("*") && glob(schemaPart).matcher(name).matches();
        }
        return schema != null && glob(schemaPart).matcher(schema).matches() && glob(namePart).matcher(name).matches();
    }

    @Override
    public String toString() {
        return (kind == null ? "" : kind.key() + ": ") + pattern;
    }

    private static int firstDot(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '.') {
                return i;
            }
        }
        return -1;
    }

    private static Pattern glob(String glob) {
        return GLOBS.computeIfAbsent(glob, IgnoreRule::compile);
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '?') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
