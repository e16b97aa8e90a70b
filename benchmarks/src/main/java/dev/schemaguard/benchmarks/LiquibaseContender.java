package dev.schemaguard.benchmarks;

import liquibase.CatalogAndSchema;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.snapshot.SnapshotControl;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.structure.core.Column;
import liquibase.structure.core.Table;

import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Liquibase's database snapshot (what {@code liquibase snapshot} and {@code diff} read) of the benchmark schema. */
public final class LiquibaseContender implements Contender {

    /** Liquibase logs each step at INFO through java.util.logging; held here because JUL keeps loggers weakly. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(Level.WARNING);
    }

    @Override
    public String name() {
        return "liquibase";
    }

    @Override
    public String read(ServerAddress server, String database) throws Exception {
        try (Connection connection = server.connect(database)) {
            Database liquibase = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            DatabaseSnapshot snapshot = SnapshotGeneratorFactory.getInstance().createSnapshot(
                    new CatalogAndSchema(null, SyntheticSchema.SCHEMA), liquibase, new SnapshotControl(liquibase));
            return String.format("%,d tables, %,d columns", snapshot.get(Table.class).size(), snapshot.get(Column.class).size());
        }
    }
}
