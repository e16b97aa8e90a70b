package dev.schemaguard.flyway;

import dev.schemaguard.guard.MissingSchemaException;
import dev.schemaguard.guard.SchemaRequirements;

import java.sql.SQLException;

/**
 * Guards in Flyway Java migrations, failing so that Flyway prints the guard's message. Flyway reports any other
 * exception from a Java migration only as "Migration failed !" (the message is buried in the causes); an
 * {@link SQLException} it reports with its message, in its own error output.
 *
 * <pre>{@code
 * public void migrate(Context context) throws Exception {
 *     FlywayGuards.check(SchemaGuards.on(context.getConnection())
 *             .forMigration("V3__add_reporting_index")
 *             .requireTables("customers", "orders"));
 *     ...
 * }
 * }</pre>
 */
public final class FlywayGuards {

    /** SQLSTATE 55000, object_not_in_prerequisite_state: what a migration needs is not there. */
    public static final String SQL_STATE = "55000";

    private FlywayGuards() {
    }

    /**
     * Checks the requirements; when something is missing, throws an {@link SQLException} whose message is the
     * guard's (every missing object and the fix), with the {@link MissingSchemaException} as its cause.
     */
    public static void check(SchemaRequirements requirements) throws SQLException {
        try {
            requirements.check();
        } catch (MissingSchemaException e) {
            throw new SQLException(e.getMessage(), SQL_STATE, e);
        }
    }
}
