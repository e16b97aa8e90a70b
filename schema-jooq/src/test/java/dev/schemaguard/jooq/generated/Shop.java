package dev.schemaguard.jooq.generated;

import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SchemaImpl;

import java.util.List;

/** Written in the style of jOOQ's generated code for a schema. */
public class Shop extends SchemaImpl {

    public static final Shop SHOP = new Shop();

    private Shop() {
        super(DSL.name("shop"), null, DSL.comment(""));
    }

    @Override
    public List<Table<?>> getTables() {
        return List.of(Customer.CUSTOMER, Orders.ORDERS);
    }
}
