package dev.schemaguard.flyway;

import dev.schemaguard.guard.Mode;
import dev.schemaguard.guard.SchemaGuard;
import dev.schemaguard.guard.SchemaGuards;
import dev.schemaguard.guard.SchemaRequirements;
import dev.schemaguard.guard.VerificationResult;
import dev.schemaguard.model.Database;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Flyway callback that checks the database before and after {@code migrate}:
 * <ul>
 *   <li>BEFORE_MIGRATE: the database is verified against the baseline (the schema migrations start from) in the
 *       configured {@link Mode} — FAIL stops before any migration runs, WARN logs, REPAIR adds what is
 *       missing — and then the required tables, columns and indexes are checked; a missing one always stops
 *       the migration with a {@link dev.schemaguard.guard.MissingSchemaException}.</li>
 *   <li>AFTER_MIGRATE: the database is verified against the expected schema, in the same mode.</li>
 * </ul>
 * Flyway's schema history table is left out of both comparisons.
 *
 * <pre>{@code
 * Flyway.configure()
 *         .dataSource(dataSource)
 *         .callbacks(SchemaGuardFlywayCallback.configure()
 *                 .mode(Mode.WARN)
 *                 .baselineResource("db/baseline.yaml")
 *                 .expectedResource("db/schema.yaml")
 *                 .require(guards -> guards.requireTables("customers", "orders"))
 *                 .build())
 *         .load()
 *         .migrate();
 * }</pre>
 */
public final class SchemaGuardFlywayCallback implements Callback {

    private final Mode mode;
    private final SchemaGuard baseline;
    private final SchemaGuard expected;
    private final List<Consumer<SchemaRequirements>> requirements;
    private volatile VerificationResult beforeMigrate;
    private volatile VerificationResult afterMigrate;

    private SchemaGuardFlywayCallback(Builder builder) {
        this.mode = builder.mode;
        this.baseline = builder.baseline == null ? null : builder.baseline.mode(builder.mode).load();
        this.expected = builder.expected == null ? null : builder.expected.mode(builder.mode).load();
        this.requirements = List.copyOf(builder.requirements);
    }

    public static Builder configure() {
        return new Builder();
    }

    public Mode mode() {
        return mode;
    }

    /** The verification against the baseline from the last BEFORE_MIGRATE event, if one ran. */
    public Optional<VerificationResult> beforeMigrateResult() {
        return Optional.ofNullable(beforeMigrate);
    }

    /** The verification against the expected schema from the last AFTER_MIGRATE event, if one ran. */
    public Optional<VerificationResult> afterMigrateResult() {
        return Optional.ofNullable(afterMigrate);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return switch (event) {
            case BEFORE_MIGRATE -> baseline != null || !requirements.isEmpty();
            case AFTER_MIGRATE -> expected != null;
            default -> false;
        };
    }

    /** REPAIR commits its own transaction, so the callback runs outside Flyway's. */
    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return false;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (event == Event.BEFORE_MIGRATE) {
                if (baseline != null) {
                    beforeMigrate = baseline.ignoring(historyTable(context.getConfiguration())).verify(connection);
                }
                if (!requirements.isEmpty()) {
                    SchemaRequirements guards = SchemaGuards.on(connection).forMigration("Flyway migrate");
                    requirements.forEach(requirement -> requirement.accept(guards));
                    guards.check();
                }
            } else if (event == Event.AFTER_MIGRATE) {
                afterMigrate = expected.ignoring(historyTable(context.getConfiguration())).verify(connection);
            }
        } catch (SQLException e) {
            throw new FlywayException("schemaguard could not read the database during " + event.getId() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "schemaguard";
    }

    /** Flyway's history table, qualified when Flyway names its schema, as a name {@link SchemaGuard#ignoring} reads. */
    static String historyTable(Configuration configuration) {
        String table = quote(configuration.getTable());
        String schema = configuration.getDefaultSchema();
        if (schema == null && configuration.getSchemas().length > 0) {
            schema = configuration.getSchemas()[0];
        }
        return schema == null ? table : quote(schema) + "." + table;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Settings of the callback; each schema may come from a model or a classpath YAML resource. */
    public static final class Builder {
        private Mode mode = Mode.FAIL;
        private SchemaGuard.Builder baseline;
        private SchemaGuard.Builder expected;
        private final List<Consumer<SchemaRequirements>> requirements = new ArrayList<>();

        private Builder() {
        }

        /** FAIL (the default), WARN or REPAIR; applies to both verifications. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The schema the migrations start from, verified before migrate. */
        public Builder baseline(Database database) {
            this.baseline = SchemaGuard.configure().expected(database);
            return this;
        }

        /** The schema the migrations start from, as a YAML resource on the classpath, verified before migrate. */
        public Builder baselineResource(String resource) {
            this.baseline = SchemaGuard.configure().expectedResource(resource);
            return this;
        }

        /** The schema the migrations lead to, verified after migrate. */
        public Builder expected(Database database) {
            this.expected = SchemaGuard.configure().expected(database);
            return this;
        }

        /** The schema the migrations lead to, as a YAML resource on the classpath, verified after migrate. */
        public Builder expectedResource(String resource) {
            this.expected = SchemaGuard.configure().expectedResource(resource);
            return this;
        }

        /**
         * Requirements checked before migrate, after the baseline: {@code guards -> guards.requireTables("orders")}.
         * The consumer only declares them; the callback checks them all at once.
         */
        public Builder require(Consumer<SchemaRequirements> requirement) {
            requirements.add(Objects.requireNonNull(requirement, "requirement"));
            return this;
        }

        /** Reads the schemas (a YAML error fails here) and returns the callback to pass to Flyway. */
        public SchemaGuardFlywayCallback build() {
            return new SchemaGuardFlywayCallback(this);
        }
    }
}
