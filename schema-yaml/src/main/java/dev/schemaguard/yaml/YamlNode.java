package dev.schemaguard.yaml;

import java.util.List;
import java.util.Map;

/** A parsed YAML value that remembers where it was written. */
sealed interface YamlNode {

    Position position();

    /** A word for messages: "a map", "a list", "a text value". */
    String kind();

    /** A mapping; keys in the order written, each with its own position. */
    record MapNode(Map<String, Entry> entries, Position position) implements YamlNode {
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    record Entry(String key, Position keyPosition, YamlNode value) {
    }

    record ListNode(List<YamlNode> items, Position position) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar as written; {@code text} is null for YAML's null ({@code ~}, {@code null} or nothing). */
    record ScalarNode(String text, Position position) implements YamlNode {
        @Override
        public String kind() {
            return text == null ? "nothing (null)" : "the value '" + text + "'";
        }

        /** YAML null, or nothing at all after a key (which the YAML parser reports as an empty string). */
        boolean isNull() {
            return text == null || text.isEmpty();
        }
    }
}
