package dev.schemaguard.benchmarks;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaBuilder;
import dev.schemaguard.model.TableBuilder;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;

import static dev.schemaguard.model.DataTypes.arrayOf;
import static dev.schemaguard.model.DataTypes.bigint;
import static dev.schemaguard.model.DataTypes.bool;
import static dev.schemaguard.model.DataTypes.integer;
import static dev.schemaguard.model.DataTypes.jsonb;
import static dev.schemaguard.model.DataTypes.numeric;
import static dev.schemaguard.model.DataTypes.text;
import static dev.schemaguard.model.DataTypes.timestamptz;
import static dev.schemaguard.model.DataTypes.varchar;

/**
 * A synthetic database of any number of tables in schema {@value #SCHEMA}, all alike: ten columns of mixed
 * types, a primary key, a foreign key to an earlier table (the first table references itself), a check
 * constraint, one index (every other table: two), and row-level security with one or two policies on every
 * fourth table. The same table count always gives the same model. Expressions are written in PostgreSQL's
 * canonical spelling, so the model compares equal to the database its DDL creates.
 *
 * <p>{@link #variant(int)} is the same database with one table in {@value #CHANGED_EVERY} (5%) changed, in
 * one of four ways taken in turn: a column added, an index removed, a column type widened, a policy added.
 */
public final class SyntheticSchema {

    public static final String SCHEMA = "bench";
    public static final int CHANGED_EVERY = 20;

    private SyntheticSchema() {
    }

    public static Database model(int tables) {
        return build(tables, false);
    }

    public static Database variant(int tables) {
        return build(tables, true);
    }

    /** The DDL that creates {@link #model(int)} on an empty database, in the planner's order. */
    public static MigrationPlan ddl(int tables) {
        return MigrationPlanner.baseline(model(tables));
    }

    public static String tableName(int index) {
        return String.format("t%05d", index);
    }

    /** Whether {@link #variant(int)} changes table {@code index}. */
    public static boolean isChanged(int index) {
        return index % CHANGED_EVERY == CHANGED_EVERY - 1;
    }

    private static Database build(int tables, boolean withChanges) {
        if (tables < 1) {
            throw new IllegalArgumentException("a synthetic database needs at least one table, not " + tables);
        }
        SchemaBuilder schema = Schema.named(SCHEMA);
        for (int i = 0; i < tables; i++) {
            int index = i;
            int change = withChanges && isChanged(i) ? (i / CHANGED_EVERY) % 4 : -1;
            schema.table(tableName(i), t -> table(t, index, change));
        }
        return schema.toDatabase();
    }

    /** Table {@code index}; {@code change} is -1 for the unchanged table, else which of the four changes to make. */
    private static void table(TableBuilder t, int index, int change) {
        t.column("id", bigint()).primaryKey();
        t.column("parent_id", bigint()).references(tableName(index / 2), "id");
        t.column("code", change == 2 ? varchar(80) : varchar(40)).notNull();
        t.column("name", text()).notNull();
        t.column("amount", numeric(12, 2)).notNull().defaultValue("0");
        t.column("quantity", integer()).notNull().defaultValue("1");
        t.column("active", bool()).notNull().defaultValue("true");
        t.column("created_at", timestamptz()).notNull().defaultValue("now()");
        t.column("attributes", jsonb());
        t.column("tags", arrayOf(text()));
        if (change == 0) {
            t.column("note", text());
        }
        t.check("(amount >= (0)::numeric)");
        if (change != 1) {
            t.index("parent_id");
        }
        if (index % 2 == 0) {
            t.index(IndexKey.column("created_at").desc()).where("active");
        }
        if (index % 4 == 0) {
            t.rowLevelSecurity();
            t.policy("active_rows").using("active");
            if (index % 8 == 0) {
                t.policy("positive_amounts").forCommand(Policy.Command.SELECT).using("(amount > (0)::numeric)");
            }
        }
        if (change == 3) {
            t.policy("small_quantities").forCommand(Policy.Command.UPDATE).withCheck("(quantity < 1000)");
        }
    }
}
