package dev.schemaguard.junit;

import org.flywaydb.core.Flyway;

import java.util.List;

/** Runs Flyway migrations; kept apart so that Flyway's classes are loaded only when a test asks for them. */
final class FlywayRun {

    private FlywayRun() {
    }

    static void migrate(String jdbcUrl, List<String> locations) {
        Flyway.configure()
                .dataSource(jdbcUrl, null, null)
                .locations(locations.toArray(String[]::new))
                .load()
                .migrate();
    }
}
