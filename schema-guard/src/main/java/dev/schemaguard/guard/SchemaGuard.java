package dev.schemaguard.guard;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.ComparisonScope;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.LockedApply;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PlanStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a database against the expected schema when an application starts, and then fails, warns or repairs
 * as its {@link Mode} says.
 *
 * <pre>{@code
 * VerificationResult result = SchemaGuard.configure()
 *         .dataSource(dataSource)
 *         .expectedResource("db/schema.yaml")
 *         .mode(Mode.WARN)
 *         .load()
 *         .verify();
 * }</pre>
 *
 * Only the schemas the expected schema declares are read. Tables named with {@link Builder#ignoreTables} (such as
 * a migration tool's history table under a configured name), Flyway's and Liquibase's history tables under their
 * default names, and what the expected schema's {@code ignore:} rules match are left out on both sides; objects it
 * does not declare count as its {@code unexpected:} policy says ({@link ComparisonScope}).
 */
public final class SchemaGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaGuard.class);

    private final DataSource dataSource;
    private final ExpectedSchema expected;
    private final Mode mode;
    private final Set<String> ignoredTables;
    private final String fixHint;
    private final boolean defaultFixHint;

    private SchemaGuard(DataSource dataSource, ExpectedSchema expected, Mode mode, Set<String> ignoredTables,
                        String fixHint) {
        this.dataSource = dataSource;
        this.expected = expected;
        this.mode = mode;
        this.ignoredTables = Set.copyOf(ignoredTables);
        this.defaultFixHint = fixHint == null;
        this.fixHint = fixHint != null ? fixHint
                : "Fix: run `schemaguard fix --db $DATABASE_URL --expected " + expected.source()
                + "` and apply its SQL, or start once with mode REPAIR.";
    }

    public static Builder configure() {
        return new Builder();
    }

    /**
     * The expected schema, as loaded, with ignored tables left out, and without grants: the guard does not
     * check privileges (use {@code schemaguard check --privileges} for that).
     */
    public Database expected() {
        return scope().visible(withoutIgnored(expected.database())).expected().withoutGrants();
    }

    public Mode mode() {
        return mode;
    }

    /** This guard with more tables left out of the comparison, e.g. a migration tool's history table. */
    public SchemaGuard ignoring(String... tables) {
        Set<String> all = new LinkedHashSet<>(ignoredTables);
        for (String table : tables) {
            TableName.parse(table, "public");
            all.add(table);
        }
        return new SchemaGuard(dataSource, expected, mode, all, fixHint);
    }

    /**
     * This guard comparing the migration tools' history tables too (Flyway's and Liquibase's, left out by default:
     * {@link dev.schemaguard.model.HistoryTables}), e.g. for a setup where no tool owns them.
     */
    public SchemaGuard comparingHistoryTables() {
        ComparisonScope scope = expected.scope();
        ExpectedSchema comparing = expected.withScope(scope.withHistoryTables(
                new dev.schemaguard.model.HistoryTables(true, scope.historyTables().configured())));
        return new SchemaGuard(dataSource, comparing, mode, ignoredTables, fixHint);
    }

    /** Verifies on a connection from the configured data source. */
    public VerificationResult verify() throws SQLException {
        if (dataSource == null) {
            throw new IllegalStateException("no data source configured: call dataSource(...) before load(), or pass a"
                    + " connection to verify(connection)");
        }
        try (Connection connection = dataSource.getConnection()) {
            return verify(connection);
        }
    }

    /**
     * Verifies on {@code connection}, which should be in autocommit mode: REPAIR commits its own transaction.
     * FAIL throws {@link SchemaDriftException} when the database differs; REPAIR throws
     * {@link SchemaRepairException} when adding what is missing fails (nothing is changed then).
     */
    public VerificationResult verify(Connection connection) throws SQLException {
        Database want = expected();
        String database = connection.getCatalog();
        if (mode == Mode.REPAIR) {
            return repair(connection, want, database);
        }
        Database actual = live(connection, want);
        SchemaDiff found = SchemaDiff.compare(want, actual);
        if (found.isEmpty()) {
            LOG.info("Schema check: database {} matches {}", database, expected.source());
            return new VerificationResult(VerificationResult.Status.VALID, mode, found, List.of(), found);
        }
        VerificationResult result = new VerificationResult(VerificationResult.Status.DRIFT, mode, found, List.of(), found);
        if (mode == Mode.FAIL) {
            throw new SchemaDriftException(driftMessage(database, found, fixHint(want, actual)), result);
        }
        LOG.warn("Schema drift: database {} differs from {} in {} place(s); continuing (mode WARN)",
                database, expected.source(), found.changes().size());
        found.changes().forEach(change -> LOG.warn("Schema drift: {}", change.describe()));
        LOG.warn(fixHint(want, actual));
        return result;
    }

    /**
     * Adds what is missing as {@code schemaguard apply} does ({@link LockedApply}): the database is read, compared
     * and repaired in one transaction under the advisory lock every schemaguard apply takes, so that two starting
     * instances never interleave; the lock_timeout is the session's own. Then the result is read again.
     */
    private VerificationResult repair(Connection connection, Database want, String database)
            throws SQLException {
        AdditionsPlan additions = new AdditionsPlan(want);
        MigrationPlan plan;
        try {
            plan = LockedApply.withSessionLockTimeout().apply(connection, additions);
        } catch (SQLException e) {
            if (additions.found == null) {
                throw e; // reading the database failed; nothing was planned or run
            }
            throw new SchemaRepairException("Schema repair of database " + database + " failed and was rolled back: "
                    + e.getMessage(), e);
        }
        if (additions.found.isEmpty()) {
            LOG.info("Schema check: database {} matches {}", database, expected.source());
            return new VerificationResult(VerificationResult.Status.VALID, mode, additions.found, List.of(), additions.found);
        }
        LOG.info("Schema repair: database {} differed from {} in {} place(s); applied {} statement(s)",
                database, expected.source(), additions.found.changes().size(), plan.statements().size());
        plan.statements().forEach(statement -> LOG.info("Schema repair: {};", statement.sql()));
        SchemaDiff remaining = SchemaDiff.compare(want, live(connection, want));
        List<PlanStatement> applied = plan.statements();
        if (remaining.isEmpty()) {
            return new VerificationResult(VerificationResult.Status.REPAIRED, mode, additions.found, applied, remaining);
        }
        LOG.warn("Schema drift left after repair of database {}: {} difference(s) that only altering or dropping"
                + " could fix; continuing (mode REPAIR never alters or drops)", database, remaining.changes().size());
        remaining.changes().forEach(change -> LOG.warn("Schema drift: {}", change.describe()));
        LOG.warn("Review them with `schemaguard check --db $DATABASE_URL --expected {}`", expected.source());
        return new VerificationResult(VerificationResult.Status.DRIFT, mode, additions.found, applied, remaining);
    }

    /** Reads the database under the lock, and plans what is missing from it; remembers what it found. */
    private final class AdditionsPlan implements LockedApply.PlanMaker {
        private final Database want;
        private SchemaDiff found;

        AdditionsPlan(Database want) {
            this.want = want;
        }

        @Override
        public MigrationPlan make(Connection connection) throws SQLException {
            Database before = live(connection, want);
            SchemaDiff diff = SchemaDiff.compare(want, before);
            MigrationPlan plan = diff.isEmpty() ? new MigrationPlan(List.of(), List.of())
                    : MigrationPlanner.plan(want, before, PlanOptions.SAFE).additiveOnly();
            found = diff;
            return plan;
        }
    }

    /**
     * The configured hint; the default one suggests mode REPAIR only when REPAIR, which only adds, can fix every
     * difference (after a REPAIR the rest never can).
     */
    private String fixHint(Database want, Database actual) {
        if (!defaultFixHint) {
            return fixHint;
        }
        MigrationPlan plan = MigrationPlanner.plan(want, actual, PlanOptions.SAFE);
        if (plan.skipped().isEmpty() && plan.additiveOnly().statements().size() == plan.statements().size()) {
            return fixHint;
        }
        return "Fix: run `schemaguard fix --db $DATABASE_URL --expected " + expected.source() + "` and review its SQL;"
                + " mode REPAIR only adds what is missing and cannot fix all of this: write a migration for the rest.";
    }

    private String driftMessage(String database, SchemaDiff diff, String fixHint) {
        StringBuilder message = new StringBuilder("Schema drift: database ").append(database).append(" differs from ")
                .append(expected.source()).append(" in ").append(diff.changes().size()).append(" place(s):");
        for (SchemaChange change : diff.changes()) {
            message.append("\n  - ").append(change.describe());
        }
        return message.append('\n').append(fixHint).toString();
    }

    /** What the comparison leaves out: the expected schema's ignore rules and policy, history tables ({@link ComparisonScope}). */
    private ComparisonScope scope() {
        return expected.scope();
    }

    /** The live database as this guard compares it with {@code want}: the guard's ignored tables and its scope left out. */
    private Database live(Connection connection, Database want) throws SQLException {
        ComparisonScope.Scoped scoped = scope().apply(want, withoutIgnored(LiveSchema.readFor(connection, want)));
        scoped.warnings().forEach(warning -> LOG.warn("Schema check: {}", warning));
        scoped.notes().forEach(note -> LOG.debug("Schema check: {}", note));
        return scoped.actual();
    }

    private Database withoutIgnored(Database database) {
        if (ignoredTables.isEmpty()) {
            return database;
        }
        List<Schema> schemas = new ArrayList<>();
        for (Schema schema : database.schemas()) {
            List<Table> tables = schema.tables().stream()
                    .filter(t -> !ignored(QualifiedName.of(schema.name(), t.name())))
                    .toList();
            schemas.add(schema.withTables(tables));
        }
        return database.withSchemas(schemas);
    }

    /** An unqualified ignored name matches the table in every schema; a qualified one only in its schema. */
    private boolean ignored(QualifiedName table) {
        return ignoredTables.stream().anyMatch(name -> TableName.parse(name, table.schema()).equals(table));
    }

    /** Collects the settings; {@link #load()} reads the expected schema and returns the guard. */
    public static final class Builder {
        private DataSource dataSource;
        private Supplier<ExpectedSchema> expectedLoader;
        private Mode mode = Mode.FAIL;
        private final Set<String> ignoredTables = new LinkedHashSet<>();
        private String fixHint;

        private Builder() {
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** The expected schema as a model (built with the DSL or read elsewhere). */
        public Builder expected(Database database) {
            Objects.requireNonNull(database, "database");
            this.expectedLoader = () -> ExpectedSchema.of(database);
            return this;
        }

        /** The expected schema as a YAML file or a directory of YAML files. */
        public Builder expectedYaml(Path path) {
            Objects.requireNonNull(path, "path");
            this.expectedLoader = () -> ExpectedSchema.yaml(path);
            return this;
        }

        /** The expected schema as a YAML resource on the classpath, e.g. {@code db/schema.yaml}. */
        public Builder expectedResource(String resource) {
            Objects.requireNonNull(resource, "resource");
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            ClassLoader loader = context != null ? context : SchemaGuard.class.getClassLoader();
            this.expectedLoader = () -> ExpectedSchema.resource(resource, loader);
            return this;
        }

        /** FAIL (the default), WARN or REPAIR. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Tables left out of the comparison on both sides: {@code flyway_schema_history} in any schema, or
         * {@code app.flyway_schema_history} in one.
         */
        public Builder ignoreTables(String... tables) {
            for (String table : tables) {
                TableName.parse(table, "public");
                ignoredTables.add(table);
            }
            return this;
        }

        /** Replaces the line that ends a drift message and tells a person how to fix the database. */
        public Builder fixHint(String hint) {
            this.fixHint = Objects.requireNonNull(hint, "hint");
            return this;
        }

        /** Reads the expected schema (a YAML error fails here, with its position) and returns the guard. */
        public SchemaGuard load() {
            if (expectedLoader == null) {
                throw new IllegalStateException("no expected schema configured: call expected(Database),"
                        + " expectedYaml(Path) or expectedResource(String) before load()");
            }
            return new SchemaGuard(dataSource, expectedLoader.get(), mode, ignoredTables, fixHint);
        }
    }
}
