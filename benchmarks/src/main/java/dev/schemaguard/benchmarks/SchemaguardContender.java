package dev.schemaguard.benchmarks;

import dev.schemaguard.model.Database;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;

import java.sql.Connection;

/** schemaguard's {@link PostgresIntrospector}, limited to the benchmark schema. */
public final class SchemaguardContender implements Contender {

    private final int connections;
    private Database last;

    /** One connection, sequential queries. */
    public SchemaguardContender() {
        this(1);
    }

    /** With more than one connection, the parallel read that shares one snapshot. */
    public SchemaguardContender(int connections) {
        this.connections = connections;
    }

    @Override
    public String name() {
        return connections == 1 ? "schemaguard" : "schemaguard-j" + connections;
    }

    @Override
    public String read(ServerAddress server, String database) throws Exception {
        PostgresIntrospector introspector = new PostgresIntrospector(IntrospectionOptions.only(SyntheticSchema.SCHEMA));
        if (connections == 1) {
            try (Connection connection = server.connect(database)) {
                last = introspector.introspect(connection);
            }
        } else {
            last = introspector.introspectWithReport(() -> server.connect(database), connections).database();
        }
        return String.format("%,d tables", last.tableCount());
    }

    /** The model the last run read. */
    public Database last() {
        return last;
    }
}
