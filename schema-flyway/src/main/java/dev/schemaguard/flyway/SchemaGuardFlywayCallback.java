package dev.schemaguard.flyway;

import dev.schemaguard.guard.Mode;
import dev.schemaguard.guard.SchemaGuard;
import dev.schemaguard.guard.SchemaGuards;
import dev.schemaguard.guard.SchemaRequirements;
import dev.schemaguard.guard.VerificationResult;
import dev.schemaguard.model.Database;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Flyway callback that checks the database before and after {@code migrate}:
 * <ul>
 *   <li>BEFORE_MIGRATE: while no migration has been applied yet, the database is verified against the schema the
 *       migrations start from ({@link Builder#schemaBeforeMigrations}) in the before-migrate {@link Mode} — FAIL
 *       stops before any migration runs, WARN logs, REPAIR adds what is missing. Once a migration is recorded in
 *       Flyway's history that schema no longer describes the database: later starts check the schema declared for
 *       Flyway's current version instead ({@link Builder#schemaAtVersion}; REPAIR checks it as FAIL), or, with none
 *       declared for that version, skip this check and say so at INFO. A restart with nothing to migrate therefore
 *       passes in every mode. Then the required tables, columns and indexes are checked, on every start; a missing one
 *       always stops the migration with a {@link dev.schemaguard.guard.MissingSchemaException}.</li>
 *   <li>AFTER_MIGRATE: the database is verified against the expected schema in the after-migrate mode, FAIL or
 *       WARN. REPAIR is refused there: it would change the schema outside the migration history, and
 *       environments would drift apart.</li>
 * </ul>
 * Flyway's schema history table is left out of both comparisons.
 *
 * <pre>{@code
 * Flyway.configure()
 *         .dataSource(dataSource)
 *         .callbacks(SchemaGuardFlywayCallback.configure()
 *                 .mode(Mode.WARN)
 *                 .schemaBeforeMigrationsResource("db/before-migrations.yaml")
 *                 .expectedResource("db/schema.yaml")
 *                 .require(guards -> guards.requireTables("customers", "orders"))
 *                 .load())
 *         .load()
 *         .migrate();
 * }</pre>
 *
 * <p>Registered by class name instead ({@code flyway.callbacks=dev.schemaguard.flyway.SchemaGuardFlywayCallback} in
 * flyway.conf, the Flyway command line or the Maven plugin), the callback takes its settings from Flyway's
 * placeholders: {@code flyway.placeholders.schemaguard.expected=db/schema.yaml},
 * {@code flyway.placeholders.schemaguard.schemaBeforeMigrations=db/before-migrations.yaml} (classpath resources),
 * {@code flyway.placeholders.schemaguard.schemaAtVersion.3=db/schema-v3.yaml} (one per version),
 * {@code flyway.placeholders.schemaguard.mode} (both checks), {@code ...schemaguard.beforeMigrateMode} and
 * {@code ...schemaguard.afterMigrateMode}. An unknown {@code schemaguard.*} placeholder is an error.
 */
public final class SchemaGuardFlywayCallback implements Callback {

    /** The prefix of the Flyway placeholders a callback registered by class name reads its settings from. */
    public static final String PLACEHOLDER_PREFIX = "schemaguard.";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaGuardFlywayCallback.class);
    private static final List<String> PLACEHOLDERS = List.of("expected", "schemaBeforeMigrations", "mode",
            "beforeMigrateMode", "afterMigrateMode");
    /** {@code schemaguard.schemaAtVersion.<version>}: a schema keyed by the migration version it describes. */
    private static final String AT_VERSION = "schemaAtVersion.";

    /** The callback's settings; a callback registered by class name reads them at its first event. */
    private record Settings(Mode beforeMode, Mode afterMode, SchemaGuard before, SchemaGuard expected,
                            List<Consumer<SchemaRequirements>> requirements, Map<MigrationVersion, SchemaGuard> atVersion) {
    }

    private volatile Settings settings;
    private volatile VerificationResult beforeMigrate;
    private volatile VerificationResult afterMigrate;

    /**
     * For Flyway's registration by class name: the settings come from the {@code schemaguard.*} placeholders of
     * Flyway's configuration (see the class comment). In code, use {@link #configure()}.
     */
    public SchemaGuardFlywayCallback() {
    }

    private SchemaGuardFlywayCallback(Builder builder) {
        this.settings = new Settings(builder.beforeMode, builder.afterMode,
                builder.before == null ? null : builder.before.mode(builder.beforeMode).load(),
                builder.expected == null ? null : builder.expected.mode(builder.afterMode).load(),
                List.copyOf(builder.requirements), atVersion(builder));
    }

    /** The schemas keyed by version, checked in the before-migrate mode; REPAIR checks them as FAIL (see the builder). */
    private static Map<MigrationVersion, SchemaGuard> atVersion(Builder builder) {
        Mode mode = builder.beforeMode == Mode.REPAIR ? Mode.FAIL : builder.beforeMode;
        Map<MigrationVersion, SchemaGuard> guards = new LinkedHashMap<>();
        builder.atVersion.forEach((version, guard) -> guards.put(version, guard.mode(mode).load()));
        return Map.copyOf(guards);
    }

    public static Builder configure() {
        return new Builder();
    }

    /** The mode of the before-migrate check. */
    public Mode beforeMigrateMode() {
        return requireSettings().beforeMode();
    }

    /** The mode of the after-migrate check. */
    public Mode afterMigrateMode() {
        return requireSettings().afterMode();
    }

    /**
     * The verification against the schema before migrations from the current or last {@code migrate}; empty if
     * that run did not verify it (migrations were already applied, or the run failed before).
     */
    public Optional<VerificationResult> beforeMigrateResult() {
        return Optional.ofNullable(beforeMigrate);
    }

    /** The verification against the expected schema from the current or last {@code migrate}, if it got there. */
    public Optional<VerificationResult> afterMigrateResult() {
        return Optional.ofNullable(afterMigrate);
    }

    @Override
    public boolean supports(Event event, Context context) {
        if (event != Event.BEFORE_MIGRATE && event != Event.AFTER_MIGRATE) {
            return false;
        }
        Settings current = settings(context.getConfiguration());
        return event == Event.BEFORE_MIGRATE || current.expected() != null;
    }

    /** REPAIR commits its own transaction, so the callback runs outside Flyway's. */
    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return false;
    }

    @Override
    public void handle(Event event, Context context) {
        Settings current = settings(context.getConfiguration());
        Connection connection = context.getConnection();
        String historyTable = historyTable(context.getConfiguration());
        try {
            if (event == Event.BEFORE_MIGRATE) {
                // a new run: nothing from the previous one may be taken for this one's result
                beforeMigrate = null;
                afterMigrate = null;
                if (current.before() != null || !current.atVersion().isEmpty()) {
                    beforeMigrate = verifyBeforeMigrate(current, connection, historyTable).orElse(null);
                }
                if (!current.requirements().isEmpty()) {
                    SchemaRequirements guards = SchemaGuards.on(connection).forMigration("Flyway migrate");
                    current.requirements().forEach(requirement -> requirement.accept(guards));
                    guards.check();
                }
            } else if (event == Event.AFTER_MIGRATE) {
                afterMigrate = current.expected().ignoring(historyTable).verify(connection);
            }
        } catch (SQLException e) {
            throw new FlywayException("schemaguard could not read the database during " + event.getId() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The check before migrate: against the schema before migrations while no migration is applied, else against the
     * schema declared for the current version (the highest applied), if one is; empty when nothing applies.
     */
    private static Optional<VerificationResult> verifyBeforeMigrate(Settings current, Connection connection,
                                                                    String historyTable) throws SQLException {
        Optional<String> applied = appliedMigration(connection, historyTable);
        if (applied.isEmpty()) {
            return current.before() == null ? Optional.empty()
                    : Optional.of(current.before().ignoring(historyTable).verify(connection));
        }
        Optional<MigrationVersion> version = currentVersion(connection, historyTable);
        SchemaGuard atVersion = version.map(current.atVersion()::get).orElse(null);
        if (atVersion != null) {
            return Optional.of(atVersion.ignoring(historyTable).verify(connection));
        }
        LOG.info("schemaguard: nothing was checked before migrate: migration {} is applied already, so the database is"
                + " past the schema before migrations, and no schema is declared for version {} (schemaAtVersion)",
                applied.get(), version.map(MigrationVersion::getVersion).orElse("(none)"));
        return Optional.empty();
    }

    /** Flyway's current version: the highest version applied successfully, baseline included; empty if none. */
    static Optional<MigrationVersion> currentVersion(Connection connection, String historyTable) throws SQLException {
        // the table name is quoted by historyTable; nothing else from outside reaches this text
        try (PreparedStatement versions = connection.prepareStatement("SELECT version FROM " + historyTable
                + " WHERE success AND version IS NOT NULL AND type NOT IN ('SCHEMA', 'DELETE')");
             ResultSet rs = versions.executeQuery()) {
            MigrationVersion highest = null;
            while (rs.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rs.getString(1));
                if (highest == null || version.compareTo(highest) > 0) {
                    highest = version;
                }
            }
            return Optional.ofNullable(highest);
        }
    }

    @Override
    public String getCallbackName() {
        return "schemaguard";
    }

    /**
     * The latest migration Flyway recorded as applied successfully (its version, or its description for a
     * repeatable one), not counting the baseline and schema-creation markers; empty when there is none or no
     * history table yet.
     */
    static Optional<String> appliedMigration(Connection connection, String historyTable) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, historyTable);
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
        }
        // the table name is quoted by historyTable; nothing else from outside reaches this text
        try (PreparedStatement latest = connection.prepareStatement("SELECT coalesce(version, description) FROM "
                + historyTable + " WHERE success AND type NOT IN ('BASELINE', 'SCHEMA', 'DELETE')"
                + " ORDER BY installed_rank DESC LIMIT 1");
             ResultSet rs = latest.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private Settings requireSettings() {
        Settings current = settings;
        if (current == null) {
            throw new IllegalStateException("this callback was registered by class name and reads its settings from"
                    + " Flyway's placeholders at its first event; none has run yet");
        }
        return current;
    }

    private Settings settings(Configuration configuration) {
        Settings current = settings;
        if (current == null) {
            synchronized (this) {
                if (settings == null) {
                    settings = fromPlaceholders(configuration);
                }
                current = settings;
            }
        }
        return current;
    }

    /** The settings of a callback registered by class name, from {@code flyway.placeholders.schemaguard.*}. */
    static Settings fromPlaceholders(Configuration configuration) {
        Builder builder = configure();
        java.util.Map<String, String> placeholders = configuration.getPlaceholders();
        for (var entry : placeholders.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(PLACEHOLDER_PREFIX + AT_VERSION)) {
                String version = key.substring((PLACEHOLDER_PREFIX + AT_VERSION).length());
                try {
                    builder.schemaAtVersionResource(version, entry.getValue());
                } catch (RuntimeException e) {
                    throw new FlywayException("placeholder " + key + ": " + e.getMessage(), e);
                }
            } else if (key.startsWith(PLACEHOLDER_PREFIX)
                    && !PLACEHOLDERS.contains(key.substring(PLACEHOLDER_PREFIX.length()))) {
                throw new FlywayException("unknown schemaguard setting: placeholder " + key + "; known: "
                        + PLACEHOLDERS.stream().map(p -> PLACEHOLDER_PREFIX + p).toList() + " and "
                        + PLACEHOLDER_PREFIX + AT_VERSION + "<version>");
            }
        }
        String expected = placeholders.get(PLACEHOLDER_PREFIX + "expected");
        String before = placeholders.get(PLACEHOLDER_PREFIX + "schemaBeforeMigrations");
        if (expected == null && before == null && builder.atVersion.isEmpty()) {
            throw new FlywayException("SchemaGuardFlywayCallback is registered but has nothing to check: set the"
                    + " Flyway placeholder " + PLACEHOLDER_PREFIX + "expected (and/or " + PLACEHOLDER_PREFIX
                    + "schemaBeforeMigrations) to a YAML schema resource, e.g. flyway.placeholders."
                    + PLACEHOLDER_PREFIX + "expected=db/schema.yaml");
        }
        try {
            Optional.ofNullable(placeholders.get(PLACEHOLDER_PREFIX + "mode")).map(m -> mode(m, "mode")).ifPresent(builder::mode);
            Optional.ofNullable(placeholders.get(PLACEHOLDER_PREFIX + "beforeMigrateMode"))
                    .map(m -> mode(m, "beforeMigrateMode")).ifPresent(builder::beforeMigrateMode);
            Optional.ofNullable(placeholders.get(PLACEHOLDER_PREFIX + "afterMigrateMode"))
                    .map(m -> mode(m, "afterMigrateMode")).ifPresent(builder::afterMigrateMode);
        } catch (IllegalArgumentException e) {
            throw new FlywayException(e.getMessage(), e);
        }
        if (expected != null) {
            builder.expectedResource(expected);
        }
        if (before != null) {
            builder.schemaBeforeMigrationsResource(before);
        }
        return builder.load().settings;
    }

    private static Mode mode(String value, String setting) {
        try {
            return Mode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("placeholder " + PLACEHOLDER_PREFIX + setting + " is '" + value
                    + "'; expected FAIL, WARN or REPAIR", e);
        }
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
        private Mode beforeMode = Mode.FAIL;
        private Mode afterMode = Mode.FAIL;
        private SchemaGuard.Builder before;
        private SchemaGuard.Builder expected;
        private final List<Consumer<SchemaRequirements>> requirements = new ArrayList<>();
        private final Map<MigrationVersion, SchemaGuard.Builder> atVersion = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The mode of both checks: FAIL (the default), WARN or REPAIR. REPAIR applies only before migrate; the
         * after-migrate check then FAILs, since a repair after migrate would change the schema outside the
         * migration history.
         */
        public Builder mode(Mode mode) {
            Objects.requireNonNull(mode, "mode");
            this.beforeMode = mode;
            this.afterMode = mode == Mode.REPAIR ? Mode.FAIL : mode;
            return this;
        }

        /** The mode of the check against the schema before migrations: FAIL (the default), WARN or REPAIR. */
        public Builder beforeMigrateMode(Mode mode) {
            this.beforeMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * The mode of the check against the expected schema after migrate: FAIL (the default) or WARN. REPAIR is
         * refused: a repair there changes the schema outside the migration history, so environments drift apart;
         * add a migration instead.
         */
        public Builder afterMigrateMode(Mode mode) {
            if (Objects.requireNonNull(mode, "mode") == Mode.REPAIR) {
                throw new IllegalArgumentException("REPAIR after migrate is refused: it would change the schema outside"
                        + " Flyway's migration history, and environments would drift apart; use FAIL or WARN, and add"
                        + " a migration for what is missing");
            }
            this.afterMode = mode;
            return this;
        }

        /** The schema the migrations start from, verified before migrate while no migration is applied yet. */
        public Builder schemaBeforeMigrations(Database database) {
            this.before = SchemaGuard.configure().expected(database);
            return this;
        }

        /** {@link #schemaBeforeMigrations(Database)} as a YAML resource on the classpath. */
        public Builder schemaBeforeMigrationsResource(String resource) {
            this.before = SchemaGuard.configure().expectedResource(resource);
            return this;
        }

        /**
         * The schema the database has when {@code version} is Flyway's current version (the highest applied), verified
         * before migrate in the before-migrate mode, on every start where that is the current version: a restart with
         * nothing pending checks the schema of the last migration, a release that brings new migrations the schema
         * they start from. REPAIR checks it as FAIL: repairing a migrated database would change it outside the
         * migration history. Without a schema for the current version, nothing is checked before migrate (said at
         * INFO); the after-migrate check still runs.
         */
        public Builder schemaAtVersion(String version, Database database) {
            atVersion.put(version(version), SchemaGuard.configure().expected(database));
            return this;
        }

        /** {@link #schemaAtVersion(String, Database)} as a YAML resource on the classpath. */
        public Builder schemaAtVersionResource(String version, String resource) {
            atVersion.put(version(version), SchemaGuard.configure().expectedResource(resource));
            return this;
        }

        private static MigrationVersion version(String version) {
            Objects.requireNonNull(version, "version");
            try {
                return MigrationVersion.fromVersion(version.strip());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + version + "' is not a Flyway migration version (e.g. 2 or"
                        + " 1.4.2): " + e.getMessage(), e);
            }
        }

        /** @deprecated the word clashes with Flyway's own baseline; use {@link #schemaBeforeMigrations(Database)}. */
        @Deprecated
        public Builder baseline(Database database) {
            return schemaBeforeMigrations(database);
        }

        /** @deprecated the word clashes with Flyway's own baseline; use {@link #schemaBeforeMigrationsResource}. */
        @Deprecated
        public Builder baselineResource(String resource) {
            return schemaBeforeMigrationsResource(resource);
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
         * Requirements checked before every migrate, after the schema before migrations:
         * {@code guards -> guards.requireTables("orders")}. The consumer only declares them; the callback checks
         * them all at once.
         */
        public Builder require(Consumer<SchemaRequirements> requirement) {
            requirements.add(Objects.requireNonNull(requirement, "requirement"));
            return this;
        }

        /** Reads the schemas (a YAML error fails here) and returns the callback to pass to Flyway. */
        public SchemaGuardFlywayCallback load() {
            return new SchemaGuardFlywayCallback(this);
        }

        /** @deprecated renamed {@link #load()}, as everywhere else. */
        @Deprecated
        public SchemaGuardFlywayCallback build() {
            return load();
        }
    }
}
