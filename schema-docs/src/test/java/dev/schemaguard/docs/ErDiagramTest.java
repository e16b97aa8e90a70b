package dev.schemaguard.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

class ErDiagramTest {

    private static final DataType BIGINT = DataType.of("bigint");

    /**
     * The lines an erDiagram may hold, as Mermaid's grammar takes them: an aliased entity with a quoted label (no
     * {@code "}, {@code %}, backslash or line break inside), attributes of word characters, relationships between
     * aliases with a quoted label.
     */
    private static final Pattern ENTITY = Pattern.compile("    (e\\d+)\\[\"[^\"%\\\\\\r\\n]*\"]( \\{)?");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "        [A-Za-z][A-Za-z0-9_\\-\\[\\]()]* [A-Za-z][A-Za-z0-9_-]*( (PK|FK|UK)(, (PK|FK|UK))*)?( \"[^\"%\\\\]*\")?");
    private static final Pattern RELATIONSHIP = Pattern.compile(
            "    (e\\d+) (\\|\\||\\|o)(--|\\.\\.)(o\\||o\\{) (e\\d+) : \"[^\"%\\\\\\r\\n]*\"");

    @Test
    void cardinalityFollowsNullabilityUniquenessAndThePrimaryKey() {
        Database database = Schema.named("shop")
                .table("customers", t -> {
                    t.column("id", BIGINT).primaryKey();
                })
                .table("orders", t -> {
                    t.column("id", BIGINT).primaryKey();
                    t.column("customer_id", BIGINT).notNull();
                    t.column("referrer_id", BIGINT);
                    t.foreignKey("customer_id").references("customers", "id").named("orders_customer");
                    t.foreignKey("referrer_id").references("customers", "id").named("orders_referrer");
                })
                .table("profiles", t -> {
                    t.column("customer_id", BIGINT).primaryKey();
                    t.foreignKey("customer_id").references("customers", "id").named("profile_customer");
                })
                .table("badges", t -> {
                    t.column("id", BIGINT).primaryKey();
                    t.column("customer_id", BIGINT).unique();
                    t.foreignKey("customer_id").references("customers", "id").named("badge_customer");
                })
                .toDatabase();

        String diagram = single(database);
        assertValidMermaid(diagram);
        assertEquals("||..o{", operator(diagram, "orders_customer"), "NOT NULL, not unique: exactly one parent, many children");
        assertEquals("|o..o{", operator(diagram, "orders_referrer"), "nullable: zero or one parent");
        assertEquals("||--o|", operator(diagram, "profile_customer"), "the primary key: one-to-one, identifying");
        assertEquals("|o..o|", operator(diagram, "badge_customer"), "unique and nullable: zero or one, one-to-one");
    }

    @Test
    void namesWithSpacesQuotesAndPunctuationBecomeAliasesWithEscapedLabels() {
        Database database = Schema.named("odd schema")
                .table("a \"quoted\" table", t -> {
                    t.column("the id%", BIGINT).primaryKey();
                })
                .table("child; {x} \\ 50%", t -> {
                    t.column("parent \"ref\"", BIGINT).notNull();
                    t.column("ünï", DataType.of("character varying(20)"));
                    t.foreignKey("parent \"ref\"").references("a \"quoted\" table", "the id%").named("fk \"1\" % end");
                })
                .toDatabase();

        String diagram = single(database);
        assertValidMermaid(diagram);
        assertTrue(diagram.contains("[\"a #quot;quoted#quot; table\"]"), diagram);
        assertTrue(diagram.contains("[\"child#59; #123;x#125; #92; 50#37;\"]"), diagram);
        assertTrue(diagram.contains("bigint the_id_ PK \"the id#37;\""), "the real column name as the attribute's comment\n" + diagram);
        assertEquals("||..o{", operator(diagram, "fk #quot;1#quot; #37; end"));
    }

    @Test
    void aForeignKeyIntoAnotherSchemaShowsTheReferencedTableQualified() {
        Schema billing = Schema.named("billing").table("invoices", t -> {
            t.column("id", BIGINT).primaryKey();
            t.column("customer_id", BIGINT).notNull();
            t.foreignKey("customer_id").references(QualifiedName.of("crm", "customers"), "id").named("invoice_customer");
        }).build();
        Schema crm = Schema.named("crm").table("customers", t -> t.column("id", BIGINT).primaryKey()).build();
        Database database = Database.of(billing, crm);

        String diagram = new ErDiagram(database, billing, 60).render().get(0);
        assertValidMermaid(diagram);
        assertTrue(diagram.contains("[\"crm.customers\"] {"), diagram);
        assertTrue(diagram.contains("bigint id PK"), "the referenced table's key is shown\n" + diagram);
        assertEquals("||..o{", operator(diagram, "invoice_customer"));
    }

    @Test
    void aLargeSchemaIsSplitByConnectedGroupsAndKeepsEveryTableAndForeignKey() {
        SchemaBuilder builder = Schema.named("big");
        int chains = 4;
        int chainLength = 7; // each chain a connected group: t<c>_0 <- t<c>_1 <- ... ; and a few lone tables
        List<String> foreignKeys = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            for (int i = 0; i < chainLength; i++) {
                int chain = c;
                int position = i;
                builder.table("t" + c + "_" + i, t -> {
                    t.column("id", BIGINT).primaryKey();
                    if (position > 0) {
                        t.column("parent_id", BIGINT);
                        t.foreignKey("parent_id").references("t" + chain + "_" + (position - 1), "id")
                                .named("fk_" + chain + "_" + position);
                    }
                });
                if (i > 0) {
                    foreignKeys.add("fk_" + c + "_" + i);
                }
            }
        }
        for (int i = 0; i < 5; i++) {
            builder.table("lone_" + i, t -> t.column("id", BIGINT));
        }
        Schema schema = builder.build();
        Database database = Database.of(schema);

        List<String> diagrams = new ErDiagram(database, schema, 10).render();
        assertTrue(diagrams.size() >= 4, "33 tables, at most 10 per diagram: " + diagrams.size() + " diagrams");
        List<String> labels = new ArrayList<>();
        List<String> relationships = new ArrayList<>();
        for (String diagram : diagrams) {
            assertValidMermaid(diagram);
            long ownTables = diagram.lines().filter(l -> ENTITY.matcher(l).matches()).count();
            assertTrue(ownTables <= 10 + 1, "a diagram of 10 tables and the one its cut-off chain references:\n" + diagram);
            diagram.lines().forEach(line -> {
                Matcher relationship = RELATIONSHIP.matcher(line);
                if (relationship.matches()) {
                    relationships.add(line.substring(line.indexOf(": \"") + 3, line.length() - 1));
                }
                Matcher entity = Pattern.compile("\\[\"([^\"]*)\"]").matcher(line);
                if (entity.find()) {
                    labels.add(entity.group(1));
                }
            });
        }
        assertEquals(foreignKeys.stream().sorted().toList(), relationships.stream().sorted().toList(),
                "every foreign key exactly once");
        for (var table : schema.tables()) {
            assertTrue(labels.contains(table.name()), table.name() + " is in a diagram");
        }
    }

    @Test
    void aSchemaWithinTheLimitIsOneDiagramAndOneWithoutTablesNone() {
        Schema schema = Schema.named("s").table("a", t -> t.column("id", BIGINT)).build();
        assertEquals(1, new ErDiagram(Database.of(schema), schema, 1).render().size());
        Schema empty = Schema.empty("e");
        assertEquals(List.of(), new ErDiagram(Database.of(empty), empty, 60).render());
    }

    private static String single(Database database) {
        List<String> diagrams = new ErDiagram(database, database.schemas().get(0), 60).render();
        assertEquals(1, diagrams.size());
        return diagrams.get(0);
    }

    /** The operator of the relationship labelled {@code label}. */
    private static String operator(String diagram, String label) {
        return diagram.lines().map(RELATIONSHIP::matcher).filter(Matcher::matches)
                .filter(m -> m.group(0).endsWith(": \"" + label + "\""))
                .map(m -> m.group(2) + m.group(3) + m.group(4)).findFirst()
                .orElseThrow(() -> new AssertionError("no relationship " + label + " in\n" + diagram));
    }

    /** Every line is one Mermaid takes, every relationship joins declared entities, braces are balanced. */
    static void assertValidMermaid(String diagram) {
        List<String> lines = diagram.lines().toList();
        assertEquals("erDiagram", lines.get(0));
        List<String> declared = new ArrayList<>();
        boolean inBlock = false;
        for (String line : lines.subList(1, lines.size())) {
            Matcher entity = ENTITY.matcher(line);
            Matcher relationship = RELATIONSHIP.matcher(line);
            if (inBlock) {
                if (line.equals("    }")) {
                    inBlock = false;
                } else {
                    assertTrue(ATTRIBUTE.matcher(line).matches(), "attribute line: " + line + "\n" + diagram);
                }
            } else if (entity.matches()) {
                declared.add(entity.group(1));
                inBlock = entity.group(2) != null;
            } else if (relationship.matches()) {
                assertTrue(declared.contains(relationship.group(1)) && declared.contains(relationship.group(5)),
                        "relationship between declared entities: " + line);
            } else {
                throw new AssertionError("not a line Mermaid takes: " + line + "\n" + diagram);
            }
        }
        assertTrue(!inBlock, "unclosed entity block\n" + diagram);
    }
}
