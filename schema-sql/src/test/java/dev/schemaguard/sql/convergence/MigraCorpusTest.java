package dev.schemaguard.sql.convergence;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Extension;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.IntrospectionResult;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanExecutor;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * migra's fixture pairs ({@code shared/corpus/migra/<case>/a.sql, b.sql}) as acceptance data, run the way migra's
 * own tests run them: load a.sql and b.sql into two databases, plan b from a (drops allowed), apply, and require
 * that nothing differs and that planning again is empty. When the folder has an {@code additions.sql}, it is then
 * run on the migrated database and the same plan-apply-compare step is repeated.
 *
 * <p>Every folder runs on PostgreSQL 15 and 17; the ones that converged before the model covered views, types,
 * routines and the rest ({@link MigraCase#everyServer}) run on every test server. A folder is skipped only for a
 * reason listed with it in {@link #CASES}: an object kind the model does not cover, as introspection reports it.
 * Objects introspection leaves out must also match between b and the migrated database, or convergence is not
 * shown. The comparison options migra uses for some folders are in {@link Comparison}; like migra's own tests,
 * every folder compares privileges.
 */
class MigraCorpusTest {

    private static final ReusableThrowawayDatabases DATABASES = new ReusableThrowawayDatabases();

    /** The servers every folder must converge on (issue 5's acceptance). */
    private static final Set<Integer> REQUIRED_MAJORS = Set.of(15, 17);

    /** The role the fixtures grant to and that schemainspect's test set-up creates. */
    private static final String FIXTURE_ROLE = "schemainspect_test_role";

    @AfterAll
    static void dropThrowawayDatabases() throws SQLException {
        DATABASES.close();
    }

    /**
     * What migra compares for a folder. Outside {@link #EXTENSION_VERSIONS}, migra ignores extension versions:
     * the wanted model then names no version, so any installed version matches and a created one gets the default.
     */
    enum Comparison {
        EVERYTHING(IntrospectionOptions.ALL.withPrivileges()),
        /** {@code singleschema}: only schema goodschema, and so only extensions living in goodschema. */
        ONLY_GOODSCHEMA(IntrospectionOptions.only("goodschema").withPrivileges()),
        /** {@code excludeschema}: schema excludedschema is left out. */
        WITHOUT_EXCLUDEDSCHEMA(IntrospectionOptions.ALL.excluding("excludedschema").withPrivileges()),
        /** {@code singleschema_ext}: only extensions b has and a lacks; nothing else is compared or dropped. */
        ONLY_EXTENSION_CREATION(IntrospectionOptions.ALL.withPrivileges()),
        /** {@code extversions}: extensions with their versions. */
        EXTENSION_VERSIONS(IntrospectionOptions.ALL.withPrivileges());

        final IntrospectionOptions introspection;

        Comparison(IntrospectionOptions introspection) {
            this.introspection = introspection;
        }

        /** The part of a database model this comparison looks at. */
        Database scope(Database model) {
            return switch (this) {
                case ONLY_GOODSCHEMA -> model.withExtensions(model.extensions().stream()
                        .filter(e -> introspection.includes(e.schema())).toList());
                case ONLY_EXTENSION_CREATION -> Database.EMPTY.withExtensions(model.extensions());
                default -> model;
            };
        }

        /** The model to plan towards, given the target database's model and the current one (both scoped). */
        Database wanted(Database target, Database current) {
            List<Extension> extensions = new ArrayList<>(target.extensions());
            if (this == ONLY_EXTENSION_CREATION) {
                Set<String> named = extensions.stream().map(Extension::name).collect(Collectors.toSet());
                current.extensions().stream().filter(e -> !named.contains(e.name())).forEach(extensions::add);
            }
            if (this != EXTENSION_VERSIONS) {
                extensions.replaceAll(e -> new Extension(e.name(), e.schema(), null));
            }
            return target.withExtensions(extensions);
        }
    }

    /** One fixture folder: run it with this comparison (on every server or on 15 and 17), or skip it. */
    record MigraCase(String folder, Comparison comparison, boolean everyServer, String skipReason) {

        static MigraCase runs(String folder) {
            return new MigraCase(folder, Comparison.EVERYTHING, false, null);
        }

        static MigraCase skipped(String folder, String reason) {
            return new MigraCase(folder, Comparison.EVERYTHING, false, reason);
        }

        MigraCase comparing(Comparison newComparison) {
            return new MigraCase(folder, newComparison, everyServer, skipReason);
        }

        /** Converged before the wider model existed: cheap enough to keep on PostgreSQL 13 to 17. */
        MigraCase onEveryServer() {
            return new MigraCase(folder, comparison, true, skipReason);
        }

        boolean runsOn(PostgresServer server) {
            return everyServer || REQUIRED_MAJORS.contains(server.majorVersion());
        }
    }

    /** Every folder of the corpus. Drops are allowed, as migra plans them. */
    static final List<MigraCase> CASES = List.of(
            MigraCase.runs("collations"),
            MigraCase.runs("constraints"),
            MigraCase.runs("dependencies"),
            MigraCase.runs("dependencies2"),
            MigraCase.runs("dependencies3"),
            MigraCase.runs("dependencies4"),
            MigraCase.runs("enumdefaults"),
            MigraCase.runs("enumdeps"),
            // its GRANTs name role postgres, which owns the tables in the test set-up: the ACLs stay the default
            MigraCase.runs("everything"),
            MigraCase.runs("excludeschema").comparing(Comparison.WITHOUT_EXCLUDEDSCHEMA).onEveryServer(),
            MigraCase.runs("extversions").comparing(Comparison.EXTENSION_VERSIONS),
            MigraCase.runs("generated").onEveryServer(),
            MigraCase.runs("generated_added").onEveryServer(),
            MigraCase.runs("identitycols").onEveryServer(),
            MigraCase.runs("inherit").onEveryServer(),
            MigraCase.runs("inherit2").onEveryServer(),
            MigraCase.runs("partitioning").onEveryServer(),
            MigraCase.runs("privileges"),
            MigraCase.runs("rls").onEveryServer(),
            MigraCase.runs("rls2").onEveryServer(),
            MigraCase.runs("seq"),
            MigraCase.runs("singleschema").comparing(Comparison.ONLY_GOODSCHEMA),
            MigraCase.runs("singleschema_ext").comparing(Comparison.ONLY_EXTENSION_CREATION),
            MigraCase.runs("triggers"),
            MigraCase.runs("triggers2").onEveryServer(),
            MigraCase.runs("triggers3"));

    @TestFactory
    Stream<DynamicTest> fixturesConvergeOnEveryServer() {
        Path corpus = corpusOrSkip();
        List<PostgresServer> servers = TestPostgres.all();
        List<DynamicTest> tests = new ArrayList<>();
        for (MigraCase migraCase : CASES) {
            if (migraCase.skipReason() != null) {
                tests.add(dynamicTest("migra/" + migraCase.folder() + " (skipped)",
                        () -> assumeTrue(false, "migra/" + migraCase.folder() + ": " + migraCase.skipReason())));
                continue;
            }
            for (PostgresServer server : servers) {
                if (migraCase.runsOn(server)) {
                    tests.add(dynamicTest("[PG " + server.majorVersion() + "] migra/" + migraCase.folder(),
                            () -> check(server, corpus.resolve(migraCase.folder()), migraCase)));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everyFixtureFolderIsListedExactlyOnce() throws IOException {
        Path corpus = corpusOrSkip();
        Set<String> onDisk;
        try (Stream<Path> entries = Files.list(corpus)) {
            onDisk = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        List<String> listed = CASES.stream().map(MigraCase::folder).toList();
        assertEquals(listed.size(), new TreeSet<>(listed).size(), "a folder is listed twice in MigraCorpusTest.CASES");
        assertEquals(onDisk, new TreeSet<>(listed),
                "MigraCorpusTest.CASES must list every folder of " + corpus + " (run it, or skip it with a reason)");
    }

    /**
     * a.sql towards b.sql; then, when the folder has an additions.sql, a.sql followed by it towards b.sql (migra
     * runs additions.sql on "a" before the diff its expected2.sql shows).
     */
    private static void check(PostgresServer server, Path folder, MigraCase migraCase) throws IOException, SQLException {
        String where = "migra/" + migraCase.folder() + " on " + server.label();
        converges(server, migraCase, where, read(folder.resolve("a.sql")), read(folder.resolve("b.sql")));
        String additions = read(folder.resolve("additions.sql"));
        if (!additions.isBlank()) {
            converges(server, migraCase, where + ", a.sql + additions.sql",
                    read(folder.resolve("a.sql")) + System.lineSeparator() + ";" + System.lineSeparator() + additions,
                    read(folder.resolve("b.sql")));
        }
    }

    private static void converges(PostgresServer server, MigraCase migraCase, String where, String from, String to)
            throws SQLException {
        ReusableThrowawayDatabases.Pair databases = DATABASES.resetPairFor(server);
        createFixtureRole(databases.current());
        run(databases.current(), from, where + ", starting script");
        run(databases.target(), to, where + ", b.sql");
        Comparison comparison = migraCase.comparison();
        Read target = Read.of(databases.target(), comparison);
        Read current = Read.of(databases.current(), comparison);
        MigrationPlan plan = convergeOnce(where, databases.current(), target, current, comparison);
        assertFalse(plan.isEmpty(), () -> where + ": the scripts differ but the plan is empty"
                + System.lineSeparator() + report(plan, target, current, List.of()));
    }

    /** A database's scoped model and the objects introspection left out. */
    record Read(Database model, List<String> unsupported) {

        static Read of(ReusableThrowawayDatabase database, Comparison comparison) throws SQLException {
            IntrospectionResult result = new PostgresIntrospector(comparison.introspection)
                    .introspectWithReport(database.connection());
            return new Read(comparison.scope(result.database()), result.unsupported());
        }
    }

    /** Plans the target from the current database, applies, and requires no difference and an empty re-plan. */
    private static MigrationPlan convergeOnce(String where, ReusableThrowawayDatabase database, Read target, Read current,
                                              Comparison comparison) throws SQLException {
        Database wanted = comparison.wanted(target.model(), current.model());
        MigrationPlan plan = MigrationPlanner.plan(wanted, current.model(), PlanOptions.ALLOW_DROPS);
        List<String> initial = SchemaDiff.compare(wanted, current.model()).changes().stream()
                .map(c -> c.describe()).toList();
        try {
            PlanExecutor.apply(database.connection(), plan);
        } catch (SQLException | RuntimeException e) {
            throw new AssertionError(where + ": the plan failed to apply: " + e.getMessage() + System.lineSeparator()
                    + report(plan, target, current, List.of()) + section("differences before the plan", initial), e);
        }
        Read after = Read.of(database, comparison);
        Database wantedAfter = comparison.wanted(target.model(), after.model());
        SchemaDiff remaining = SchemaDiff.compare(wantedAfter, after.model());
        if (!remaining.isEmpty()) {
            fail(where + ": the migrated database still differs from b.sql" + System.lineSeparator()
                    + report(plan, target, after, remaining.changes().stream().map(c -> c.describe()).toList())
                    + section("differences before the plan", initial));
        }
        // Objects the model leaves out are not compared, so convergence holds only if they match too.
        Set<String> onlyInTarget = new TreeSet<>(target.unsupported());
        after.unsupported().forEach(onlyInTarget::remove);
        Set<String> onlyInMigrated = new TreeSet<>(after.unsupported());
        target.unsupported().forEach(onlyInMigrated::remove);
        if (!onlyInTarget.isEmpty() || !onlyInMigrated.isEmpty()) {
            fail(where + ": the model converged, but objects the model does not cover differ (skip the folder with"
                    + " that reason)" + System.lineSeparator()
                    + section("left out, only in b.sql", List.copyOf(onlyInTarget))
                    + section("left out, only in the migrated database", List.copyOf(onlyInMigrated)));
        }
        MigrationPlan again = MigrationPlanner.plan(wantedAfter, after.model(), PlanOptions.ALLOW_DROPS);
        assertTrue(again.isEmpty() && again.skipped().isEmpty(), () -> where
                + ": the database converged, but planning again is not empty" + System.lineSeparator()
                + MigrationScenario.describePlan(again));
        return plan;
    }

    private static String report(MigrationPlan plan, Read target, Read current, List<String> remaining) {
        return MigrationScenario.describePlan(plan) + section("remaining differences", remaining)
                + section("left out of b's model (unsupported)", target.unsupported())
                + section("left out of the migrated database's model (unsupported)", current.unsupported());
    }

    private static String section(String title, List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(title + " (" + lines.size() + "):" + System.lineSeparator());
        lines.forEach(line -> text.append("  - ").append(line).append(System.lineSeparator()));
        return text.toString();
    }

    /** Roles are cluster-wide: create the fixtures' role once per server, tolerating a concurrent creation. */
    private static void createFixtureRole(ReusableThrowawayDatabase database) throws SQLException {
        try (Statement statement = database.connection().createStatement();
             ResultSet exists = statement.executeQuery(
                     "select 1 from pg_roles where rolname = '" + FIXTURE_ROLE + "'")) {
            if (exists.next()) {
                return;
            }
        }
        database.execute("DO $$ BEGIN CREATE ROLE " + FIXTURE_ROLE + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }

    private static void run(ReusableThrowawayDatabase database, String script, String what) throws SQLException {
        if (script.isBlank()) {
            return;
        }
        try {
            database.execute(script);
        } catch (SQLException e) {
            throw new SQLException(what + " failed on " + database + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** The corpus folder, or a skipped test (with where it was looked for) when this checkout does not have it. */
    static Path corpusOrSkip() {
        Optional<Path> corpus = findCorpus();
        assumeTrue(corpus.isPresent(), () -> "migra corpus not found: looked for shared/corpus/migra in "
                + Path.of(System.getProperty("user.dir")).toAbsolutePath() + " and every parent directory");
        return corpus.get();
    }

    /** Walks up from the working directory (the module directory under Maven) to a directory holding shared/corpus/migra. */
    static Optional<Path> findCorpus() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus").resolve("migra");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
