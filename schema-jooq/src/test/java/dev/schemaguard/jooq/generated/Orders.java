package dev.schemaguard.jooq.generated;

import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.Schema;
import org.jooq.TableField;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;
import org.jooq.impl.Internal;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;

import java.time.LocalDate;
import java.util.List;

/** Written in the style of jOOQ's generated code for a table with a foreign key. */
public class Orders extends TableImpl<Record> {

    public static final Orders ORDERS = new Orders();

    public final TableField<Record, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false).identity(true), this, "");
    public final TableField<Record, Long> CUSTOMER_ID = createField(DSL.name("customer_id"), SQLDataType.BIGINT.nullable(false), this, "");
    public final TableField<Record, LocalDate> PLACED_ON = createField(DSL.name("placed_on"), SQLDataType.LOCALDATE.nullable(false), this, "");
    public final TableField<Record, Integer> QUANTITY = createField(DSL.name("quantity"), SQLDataType.INTEGER.nullable(false).defaultValue(DSL.inline(1)), this, "");
    public final TableField<Record, Boolean> GIFT = createField(DSL.name("gift"), SQLDataType.BOOLEAN.nullable(false).defaultValue(DSL.inline(false)), this, "");

    private Orders() {
        super(DSL.name("orders"), null);
    }

    @Override
    public Schema getSchema() {
        return Shop.SHOP;
    }

    @Override
    public UniqueKey<Record> getPrimaryKey() {
        return Internal.createUniqueKey(this, DSL.name("orders_pkey"), new TableField[] { ID }, true);
    }

    @Override
    public List<ForeignKey<Record, ?>> getReferences() {
        return List.of(Internal.createForeignKey(this, DSL.name("orders_customer_id_fkey"), new TableField[] { CUSTOMER_ID },
                Customer.CUSTOMER.getPrimaryKey(), new TableField[] { Customer.CUSTOMER.ID }, true));
    }
}
