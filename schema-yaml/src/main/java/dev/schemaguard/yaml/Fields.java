package dev.schemaguard.yaml;

import dev.schemaguard.yaml.YamlNode.Entry;
import dev.schemaguard.yaml.YamlNode.MapNode;
import dev.schemaguard.yaml.YamlNode.ScalarNode;

import java.util.List;
import java.util.Map;

/**
 * The keys of one YAML map whose allowed keys are known. Unknown keys are rejected when the map is opened,
 * with a did-you-mean suggestion, so nothing written is silently ignored.
 */
final class Fields {

    private final MapNode map;
    private final String what;

    private Fields(MapNode map, String what) {
        this.map = map;
        this.what = what;
    }

    /** Opens {@code node} (a map, or YAML null as an empty map) that may hold only {@code allowed} keys. */
    static Fields of(YamlNode node, List<String> allowed, String what) {
        MapNode map = Nodes.map(node, what);
        for (Entry entry : map.entries().values()) {
            if (!allowed.contains(entry.key())) {
                throw new YamlSchemaException(entry.keyPosition(), "unknown key '" + entry.key() + "' in " + what
                        + Suggestions.didYouMean(entry.key(), allowed) + " (allowed: " + String.join(", ", allowed) + ")");
            }
        }
        return new Fields(map, what);
    }

    String what() {
        return what;
    }

    Position position() {
        return map.position();
    }

    /** The value under {@code key}, or null when the key is absent or its value is YAML null. */
    YamlNode node(String key) {
        Entry entry = map.entries().get(key);
        if (entry == null || (entry.value() instanceof ScalarNode scalar && scalar.isNull())) {
            return null;
        }
        return entry.value();
    }

    boolean has(String key) {
        return node(key) != null;
    }

    String text(String key) {
        YamlNode node = node(key);
        return node == null ? null : Nodes.text(node, label(key));
    }

    String requiredText(String key) {
        YamlNode node = node(key);
        if (node == null) {
            throw new YamlSchemaException(map.position(), what + " needs '" + key + "'");
        }
        return Nodes.requiredText(node, label(key));
    }

    /** The flag's value; {@code otherwise} when absent. */
    boolean bool(String key, boolean otherwise) {
        YamlNode node = node(key);
        return node == null ? otherwise : Nodes.bool(node, label(key));
    }

    Long number(String key) {
        YamlNode node = node(key);
        return node == null ? null : Nodes.number(node, label(key));
    }

    List<String> names(String key) {
        YamlNode node = node(key);
        return node == null ? List.of() : Nodes.names(node, label(key));
    }

    /**
     * A map of storage parameters, {@code {fillfactor: 70, autovacuum_enabled: false}}, as {@code name=value}
     * strings in the map's order; empty when the key is absent.
     */
    List<String> parameters(String key) {
        YamlNode node = node(key);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof YamlNode.MapNode parameters)) {
            throw Nodes.error(node, label(key) + " must be a map of parameter names to values, e.g. {fillfactor: 70}");
        }
        List<String> result = new java.util.ArrayList<>();
        for (YamlNode.Entry entry : parameters.entries().values()) {
            if (!dev.schemaguard.model.StorageParameters.isName(entry.key())) {
                throw new YamlSchemaException(entry.keyPosition(), label(key) + ": '" + entry.key() + "' is no parameter"
                        + " name; names are lower case, such as fillfactor or toast.autovacuum_enabled");
            }
            String value = Nodes.requiredText(entry.value(), "storage parameter " + entry.key() + " of " + what);
            result.add(entry.key() + "=" + value);
        }
        try {
            return dev.schemaguard.model.StorageParameters.requireValid(result, what);
        } catch (IllegalArgumentException e) {
            throw Nodes.error(node, label(key) + ": " + e.getMessage());
        }
    }

    <E> E choice(String key, Map<String, E> words, E otherwise) {
        YamlNode node = node(key);
        return node == null ? otherwise : Nodes.choice(node, words, label(key));
    }

    YamlSchemaException error(String key, String message) {
        YamlNode node = node(key);
        Position at = node != null ? node.position() : map.position();
        return new YamlSchemaException(at, message);
    }

    private String label(String key) {
        return "'" + key + "' of " + what;
    }
}
