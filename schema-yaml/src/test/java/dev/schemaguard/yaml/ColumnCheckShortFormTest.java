package dev.schemaguard.yaml;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Table;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnCheckShortFormTest {

    private static Table orders(String yaml) {
        Database database = YamlSchemaReader.readString(yaml, "schema.yaml");
        return database.schema("public").orElseThrow().table("orders").orElseThrow();
    }

    @Test
    void checkEndsTheDefaultAndBecomesATableCheck() {
        Table orders = orders("""
                tables:
                  orders:
                    columns:
                      status: text not null default 'draft' check (status in ('draft', 'sent'))
                """);
        Column status = orders.column("status").orElseThrow();
        assertEquals("'draft'", status.defaultExpression());
        assertEquals(false, status.nullable());
        CheckConstraint check = orders.checkConstraints().get(0);
        assertEquals("orders_status_check", check.name());
        assertEquals("status in ('draft', 'sent')", check.expression());
    }

    @Test
    void columnChecksComeBeforeTableChecksAndKeepPostgresNumbering() {
        Table orders = orders("""
                tables:
                  orders:
                    columns:
                      total: numeric(10,2) check (total >= 0)
                    checks:
                      - total < 1000000
                """);
        assertEquals("orders_total_check", orders.checkConstraints().get(0).name());
        assertEquals("total >= 0", orders.checkConstraints().get(0).expression());
        assertEquals("orders_total_check1", orders.checkConstraints().get(1).name());
    }

    @Test
    void checkWithoutParenthesesNamesThePosition() {
        YamlSchemaException error = assertThrows(YamlSchemaException.class, () -> orders("""
                tables:
                  orders:
                    columns:
                      total: numeric check total > 0
                """));
        assertTrue(error.getMessage().startsWith("schema.yaml:4:"), error.getMessage());
        assertTrue(error.getMessage().contains("'(expression)' after 'check'"), error.getMessage());
    }
}
