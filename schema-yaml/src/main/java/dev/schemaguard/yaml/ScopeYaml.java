package dev.schemaguard.yaml;

import static dev.schemaguard.yaml.YamlKeys.*;

import dev.schemaguard.model.ComparisonScope;
import dev.schemaguard.model.HistoryTables;
import dev.schemaguard.model.IgnoreRule;
import dev.schemaguard.model.ObjectKind;
import dev.schemaguard.model.UnexpectedObjects;
import dev.schemaguard.yaml.YamlNode.Entry;
import dev.schemaguard.yaml.YamlNode.MapNode;
import dev.schemaguard.yaml.YamlNode.ScalarNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file-level keys that say what a comparison leaves out ({@link ComparisonScope}): {@code ignore:},
 * {@code history_tables:} and {@code unexpected:} (docs/yaml-format.md, "Ignore rules"). Several files of a
 * directory add up: their rules and history table names are joined; a policy given twice for one kind is an error
 * naming both places.
 */
final class ScopeYaml {

    private static final Map<String, UnexpectedObjects.Policy> POLICIES = policies();

    private final List<IgnoreRule> rules = new ArrayList<>();
    private final Set<String> historyTableNames = new LinkedHashSet<>();
    private Boolean compareHistoryTables;
    private Position compareHistoryTablesAt;
    private UnexpectedObjects.Policy fallback;
    private Position fallbackAt;
    private final Map<ObjectKind, UnexpectedObjects.Policy> byKind = new EnumMap<>(ObjectKind.class);
    private final Map<ObjectKind, Position> byKindAt = new EnumMap<>(ObjectKind.class);

    /** Reads the scope keys of one file's top level. */
    void read(Fields file) {
        YamlNode ignore = file.node(IGNORE);
        if (ignore != null) {
            for (YamlNode item : Nodes.list(ignore, "'ignore' (globs over qualified names, or KIND: GLOB)")) {
                rules.add(rule(item));
            }
        }
        YamlNode history = file.node(HISTORY_TABLES);
        if (history != null) {
            Fields fields = Fields.of(history, HISTORY_TABLE_KEYS, "history_tables");
            if (fields.has(COMPARE)) {
                boolean compare = fields.bool(COMPARE, false);
                Position at = fields.node(COMPARE).position();
                if (compareHistoryTables != null && compareHistoryTables != compare) {
                    throw new YamlSchemaException(at, "history_tables.compare is " + compare + " here but "
                            + compareHistoryTables + " at " + compareHistoryTablesAt + "; keep one");
                }
                compareHistoryTables = compare;
                compareHistoryTablesAt = at;
            }
            if (fields.has(NAMES)) {
                historyTableNames.addAll(fields.names(NAMES));
            }
        }
        YamlNode unexpected = file.node(UNEXPECTED);
        if (unexpected != null) {
            readUnexpected(unexpected);
        }
    }

    ComparisonScope scope() {
        return new ComparisonScope(rules, new HistoryTables(Boolean.TRUE.equals(compareHistoryTables), historyTableNames),
                new UnexpectedObjects(fallback, byKind));
    }

    private static IgnoreRule rule(YamlNode item) {
        String what = "an ignore rule";
        if (item instanceof MapNode map) {
            if (map.entries().size() != 1) {
                throw Nodes.error(item, "expected " + what + " as a glob or as one KIND: GLOB pair (e.g. functions: app.*),"
                        + " found " + map.entries().size() + " keys");
            }
            Entry entry = map.entries().values().iterator().next();
            ObjectKind kind = kind(entry.key(), entry.keyPosition());
            String pattern = Nodes.requiredText(entry.value(), "the glob of " + what);
            return Nodes.build(entry.value().position(), what, () -> new IgnoreRule(kind, pattern, entry.value().position().toString()));
        }
        String pattern = Nodes.requiredText(item, what);
        return Nodes.build(item.position(), what, () -> new IgnoreRule(null, pattern, item.position().toString()));
    }

    private void readUnexpected(YamlNode node) {
        if (node instanceof ScalarNode) {
            setFallback(Nodes.choice(node, POLICIES, "'unexpected'"), node.position());
            return;
        }
        for (Entry entry : Nodes.map(node, "'unexpected' (a policy, or object kinds to policies)").entries().values()) {
            UnexpectedObjects.Policy policy = Nodes.choice(entry.value(), POLICIES, "the policy for unexpected " + entry.key());
            if (entry.key().equals(DEFAULT)) {
                setFallback(policy, entry.keyPosition());
                continue;
            }
            ObjectKind kind = kind(entry.key(), entry.keyPosition());
            Position earlier = byKindAt.get(kind);
            if (earlier != null && byKind.get(kind) != policy) {
                throw new YamlSchemaException(entry.keyPosition(), "the policy for unexpected " + kind.key()
                        + " is given twice (also at " + earlier + "); keep one");
            }
            byKind.put(kind, policy);
            byKindAt.put(kind, entry.keyPosition());
        }
    }

    private void setFallback(UnexpectedObjects.Policy policy, Position at) {
        if (fallback != null && fallback != policy) {
            throw new YamlSchemaException(at, "the default policy for unexpected objects is given twice (also at "
                    + fallbackAt + "); keep one");
        }
        fallback = policy;
        fallbackAt = at;
    }

    private static ObjectKind kind(String key, Position at) {
        return ObjectKind.byKey(key).orElseThrow(() -> new YamlSchemaException(at, "unknown object kind '" + key
                + "'; expected one of " + ObjectKind.keys()
                + Suggestions.didYouMean(key, Arrays.stream(ObjectKind.values()).map(ObjectKind::key).toList())));
    }

    private static Map<String, UnexpectedObjects.Policy> policies() {
        Map<String, UnexpectedObjects.Policy> words = new LinkedHashMap<>();
        for (UnexpectedObjects.Policy policy : UnexpectedObjects.Policy.values()) {
            words.put(policy.key(), policy);
        }
        return words;
    }
}
