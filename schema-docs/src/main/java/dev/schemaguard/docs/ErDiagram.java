package dev.schemaguard.docs;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mermaid {@code erDiagram}s of one schema: every table as an entity showing its key columns, every foreign key
 * as a relationship with its cardinality ({@link Relationship}). A schema of up to {@code maxTables} tables is one
 * diagram; a larger one is split into its connected groups (tables linked by foreign keys), big groups cut into
 * parts of {@code maxTables} in breadth-first order and small ones packed together. Each foreign key is drawn in
 * the diagram of its table, the referenced table added there when it lives in another diagram or schema, so every
 * diagram stands on its own and no relationship is lost.
 */
final class ErDiagram {

    /** Tables per diagram: beyond that GitHub's renderer (and a reader) gives up. */
    static final int DEFAULT_MAX_TABLES = 60;

    private final Database database;
    private final Schema schema;
    private final int maxTables;

    ErDiagram(Database database, Schema schema, int maxTables) {
        if (maxTables < 1) {
            throw new IllegalArgumentException("maxTables must be at least 1, was " + maxTables);
        }
        this.database = database;
        this.schema = schema;
        this.maxTables = maxTables;
    }

    /** The diagrams' Mermaid texts (without the code fence), one per group of tables; none for a schema without tables. */
    List<String> render() {
        return groups().stream().map(this::render).toList();
    }

    /** The schema's tables in groups of at most {@code maxTables}. */
    List<List<Table>> groups() {
        List<Table> tables = schema.tables();
        if (tables.isEmpty()) {
            return List.of();
        }
        if (tables.size() <= maxTables) {
            return List.of(tables);
        }
        Map<String, Set<String>> neighbours = new LinkedHashMap<>();
        tables.forEach(t -> neighbours.put(t.name(), new LinkedHashSet<>()));
        for (Table table : tables) {
            for (ForeignKey fk : table.foreignKeys()) {
                QualifiedName target = fk.referencedTable();
                if (target.schema().equals(schema.name()) && neighbours.containsKey(target.name())
                        && !target.name().equals(table.name())) {
                    neighbours.get(table.name()).add(target.name());
                    neighbours.get(target.name()).add(table.name());
                }
            }
        }
        List<List<String>> components = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (String start : neighbours.keySet()) {
            if (placed.add(start)) {
                List<String> component = new ArrayList<>();
                Deque<String> queue = new ArrayDeque<>(List.of(start));
                while (!queue.isEmpty()) {
                    String name = queue.removeFirst();
                    component.add(name);
                    for (String next : neighbours.get(name)) {
                        if (placed.add(next)) {
                            queue.addLast(next);
                        }
                    }
                }
                components.add(component);
            }
        }
        components.sort((a, b) -> Integer.compare(b.size(), a.size()));
        List<List<String>> groups = new ArrayList<>();
        List<String> packed = new ArrayList<>();
        for (List<String> component : components) {
            if (component.size() >= maxTables) {
                for (int from = 0; from < component.size(); from += maxTables) {
                    groups.add(component.subList(from, Math.min(component.size(), from + maxTables)));
                }
            } else {
                if (packed.size() + component.size() > maxTables) {
                    groups.add(packed);
                    packed = new ArrayList<>();
                }
                packed.addAll(component);
            }
        }
        if (!packed.isEmpty()) {
            groups.add(packed);
        }
        return groups.stream().map(names -> names.stream().map(n -> schema.table(n).orElseThrow()).toList()).toList();
    }

    private String render(List<Table> group) {
        Map<QualifiedName, String> aliases = new LinkedHashMap<>();
        for (Table table : group) {
            aliases.put(QualifiedName.of(schema.name(), table.name()), "e" + (aliases.size() + 1));
        }
        List<Relationship> relationships = new ArrayList<>();
        for (Table table : group) {
            QualifiedName name = QualifiedName.of(schema.name(), table.name());
            for (ForeignKey fk : table.foreignKeys()) {
                relationships.add(Relationship.of(database, name, table, fk));
                aliases.computeIfAbsent(fk.referencedTable(), n -> "e" + (aliases.size() + 1));
            }
        }
        StringBuilder text = new StringBuilder("erDiagram\n");
        aliases.forEach((name, alias) -> {
            boolean own = name.schema().equals(schema.name());
            text.append("    ").append(alias).append('[')
                    .append(Mermaid.quoted(own ? name.name() : name.schema() + "." + name.name())).append(']');
            Optional<Table> table = database.table(name);
            List<String> attributes = table.map(this::keyAttributes).orElse(List.of());
            if (attributes.isEmpty()) {
                text.append('\n');
            } else {
                text.append(" {\n");
                attributes.forEach(a -> text.append("        ").append(a).append('\n'));
                text.append("    }\n");
            }
        });
        for (Relationship relationship : relationships) {
            text.append("    ").append(aliases.get(relationship.parent())).append(' ')
                    .append(relationship.mermaidOperator()).append(' ')
                    .append(aliases.get(relationship.child())).append(" : ")
                    .append(Mermaid.quoted(relationship.foreignKey().name())).append('\n');
        }
        return text.toString();
    }

    /** The table's primary key, unique and foreign key columns (the first column when it has no key), as attributes. */
    private List<String> keyAttributes(Table table) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        if (table.primaryKey() != null) {
            table.primaryKey().columns().forEach(c -> keys.computeIfAbsent(c, k -> new LinkedHashSet<>()).add("PK"));
        }
        table.foreignKeys().forEach(fk -> fk.columns()
                .forEach(c -> keys.computeIfAbsent(c, k -> new LinkedHashSet<>()).add("FK")));
        table.uniqueConstraints().forEach(u -> u.columns()
                .forEach(c -> keys.computeIfAbsent(c, k -> new LinkedHashSet<>()).add("UK")));
        if (keys.isEmpty() && !table.columns().isEmpty()) {
            keys.put(table.columns().get(0).name(), Set.of());
        }
        List<String> attributes = new ArrayList<>();
        // columns in table order first; inherited ones (not listed by a partition or child) after them
        List<String> order = new ArrayList<>(table.columns().stream().map(Column::name).filter(keys::containsKey).toList());
        keys.keySet().stream().filter(c -> !order.contains(c)).forEach(order::add);
        for (String column : order) {
            String type = table.column(column).map(c -> c.type().sql()).orElse("inherited");
            String name = Mermaid.attributeName(column);
            StringBuilder attribute = new StringBuilder(Mermaid.attributeType(type)).append(' ').append(name);
            Set<String> kinds = keys.get(column);
            if (!kinds.isEmpty()) {
                attribute.append(' ').append(String.join(", ", kinds));
            }
            if (!name.equals(column)) {
                attribute.append(' ').append(Mermaid.quoted(column));
            }
            attributes.add(attribute.toString());
        }
        return attributes;
    }
}
