package dev.schemaguard.yaml;

import dev.schemaguard.yaml.YamlNode.ListNode;
import dev.schemaguard.yaml.YamlNode.MapNode;
import dev.schemaguard.yaml.YamlNode.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Typed access to YAML nodes; every mismatch becomes a {@link YamlSchemaException} at the node's position. */
final class Nodes {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private Nodes() {
    }

    static YamlSchemaException error(YamlNode node, String message) {
        return new YamlSchemaException(node.position(), message);
    }

    /**
     * Runs a model constructor, turning the model's own validation error into an error at {@code at}
     * that says which object it concerns.
     */
    static <T> T build(Position at, String what, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new YamlSchemaException(at, what + ": " + e.getMessage());
        }
    }

    /** A map, or an empty map for YAML null (a key with nothing after it). */
    static MapNode map(YamlNode node, String what) {
        if (node instanceof MapNode map) {
            return map;
        }
        if (node instanceof ScalarNode scalar && scalar.isNull()) {
            return new MapNode(Map.of(), node.position());
        }
        throw error(node, "expected " + what + " as a map (key: value lines), found " + node.kind());
    }

    /** A list, or an empty list for YAML null. */
    static List<YamlNode> list(YamlNode node, String what) {
        if (node instanceof ListNode list) {
            return list.items();
        }
        if (node instanceof ScalarNode scalar && scalar.isNull()) {
            return List.of();
        }
        throw error(node, "expected " + what + " as a list (- item lines or [a, b]), found " + node.kind());
    }

    /** Text; null for YAML null. */
    static String text(YamlNode node, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.text();
        }
        throw error(node, "expected " + what + " as text, found " + node.kind());
    }

    static String requiredText(YamlNode node, String what) {
        String text = text(node, what);
        if (text == null || text.isEmpty()) {
            throw error(node, "expected " + what + ", found nothing");
        }
        return text;
    }

    static boolean bool(YamlNode node, String what) {
        String text = requiredText(node, what + " (true or false)");
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(node, "expected " + what + " as true or false, found '" + text + "'");
        };
    }

    static long number(YamlNode node, String what) {
        String text = requiredText(node, what + " (a whole number)");
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(node, "expected " + what + " as a whole number, found '" + text + "'");
        }
    }

    /** One name, or a list of names: {@code id} or {@code [org_id, id]}. */
    static List<String> names(YamlNode node, String what) {
        if (node instanceof ScalarNode) {
            return List.of(requiredText(node, what));
        }
        if (node instanceof ListNode list) {
            if (list.items().isEmpty()) {
                throw error(node, "expected at least one name in " + what + ", found an empty list");
            }
            List<String> names = new ArrayList<>();
            for (YamlNode item : list.items()) {
                names.add(requiredText(item, "a name in " + what));
            }
            return names;
        }
        throw error(node, "expected " + what + " as a name or a list of names, found " + node.kind());
    }

    /** One of a few words, case-insensitive, with spaces and underscores treated alike. */
    static <E> E choice(YamlNode node, Map<String, E> words, String what) {
        String text = requiredText(node, what);
        String word = WHITE_SPACE.matcher(text.toLowerCase(Locale.ROOT).strip().replace('_', ' ')).replaceAll(" ");
        E value = words.get(word);
        if (value == null) {
            throw error(node, "expected " + what + " to be one of " + String.join(", ", sorted(words))
                    + ", found '" + text + "'" + Suggestions.didYouMean(word, words.keySet()));
        }
        return value;
    }

    private static List<String> sorted(Map<String, ?> words) {
        return words.keySet().stream().sorted().toList();
    }
}
