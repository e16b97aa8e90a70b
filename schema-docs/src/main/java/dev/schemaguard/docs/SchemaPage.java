package dev.schemaguard.docs;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.UniqueConstraint;
import dev.schemaguard.model.View;

import java.util.List;
import java.util.stream.Collectors;

/** The Markdown page of one schema: its diagrams, then tables, views, functions and enums. */
final class SchemaPage {

    private final Database database;
    private final Schema schema;
    private final int maxTablesPerDiagram;
    private final StringBuilder page = new StringBuilder();

    SchemaPage(Database database, Schema schema, int maxTablesPerDiagram) {
        this.database = database;
        this.schema = schema;
        this.maxTablesPerDiagram = maxTablesPerDiagram;
    }

    String render() {
        page.append("# Schema ").append(Markdown.text(schema.name())).append("\n\n");
        if (schema.comment() != null) {
            page.append(Markdown.text(schema.comment())).append("\n\n");
        }
        page.append(schema.tables().size()).append(" tables, ").append(schema.views().size()).append(" views, ")
                .append(schema.routines().size()).append(" functions and procedures.\n\n");
        diagrams();
        if (!schema.tables().isEmpty()) {
            page.append("## Tables\n\n");
            schema.tables().forEach(this::table);
        }
        if (!schema.views().isEmpty()) {
            page.append("## Views\n\n");
            schema.views().forEach(this::view);
        }
        if (!schema.routines().isEmpty()) {
            page.append("## Functions and procedures\n\n");
            schema.routines().forEach(this::routine);
        }
        if (!schema.enums().isEmpty()) {
            page.append("## Enums\n\n| Name | Values | Comment |\n| --- | --- | --- |\n");
            for (EnumType type : schema.enums()) {
                page.append("| ").append(Markdown.text(type.name())).append(" | ")
                        .append(type.values().stream().map(Markdown::code).collect(Collectors.joining(", ")))
                        .append(" | ").append(Markdown.cell(type.comment())).append(" |\n");
            }
            page.append('\n');
        }
        return page.toString();
    }

    private void diagrams() {
        List<String> diagrams = new ErDiagram(database, schema, maxTablesPerDiagram).render();
        if (diagrams.isEmpty()) {
            return;
        }
        page.append("## Entity relationship diagram").append(diagrams.size() > 1 ? "s" : "").append("\n\n");
        if (diagrams.size() > 1) {
            page.append("The schema is split into ").append(diagrams.size()).append(" diagrams of at most ")
                    .append(maxTablesPerDiagram).append(" tables, by groups of tables linked by foreign keys; a"
                            + " referenced table from another diagram is shown again where it is referenced.\n\n");
        }
        for (int i = 0; i < diagrams.size(); i++) {
            if (diagrams.size() > 1) {
                page.append("### Diagram ").append(i + 1).append("\n\n");
            }
            page.append(Markdown.codeBlock("mermaid", diagrams.get(i))).append('\n');
        }
    }

    private void table(Table table) {
        page.append("### ").append(Markdown.text(table.name())).append("\n\n");
        if (table.comment() != null) {
            page.append(Markdown.text(table.comment())).append("\n\n");
        }
        List<String> traits = new java.util.ArrayList<>();
        if (table.partitioning() != null) {
            traits.add("partitioned by " + Markdown.code(table.partitioning().sql()));
        }
        if (table.partitionOf() != null) {
            traits.add("partition of " + Markdown.code(table.partitionOf().parent().sql()) + " "
                    + Markdown.code(table.partitionOf().bound()));
        }
        if (!table.inherits().isEmpty()) {
            traits.add("inherits from " + table.inherits().stream().map(q -> Markdown.code(q.sql()))
                    .collect(Collectors.joining(", ")));
        }
        if (table.unlogged()) {
            traits.add("unlogged");
        }
        if (table.rowSecurity().enabled()) {
            traits.add("row level security" + (table.rowSecurity().forced() ? " (forced)" : ""));
        }
        if (!traits.isEmpty()) {
            page.append(String.join("; ", traits)).append(".\n\n");
        }
        page.append("| Column | Type | Nullable | Default | Comment |\n| --- | --- | --- | --- | --- |\n");
        for (Column column : table.columns()) {
            page.append("| ").append(Markdown.text(column.name())).append(" | ").append(Markdown.code(column.type().sql()))
                    .append(" | ").append(column.nullable() ? "yes" : "no").append(" | ").append(defaultOf(column))
                    .append(" | ").append(Markdown.cell(column.comment())).append(" |\n");
        }
        page.append('\n');
        List<Constraint> constraints = table.constraints();
        if (!constraints.isEmpty()) {
            page.append("| Constraint | Kind | Definition | Comment |\n| --- | --- | --- | --- |\n");
            for (Constraint constraint : constraints) {
                page.append("| ").append(Markdown.text(constraint.name())).append(" | ").append(constraint.kind())
                        .append(" | ").append(definition(table, constraint)).append(" | ")
                        .append(Markdown.cell(table.constraintComment(constraint.name()))).append(" |\n");
            }
            page.append('\n');
        }
        if (!table.indexes().isEmpty()) {
            indexes(table.indexes());
        }
        if (!table.policies().isEmpty()) {
            page.append("| Policy | Kind | Command | Roles | Using | With check |\n| --- | --- | --- | --- | --- | --- |\n");
            for (Policy policy : table.policies()) {
                page.append("| ").append(Markdown.text(policy.name())).append(" | ")
                        .append(policy.permissive() ? "permissive" : "restrictive").append(" | ")
                        .append(policy.command()).append(" | ")
                        .append(policy.roles().isEmpty() ? "public"
                                : policy.roles().stream().map(Markdown::text).collect(Collectors.joining(", ")))
                        .append(" | ").append(Markdown.codeCell(policy.using())).append(" | ")
                        .append(Markdown.codeCell(policy.withCheck())).append(" |\n");
            }
            page.append('\n');
        }
        triggers(table.triggers());
    }

