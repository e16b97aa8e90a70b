package dev.schemaguard.yaml;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed YAML value that remembers where it was written. Nodes keep line and column as numbers and make a
 * {@link Position} when asked: a read holds hundreds of thousands of nodes until the whole file is read, and most
 * positions are never asked for.
 */
sealed interface YamlNode {

    Position position();

    /** A word for messages: "a map", "a list", "a text value". */
    String kind();

    /** A mapping; keys in the order written, each with its own position. */
    record MapNode(Map<String, Entry> entries, String source, int line, int column) implements YamlNode {
        public MapNode {
            entries = entries instanceof EntryMap ? entries : EntryMap.of(List.copyOf(entries.values()));
        }

        MapNode(Map<String, Entry> entries, Position position) {
            this(entries, position.source(), position.line(), position.column());
        }

        @Override
        public Position position() {
            return new Position(source, line, column);
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    record Entry(String key, String source, int line, int column, YamlNode value) {
        Position keyPosition() {
            return new Position(source, line, column);
        }
    }

    /**
     * The entries of a map node, in the order written and found by key: a list searched from the start while it is
     * short, as nearly every map of a schema is, with a hash index for a long one (the tables of a schema). Lighter
     * than a {@code LinkedHashMap}, and a read holds hundreds of thousands.
     */
    final class EntryMap extends AbstractMap<String, YamlNode.Entry> {
        /** Up to this many entries, a key is found by comparing it with each. */
        static final int SEARCHED = 16;

        private final List<YamlNode.Entry> entries;
        private final Map<String, YamlNode.Entry> index;

        /** {@code entries} (no key twice) with {@code index}, their map by key when there are more than {@link #SEARCHED}. */
        EntryMap(List<YamlNode.Entry> entries, Map<String, YamlNode.Entry> index) {
            this.entries = List.copyOf(entries);
            this.index = index;
        }

        static EntryMap of(List<YamlNode.Entry> entries) {
            Map<String, YamlNode.Entry> index = null;
            if (entries.size() > SEARCHED) {
                index = new HashMap<>();
                for (YamlNode.Entry entry : entries) {
                    index.put(entry.key(), entry);
                }
            }
            return new EntryMap(entries, index);
        }

        @Override
        public YamlNode.Entry get(Object key) {
            if (index != null) {
                return index.get(key);
            }
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).key().equals(key)) {
                    return entries.get(i);
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public Collection<YamlNode.Entry> values() {
            return entries;
        }

        @Override
        public Set<Map.Entry<String, YamlNode.Entry>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, YamlNode.Entry>> iterator() {
                    return entries.stream().map(entry -> Map.entry(entry.key(), entry)).iterator();
                }

                @Override
                public int size() {
                    return entries.size();
                }
            };
        }
    }

    record ListNode(List<YamlNode> items, String source, int line, int column) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public Position position() {
            return new Position(source, line, column);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar as written; {@code text} is null for YAML's null ({@code ~}, {@code null} or nothing). */
    record ScalarNode(String text, String source, int line, int column) implements YamlNode {
        ScalarNode(String text, Position position) {
            this(text, position.source(), position.line(), position.column());
        }

        @Override
        public Position position() {
            return new Position(source, line, column);
        }

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
