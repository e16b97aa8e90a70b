package dev.schemaguard.jpa;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Table;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #20 point 8: an attribute the reader cannot map is a named warning and is skipped; the rest is read. */
class UnmappableAttributesTest {

    /** Not Serializable, not an entity, not embeddable: Hibernate itself cannot map it either. */
    public static class Opaque {
    }

    @Entity(name = "Gadget")
    public static class Gadget {
        @Id
        Long id;
        Opaque opaque;
        Byte[] boxedBytes;
        @jakarta.persistence.Column(columnDefinition = "numeric(5,2) default 0 not null")
        java.math.BigDecimal price;
        String name;
    }

    @Test
    void unmappableAttributesAreWarnedAboutAndSkipped() {
        List<String> warnings = new ArrayList<>();
        Database database = new JpaSchemaReader().onWarning(warnings::add).read(Gadget.class);
        Table gadget = database.schema("public").orElseThrow().tables().get(0);
        assertEquals(List.of("id", "price", "name"), gadget.columns().stream().map(Column::name).toList());
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith(Gadget.class.getName() + ".opaque has type " + Opaque.class.getName()), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("the attribute is skipped, declare its columns in a YAML overlay"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith(Gadget.class.getName() + ".boxedBytes is a Byte[]"), warnings.get(1));
    }

    @Test
    void aColumnDefinitionGivesTypeDefaultAndNullability() {
        Table gadget = new JpaSchemaReader().onWarning(w -> { }).read(Gadget.class).schema("public").orElseThrow().tables().get(0);
        Column price = gadget.columns().stream().filter(c -> c.name().equals("price")).findFirst().orElseThrow();
        assertEquals("numeric(5,2)", price.type().sql());
        assertEquals("0", price.defaultExpression());
        assertEquals(false, price.nullable());
    }

    @Test
    void columnDefinitionClausesAreSplitOutsideParenthesesAndQuotes() {
        ColumnDefinition definition = ColumnDefinition.parse("varchar(20) default 'not null' check (length(x) > 0) not null");
        assertEquals("varchar(20)", definition.type());
        assertEquals("'not null'", definition.defaultExpression());
        assertEquals(false, definition.nullable());
        assertEquals(List.of("check (length(x) > 0)"), definition.unread());
    }
}