    private void indexes(List<Index> indexes) {
        page.append("| Index | Unique | Method | Keys | Predicate | Comment |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Index index : indexes) {
            String keys = index.keys().stream().map(SchemaPage::key).collect(Collectors.joining(", "));
            if (!index.include().isEmpty()) {
                keys += " INCLUDE (" + index.include().stream().map(Identifiers::quote).collect(Collectors.joining(", ")) + ")";
            }
            page.append("| ").append(Markdown.text(index.name())).append(" | ").append(index.unique() ? "yes" : "no")
                    .append(" | ").append(Markdown.cell(index.method())).append(" | ").append(Markdown.code(keys))
                    .append(" | ").append(Markdown.codeCell(index.predicate())).append(" | ")
                    .append(Markdown.cell(index.comment())).append(" |\n");
        }
        page.append('\n');
    }

    private void triggers(List<Trigger> triggers) {
        if (triggers.isEmpty()) {
            return;
        }
        page.append("| Trigger | Definition | Comment |\n| --- | --- | --- |\n");
        for (Trigger trigger : triggers) {
            page.append("| ").append(Markdown.text(trigger.name())).append(" | ").append(Markdown.code(trigger.definition()))
                    .append(" | ").append(Markdown.cell(trigger.comment())).append(" |\n");
        }
        page.append('\n');
    }

    private void view(View view) {
        page.append("### ").append(Markdown.text(view.name())).append(view.materialized() ? " (materialized)" : "")
                .append("\n\n");
        if (view.comment() != null) {
            page.append(Markdown.text(view.comment())).append("\n\n");
        }
        page.append(Markdown.codeBlock("sql", view.definition())).append('\n');
        if (!view.indexes().isEmpty()) {
            indexes(view.indexes());
        }
        triggers(view.triggers());
    }

    private void routine(Routine routine) {
        page.append("### ").append(Markdown.text(routine.name() + "(" + routine.arguments() + ")")).append("\n\n");
        page.append(routine.kind()).append(".");
        if (routine.comment() != null) {
            page.append(" ").append(Markdown.text(routine.comment()));
        }
        page.append("\n\n<details><summary>Definition</summary>\n\n")
                .append(Markdown.codeBlock("sql", routine.definition())).append("\n</details>\n\n");
    }

    private String defaultOf(Column column) {
        if (column.identity() != null) {
            return "generated " + column.identity().generation().sql().toLowerCase(java.util.Locale.ROOT) + " as identity";
        }
        if (column.generatedExpression() != null) {
            return "generated always as " + Markdown.code("(" + column.generatedExpression() + ")") + " stored";
        }
        return Markdown.codeCell(column.defaultExpression());
    }

    private String definition(Table table, Constraint constraint) {
        if (constraint instanceof PrimaryKey pk) {
            return Markdown.code(columns(pk.columns()));
        }
        if (constraint instanceof UniqueConstraint unique) {
            return Markdown.code(columns(unique.columns()) + (unique.nullsNotDistinct() ? " NULLS NOT DISTINCT" : ""));
        }
        if (constraint instanceof ForeignKey fk) {
            return foreignKey(table, fk);
        }
        if (constraint instanceof CheckConstraint check) {
            return Markdown.code("CHECK (" + check.expression() + ")");
        }
        return Markdown.code(((ExclusionConstraint) constraint).definition());
    }

    private String foreignKey(Table table, ForeignKey fk) {
        String sql = columns(fk.columns()) + " REFERENCES " + fk.referencedTable().sql() + " " + columns(fk.referencedColumns())
                + (fk.onUpdate() != ForeignKey.ReferentialAction.NO_ACTION ? " ON UPDATE " + fk.onUpdate().sql() : "")
                + (fk.onDelete() != ForeignKey.ReferentialAction.NO_ACTION ? " ON DELETE " + fk.onDelete().sql() : "");
        Relationship relationship = Relationship.of(database, QualifiedName.of(schema.name(), table.name()), table, fk);
        return Markdown.code(sql) + " (" + relationship.cardinalityInWords() + ")";
    }

    private static String columns(List<String> names) {
        return "(" + names.stream().map(Identifiers::quote).collect(Collectors.joining(", ")) + ")";
    }

    private static String key(IndexKey key) {
        String text = key.isExpression() ? "(" + key.expression() + ")" : Identifiers.quote(key.column());
        if (key.opclass() != null) {
            text += " " + key.opclass();
        }
        if (key.descending()) {
            text += " DESC";
        }
        if (key.hasNonDefaultNulls()) {
            text += key.nullsFirst() ? " NULLS FIRST" : " NULLS LAST";
        }
        return text;
    }
}
