package dev.schemaguard.yaml;

import dev.schemaguard.yaml.YamlNode.Entry;
import dev.schemaguard.yaml.YamlNode.ListNode;
import dev.schemaguard.yaml.YamlNode.MapNode;
import dev.schemaguard.yaml.YamlNode.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where each {@code renamed_from} of a YAML document was written: its value (the former name), its position, and
 * the keys and item names on the way to it ({@code schemas, app, tables, customers, columns, full_name}), so that a
 * declared rename the database does not fit can be reported at the key that declares it.
 */
public final class RenamedFromKeys {

    /** One {@code renamed_from: oldName} at {@code position}, under {@code path}. */
    public record Site(String oldName, List<String> path, Position position) {
        public Site {
            path = List.copyOf(path);
        }
    }

    private RenamedFromKeys() {
    }

    /** Every {@code renamed_from} with a plain value in {@code root}, in document order. */
    static List<Site> in(YamlNode root) {
        List<Site> sites = new ArrayList<>();
        collect(root, new ArrayList<>(), sites);
        return sites;
    }

    private static void collect(YamlNode node, List<String> path, List<Site> sites) {
        if (node instanceof MapNode map) {
            for (Entry entry : map.entries().values()) {
                if (entry.key().equals(YamlKeys.RENAMED_FROM) && entry.value() instanceof ScalarNode value && !value.isNull()) {
                    sites.add(new Site(value.text(), path, value.position()));
                } else {
                    path.add(entry.key());
                    collect(entry.value(), path, sites);
                    path.remove(path.size() - 1);
                }
            }
        } else if (node instanceof ListNode list) {
            for (YamlNode item : list.items()) {
                // an item of a list (a constraint, an index) is known by its name, when it gives one
                String name = item instanceof MapNode map && map.entries().get(YamlKeys.NAME) != null
                        && map.entries().get(YamlKeys.NAME).value() instanceof ScalarNode scalar ? scalar.text() : "";
                path.add(name);
                collect(item, path, sites);
                path.remove(path.size() - 1);
            }
        }
    }

    /**
     * The site that declares former name {@code oldName} for the object named {@code names} (schema, then table,
     * then member): of those with that value, the one whose path holds most of those names in order. A file about
     * one schema does not spell the schema, and a constraint left unnamed not its own name, so not every name needs
     * to be there; at least one does.
     */
    static Optional<Position> locate(List<Site> sites, String oldName, List<String> names) {
        Site best = null;
        int bestScore = 0;
        for (Site site : sites) {
            if (!site.oldName().equals(oldName)) {
                continue;
            }
            int score = namesInOrder(site.path(), names);
            if (score > bestScore) {
                best = site;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best).map(Site::position);
    }

    private static int namesInOrder(List<String> path, List<String> names) {
        int found = 0;
        int at = 0;
        for (String name : names) {
            int next = path.subList(at, path.size()).indexOf(name);
            if (next >= 0) {
                found++;
                at += next + 1;
            }
        }
        return found;
    }
}
