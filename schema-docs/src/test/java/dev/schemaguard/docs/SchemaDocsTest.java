package dev.schemaguard.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class SchemaDocsTest {

    private static final Database SHOP = Schema.named("shop")
            .comment("The shop.")
            .table("customers", t -> {
                t.column("id", DataType.of("bigint")).identityAlways().comment("Surrogate key");
                t.column("email", DataType.of("text")).notNull().comment("Login | contact\nsecond line");
                t.column("created_at", DataType.of("timestamp with time zone")).notNull().defaultValue("now()");
                t.primaryKey("id");
                t.unique("email");
                t.check("email LIKE '%@%'").named("email_has_at");
                t.index("created_at").named("customers_created_idx");
                t.rowLevelSecurity();
                t.policy("own_rows").using("id = current_setting('app.customer')::bigint");
                t.comment("People who *buy* things <b>here</b>");
            })
            .table("orders", t -> {
                t.column("id", DataType.of("bigint")).primaryKey();
                t.column("customer_id", DataType.of("bigint")).notNull();
                t.column("note", DataType.of("text")).defaultValue("'a `tick` | pipe'::text");
                t.foreignKey("customer_id").references("customers", "id").named("orders_customer");
            })
            .view(View.of("big_orders", false, " SELECT id FROM shop.orders", List.of(), "Orders over ```100```"))
            .routine(new Routine("touch", "integer", Routine.Kind.FUNCTION,
                    "CREATE OR REPLACE FUNCTION shop.touch(integer) RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$", "Touches."))
            .toDatabase();

    @Test
    void aSchemaPageDocumentsTablesColumnsConstraintsIndexesPoliciesViewsAndFunctions() {
        Map<String, String> pages = SchemaDocs.defaults().pages(SHOP);
        assertEquals(List.of("README.md", "shop.md"), List.copyOf(pages.keySet()));
        assertTrue(pages.get("README.md").contains("| [shop](shop.md) | 2 | 1 | 1 | The shop\\. |"), pages.get("README.md"));
        String page = pages.get("shop.md");
        assertTrue(page.contains("```mermaid\nerDiagram\n"), page);
        assertTrue(page.contains("### customers\n\nPeople who \\*buy\\* things \\<b\\>here\\<\\/b\\>\n"), page);
        assertTrue(page.contains("| id | `bigint` | no | generated always as identity | Surrogate key |"), page);
        assertTrue(page.contains("| email | `text` | no |  | Login \\| contact<br>second line |"), page);
        assertTrue(page.contains("| created\\_at | `timestamp with time zone` | no | `now()` |  |"), page);
        assertTrue(page.contains("| note | `text` | yes | ``'a `tick` \\| pipe'::text`` |  |"), page);
        assertTrue(page.contains("| customers\\_pkey | primary key | `(id)` |"), page);
        assertTrue(page.contains("| email\\_has\\_at | check constraint | `CHECK (email LIKE '%@%')` |"), page);
        assertTrue(page.contains("| orders\\_customer | foreign key | `(customer_id) REFERENCES shop.customers (id)`"
                + " (exactly one parent row per row; one-to-many) |"), page);
        assertTrue(page.contains("| customers\\_created\\_idx | no | btree | `created_at` |"), page);
        assertTrue(page.contains("| own\\_rows | permissive | ALL | public | `id = current_setting('app.customer')::bigint` |"), page);
        assertTrue(page.contains("row level security."), page);
        assertTrue(page.contains("### big\\_orders\n\nOrders over \\`\\`\\`100\\`\\`\\`\n\n```sql\n SELECT id FROM shop.orders\n```"), page);
        assertTrue(page.contains("### touch\\(integer\\)\n\nfunction. Touches\\."), page);
    }

    @Test
    void everyTableRowHasAsManyCellsAsItsHeader() {
        String page = SchemaDocs.defaults().pages(SHOP).get("shop.md");
        int columns = 0;
        for (String line : page.lines().toList()) {
            if (!line.startsWith("|")) {
                columns = 0;
                continue;
            }
            int cells = line.replace("\\|", "").split("\\|", -1).length - 2;
            if (columns == 0) {
                columns = cells;
            }
            assertEquals(columns, cells, "cells in " + line);
        }
    }

    @Test
    void fileNamesAreSafeAndUnique() {
        Map<String, String> names = SchemaDocs.fileNames(List.of(Schema.empty("a/b"), Schema.empty("A_b"),
                Schema.empty("README"), Schema.empty("..")));
        assertEquals(Map.of("a/b", "a_b.md", "A_b", "A_b-2.md", "README", "README-2.md", "..", "__.md"), names);
    }

    @Test
    void writesEveryPage(@TempDir Path directory) throws Exception {
        List<Path> written = SchemaDocs.defaults().write(SHOP, directory.resolve("docs"));
        assertEquals(List.of(directory.resolve("docs/README.md"), directory.resolve("docs/shop.md")), written);
        assertTrue(Files.readString(written.get(1)).startsWith("# Schema shop\n"));
    }
}
