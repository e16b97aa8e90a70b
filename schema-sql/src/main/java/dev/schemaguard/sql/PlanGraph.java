package dev.schemaguard.sql;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Dependency;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.View;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which objects of one database depend on which: the dependencies read from pg_depend, or — for a model
 * written by hand, which has none — the tables and views each view's query mentions by name, and the view
 * each view trigger is on. Orders objects
 * so that what is referenced comes first, the same way on every run.
 */
final class PlanGraph {

    private static final Comparator<ObjectRef> BY_NAME = Comparator.comparing(ObjectRef::toString);

    private final Map<ObjectRef, Set<ObjectRef>> dependents = new HashMap<>();
    private final Map<ObjectRef, Set<ObjectRef>> referenced = new HashMap<>();

    private PlanGraph() {
    }

    /** The dependencies of {@code database}; when it has none, the names its views' queries mention. */
    static PlanGraph of(Database database) {
        PlanGraph graph = new PlanGraph();
        if (database.dependencies().isEmpty()) {
            graph.addMentions(database);
        } else {
            database.dependencies().forEach(graph::add);
        }
        return graph;
    }

    /**
     * For re-creating objects of {@code expected}: its own dependencies when it was introspected, else those of
     * {@code actual} (objects kept as they are depend on the same things) plus the names its views mention.
     */
    static PlanGraph forCreation(Database expected, Database actual) {
        if (!expected.dependencies().isEmpty()) {
            return of(expected);
        }
        PlanGraph graph = new PlanGraph();
        actual.dependencies().forEach(graph::add);
        graph.addMentions(expected);
        return graph;
    }

    private void add(Dependency dependency) {
        dependents.computeIfAbsent(dependency.referenced(), k -> new TreeSet<>(BY_NAME)).add(dependency.dependent());
        referenced.computeIfAbsent(dependency.dependent(), k -> new TreeSet<>(BY_NAME)).add(dependency.referenced());
    }

    private void addMentions(Database database) {
        List<ObjectRef> relations = new ArrayList<>();
        for (Schema schema : database.schemas()) {
            for (Table table : schema.tables()) {
                relations.add(ObjectRef.of(ObjectRef.Kind.TABLE, schema.name(), table.name()));
            }
            for (View view : schema.views()) {
                relations.add(viewRef(schema.name(), view));
            }
        }
        for (Schema schema : database.schemas()) {
            for (View view : schema.views()) {
                ObjectRef self = viewRef(schema.name(), view);
                for (ObjectRef relation : relations) {
                    if (!relation.equals(self) && mentions(view.definition(), relation.name())) {
                        add(new Dependency(self, relation));
                    }
                }
                for (Trigger trigger : view.triggers()) {
                    add(new Dependency(new ObjectRef(ObjectRef.Kind.TRIGGER, schema.name(), view.name(), trigger.name()), self));
                }
                for (Rule rule : view.rules()) {
                    add(new Dependency(new ObjectRef(ObjectRef.Kind.RULE, schema.name(), view.name(), rule.name()), self));
                }
            }
        }
    }

    static ObjectRef viewRef(String schema, View view) {
        return ObjectRef.of(view.materialized() ? ObjectRef.Kind.MATERIALIZED_VIEW : ObjectRef.Kind.VIEW, schema, view.name());
    }

    /** True when {@code text} names {@code name} as a whole word, bare or quoted. */
    static boolean mentions(String text, String name) {
        return Pattern.compile("(?<![A-Za-z0-9_$])\"?" + Pattern.quote(name) + "\"?(?![A-Za-z0-9_$])").matcher(text).find();
    }

    /**
     * What depends directly on {@code ref}. A table's or column's dependents include those of the whole table,
     * and a table's those of each of its columns.
     */
    Set<ObjectRef> dependentsOf(ObjectRef ref) {
        Set<ObjectRef> result = new TreeSet<>(BY_NAME);
        result.addAll(dependents.getOrDefault(ref, Set.of()));
        if (ref.kind() == ObjectRef.Kind.COLUMN) {
            result.addAll(dependents.getOrDefault(ref.owner(), Set.of()));
        } else if (ref.kind() == ObjectRef.Kind.TABLE) {
            dependents.forEach((key, value) -> {
                if (key.kind() == ObjectRef.Kind.COLUMN && key.owner().equals(ref)) {
                    result.addAll(value);
                }
            });
        }
        return result;
    }

    /**
     * {@code objects} with every object after the objects of the set it depends on (directly or through objects
     * outside the set); ties and cycles are broken by name.
     */
    List<ObjectRef> topological(Collection<ObjectRef> objects) {
        Set<ObjectRef> members = new HashSet<>(objects);
        List<ObjectRef> order = new ArrayList<>();
        Set<ObjectRef> seen = new HashSet<>();
        for (ObjectRef ref : objects.stream().sorted(BY_NAME).toList()) {
            visit(ref, members, seen, order);
        }
        return order;
    }

    private void visit(ObjectRef ref, Set<ObjectRef> members, Set<ObjectRef> seen, List<ObjectRef> order) {
        if (!seen.add(ref)) {
            return;
        }
        for (ObjectRef dependency : referencedBy(ref)) {
            visit(dependency, members, seen, order);
        }
        if (members.contains(ref)) {
            order.add(ref);
        }
    }

    /** What {@code ref} references; a column counts as its table, so a view on a column comes after the table. */
    private Set<ObjectRef> referencedBy(ObjectRef ref) {
        Set<ObjectRef> result = new LinkedHashSet<>();
        for (ObjectRef target : referenced.getOrDefault(ref, Set.of())) {
            result.add(target.kind() == ObjectRef.Kind.COLUMN ? target.owner() : target);
        }
        return result;
    }
}
