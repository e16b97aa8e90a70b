package db.migration;

import dev.schemaguard.flyway.FlywayGuards;
import dev.schemaguard.guard.SchemaGuards;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Statement;

/**
 * The reporting index, built with CREATE INDEX CONCURRENTLY so that a large orders table stays writable. That
 * cannot run inside a transaction, so nothing would roll back a half-done migration: the guard checks everything
 * the reports need before the first statement runs.
 */
public class V3__add_reporting_index extends BaseJavaMigration {

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        // through FlywayGuards, Flyway's own error output carries the guard's message
        FlywayGuards.check(SchemaGuards.on(connection)
                .forMigration("V3__add_reporting_index")
                .requireTables("customers", "orders")
                .requireColumns("orders", "customer_id bigint", "total numeric(10,2)", "created_at timestamptz"));

        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX CONCURRENTLY orders_customer_created_idx ON orders (customer_id, created_at)");
        }
        // regions arrive with a later release; until then the index is skipped with a warning
        SchemaGuards.createIndexIfColumnsExist(connection,
                "CREATE INDEX CONCURRENTLY orders_region_idx ON orders (region)", "orders", "region");
    }
}
