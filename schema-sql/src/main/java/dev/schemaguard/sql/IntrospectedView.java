package dev.schemaguard.sql;

import dev.schemaguard.model.Rule;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.View;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A view or materialized view while {@link PostgresIntrospector} collects it; the index query adds a materialized
 * view's indexes, the trigger query a view's triggers.
 */
final class IntrospectedView {

    final String schema;
    final String name;
    private final boolean materialized;
    private final String definition;
    private final String comment;
    final Map<String, IntrospectedIndex> indexes = new LinkedHashMap<>();
    final List<Trigger> triggers = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();

    private final List<String> options;

    IntrospectedView(String schema, String name, boolean materialized, String definition, String comment,
                     List<String> options) {
        this.options = List.copyOf(options);
        this.schema = schema;
        this.name = name;
        this.materialized = materialized;
        this.definition = definition;
        this.comment = comment;
    }

    View toView() {
        return new View(name, materialized, definition, IntrospectedIndex.build(indexes), comment, triggers, options, rules);
    }
}
