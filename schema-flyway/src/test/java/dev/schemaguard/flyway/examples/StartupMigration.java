package dev.schemaguard.flyway.examples;

import dev.schemaguard.flyway.SchemaGuardFlywayCallback;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.Map;

/**
 * The application's startup migration step: Flyway with the migrations in {@code db/migration}, guarded by
 * schemaguard in the mode of the environment. The schema before migrations (db/baseline.yaml) is checked (or, in
 * staging, applied) before the first migration runs; the full schema is checked after the last one.
 */
public final class StartupMigration {

    private final SchemaGuardFlywayCallback callback;
    private final Flyway flyway;

    public StartupMigration(DataSource dataSource, Environment environment) {
        this.callback = SchemaGuardFlywayCallback.configure()
                .mode(environment.mode())
                .schemaBeforeMigrationsResource("db/baseline.yaml")
                .expectedResource("db/schema.yaml")
                .load();
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // databases created from the baseline before Flyway was introduced: record version 0, run V1 and on
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // Flyway's default transactional lock keeps a transaction open, which CREATE INDEX CONCURRENTLY
                // (V3) would wait for forever; the session advisory lock does not
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .callbacks(callback)
                .load();
    }

    public MigrateResult migrate() {
        return flyway.migrate();
    }

    /** What schemaguard found before and after migrate. */
    public SchemaGuardFlywayCallback callback() {
        return callback;
    }
}
