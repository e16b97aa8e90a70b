package dev.schemaguard.guard;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Guards for migration code: check that the tables, columns and indexes a migration needs exist before it
 * touches the schema, or run a statement only when its columns exist. Works on any JDBC connection, so from
 * plain JDBC, a Flyway Java migration ({@code context.getConnection()}) or a Liquibase custom change alike.
 *
 * <pre>{@code
 * SchemaGuards.on(connection)
 *         .requireTables("customers", "orders")
 *         .requireColumns("orders", "id bigint", "total numeric(10,2)")
 *         .requireIndex("orders", "orders_customer_id_idx")
 *         .check();   // throws MissingSchemaException listing everything missing
 * }</pre>
 */
public final class SchemaGuards {

    /** What the exception message tells a person to do when no other hint was configured. */
    public static final String DEFAULT_FIX_HINT = "Fix: run `schemaguard fix --db $DATABASE_URL --expected schema.yaml`"
            + " and apply its SQL (or apply the baseline), then run the migration again.";

    private SchemaGuards() {
    }

    /** Starts a set of requirements checked on {@code connection}. */
    public static SchemaRequirements on(Connection connection) {
        return new SchemaRequirements(Objects.requireNonNull(connection, "connection"));
    }

    /**
     * Runs {@code createIndexSql} when {@code table} has all of {@code columns}; otherwise logs a warning naming
     * what is missing and runs nothing. Returns whether the statement ran.
     */
    public static boolean createIndexIfColumnsExist(Connection connection, String createIndexSql, String table,
                                                    String... columns) throws SQLException {
        return on(connection).ifColumnsExist(table, columns).run(createIndexSql);
    }
}
