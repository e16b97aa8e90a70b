package dev.schemaguard.benchmarks;

import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.SQLDialect;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.sql.Connection;

/**
 * jOOQ's {@code DSLContext.meta()} over JDBC metadata, walked completely: every table's fields, primary key,
 * unique keys, foreign keys, indexes and checks (jOOQ loads most of these lazily, so an unwalked meta() would
 * measure almost nothing).
 */
public final class JooqContender implements Contender {

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    @Override
    public String name() {
        return "jooq-meta";
    }

    @Override
    public String read(ServerAddress server, String database) throws Exception {
        try (Connection connection = server.connect(database)) {
            DSLContext context = DSL.using(connection, SQLDialect.POSTGRES);
            Meta meta = context.meta().filterSchemas(s -> s.getName().equals(SyntheticSchema.SCHEMA));
            int tables = 0;
            int parts = 0;
            for (Schema schema : meta.getSchemas()) {
                for (Table<?> table : schema.getTables()) {
                    tables++;
                    parts += table.fields().length;
                    parts += table.getPrimaryKey() == null ? 0 : 1;
                    parts += table.getKeys().size();
                    parts += table.getReferences().size();
                    parts += table.getIndexes().size();
                    parts += table.getChecks().size();
                }
            }
            return String.format("%,d tables, %,d parts", tables, parts);
        }
    }
}
