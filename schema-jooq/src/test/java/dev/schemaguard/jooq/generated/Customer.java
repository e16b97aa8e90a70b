package dev.schemaguard.jooq.generated;

import org.jooq.Index;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.Schema;
import org.jooq.TableField;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;
import org.jooq.impl.Internal;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Written in the style of jOOQ's generated code for a table. */
public class Customer extends TableImpl<Record> {

    public static final Customer CUSTOMER = new Customer();

    public final TableField<Record, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false).identity(true), this, "");
    public final TableField<Record, String> EMAIL = createField(DSL.name("email"), SQLDataType.VARCHAR(200).nullable(false), this, "");
    public final TableField<Record, String> NAME = createField(DSL.name("name"), SQLDataType.CLOB, this, "");
    public final TableField<Record, BigDecimal> CREDIT = createField(DSL.name("credit"), SQLDataType.NUMERIC(10, 2).nullable(false), this, "");
    public final TableField<Record, OffsetDateTime> JOINED_AT = createField(DSL.name("joined_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6), this, "");
    public final TableField<Record, UUID> EXTERNAL_ID = createField(DSL.name("external_id"), SQLDataType.UUID, this, "");
    public final TableField<Record, String[]> TAGS = createField(DSL.name("tags"), SQLDataType.CLOB.array(), this, "");

    private Customer() {
        super(DSL.name("customer"), null);
    }

    @Override
    public Schema getSchema() {
        return Shop.SHOP;
    }

    @Override
    public UniqueKey<Record> getPrimaryKey() {
        return Internal.createUniqueKey(this, DSL.name("customer_pkey"), new TableField[] { ID }, true);
    }

    @Override
    public List<UniqueKey<Record>> getUniqueKeys() {
        return List.of(Internal.createUniqueKey(this, DSL.name("customer_email_key"), new TableField[] { EMAIL }, true));
    }

    @Override
    public List<Index> getIndexes() {
        return List.of(Internal.createIndex(DSL.name("customer_name_idx"), this, new OrderField[] { NAME, JOINED_AT.desc() }, false));
    }
}
