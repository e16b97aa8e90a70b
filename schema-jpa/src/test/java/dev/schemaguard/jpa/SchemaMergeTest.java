package dev.schemaguard.jpa;

import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaMergeTest {

    private static final Database ENTITIES = Schema.named("public")
            .table("orders", t -> {
                t.column("id", DataType.of("bigint")).primaryKey();
                t.column("customer_id", DataType.of("bigint")).notNull();
            })
            .toDatabase();

    @Test
    void overlayAddsWhatEntitiesCannotExpress() {
        Database overlay = Schema.named("public")
                .table("orders", t -> {
                    t.column("customer_id", DataType.of("bigint")).notNull();
                    t.rowLevelSecurity();
                    t.policy("own_orders").using("(customer_id = 1)");
                    t.index("customer_id").named("orders_customer_idx").where("(customer_id > 0)");
                })
                .table("audit_log", t -> t.column("entry", DataType.of("text")))
                .toDatabase();

        Database merged = SchemaMerge.merge("entities", ENTITIES, "schema.yaml", overlay);

        Table orders = merged.schema("public").orElseThrow().table("orders").orElseThrow();
        assertEquals(2, orders.columns().size());
        assertEquals("orders_pkey", orders.primaryKey().name());
        assertTrue(orders.rowSecurity().enabled());
        assertEquals("own_orders", orders.policies().get(0).name());
        assertEquals("(customer_id > 0)", orders.indexes().get(0).predicate());
        assertTrue(merged.schema("public").orElseThrow().table("audit_log").isPresent());
    }

    @Test
    void aColumnDeclaredDifferentlyNamesBothSources() {
        Database overlay = Schema.named("public")
                .table("orders", t -> t.column("customer_id", DataType.of("integer")).notNull())
                .toDatabase();

        SchemaConflictException conflict = assertThrows(SchemaConflictException.class,
                () -> SchemaMerge.merge("entities", ENTITIES, "schema.yaml", overlay));

        assertTrue(conflict.getMessage().startsWith("column public.orders.customer_id is declared differently by entities"),
                conflict.getMessage());
        assertTrue(conflict.getMessage().contains("and by schema.yaml"), conflict.getMessage());
    }
}
