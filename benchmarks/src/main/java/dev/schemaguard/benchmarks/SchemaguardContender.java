package dev.schemaguard.benchmarks;

import dev.schemaguard.model.Database;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;

import java.sql.Connection;

/** schemaguard's {@link PostgresIntrospector}, limited to the benchmark schema. */
public final class SchemaguardContender implements Contender {

    private Database last;

    @Override
    public String name() {
        return "schemaguard";
    }

    @Override
    public String read(ServerAddress server, String database) throws Exception {
        try (Connection connection = server.connect(database)) {
            last = new PostgresIntrospector(IntrospectionOptions.only(SyntheticSchema.SCHEMA)).introspect(connection);
        }
        return String.format("%,d tables", last.tableCount());
    }

    /** The model the last run read. */
    public Database last() {
        return last;
    }
}
