package dev.schemaguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.CanonicalSchema;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.IntrospectionResult;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanExecutor;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.sql.ThrowawayDatabaseOnServer;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import dev.schemaguard.yaml.YamlSchemaReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The public real-world corpus ({@code ../shared/corpus/realworld}: ten product schemas other people wrote), used
 * the way a user would use schemaguard on them. Each entry is loaded as its README says (setup.sql, then
 * schema.sql, with psql) on every test server its README table says it loads on, and then:
 * <ol>
 *   <li>{@code snapshot} of the loaded database, then {@code check} of the database against that snapshot: exit 0,
 *   and no warning on either (nothing left out, no fallback of the canonical comparison);</li>
 *   <li>the plan from an empty database to the loaded one applies in one transaction and leaves no difference;</li>
 *   <li>{@code baseline --apply} of the snapshot builds a database equal to the loaded one;</li>
 *   <li>{@code check} of the loaded database against setup.sql + schema.sql as a {@code .sql} source, run in the
 *   sandbox of an embedded server: exit 0.</li>
 * </ol>
 * Skipped with a reason when the corpus or psql is not there.
 */
class RealWorldCorpusTest {

    private static final Path CORPUS = Path.of("..", "..", "shared", "corpus", "realworld");
    /** The README's table row: {@code | [name](name/SOURCE.md) | ... | min PG |}, the last cell starting with the version. */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| \\[(\\w+)]\\(\\w+/SOURCE\\.md\\) \\|.*\\| (\\d+)[^|]*\\|\\s*$");

    /**
     * Entries whose schema.sql does what the sandbox of .sql sources must refuse (docs/cli.md): supabase_storage
     * creates roles and changes their settings in DO blocks (EXECUTE 'ALTER USER ... SET search_path'), which needs
     * CREATEROLE, and with it the power to become superuser on PostgreSQL 15 and older.
     */
    private static final Map<String, String> SANDBOX_REFUSALS = Map.of(
            "supabase_storage", "ALTER USER supabase_storage_admin SET search_path, run by EXECUTE in a DO block");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyEntryRoundTripsOnEveryServerItLoadsOn() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "no real-world corpus at " + CORPUS.toAbsolutePath().normalize()
                + " (../shared beside the checkout)");
        Optional<Path> psql = CorpusLoader.psql();
        assumeTrue(psql.isPresent(), "no psql to load the corpus with (PATH or /usr/lib/postgresql/*/bin)");
        Map<String, Integer> entries = entries();
        assertTrue(entries.size() >= 10, "the corpus README lists " + entries.keySet());
        List<DynamicTest> tests = new ArrayList<>();
        for (PostgresServer server : TestPostgres.all()) {
            entries.forEach((name, minimum) -> tests.add(dynamicTest("[PG " + server.majorVersion() + "] " + name, () -> {
                assumeTrue(server.majorVersion() >= minimum, name + " loads on PostgreSQL " + minimum + " and later");
                roundTrip(psql.get(), server, name);
            })));
        }
        return tests.stream();
    }

    private void roundTrip(Path psql, PostgresServer server, String name) throws Exception {
        String where = name + " on " + server.label();
        Path entry = CORPUS.resolve(name);
        try (ThrowawayDatabase loaded = ThrowawayDatabase.create(server);
             ThrowawayDatabase planned = ThrowawayDatabase.create(server);
             ThrowawayDatabase baseline = ThrowawayDatabase.create(server)) {
            CorpusLoader.load(psql, loaded, entry, where);
            String devDb = server.adminJdbcUrl();

            Path snapshot = temp.resolve(name + "-" + server.majorVersion() + ".yaml");
            CliRun snapshotRun = CliRun.of("snapshot", "--dev-db", devDb, "--db", loaded.jdbcUrl(), "--output", snapshot.toString());
            assertEquals(0, snapshotRun.exitCode(), where + ": snapshot\n" + snapshotRun);
            assertNoWarning(snapshotRun, where + ": snapshot");
            CliRun check = CliRun.of("check", "--dev-db", devDb, "--db", loaded.jdbcUrl(), "--expected", snapshot.toString());
            assertEquals(0, check.exitCode(), where + ": check against its own snapshot\n" + check);
            assertNoWarning(check, where + ": check against its own snapshot");

            Database model = read(loaded, where);
            // that check needs no throwaway build (the snapshot equals the database); a build must agree all the same
            try (ThrowawayDatabaseOnServer throwaway = ThrowawayDatabaseOnServer.create(devDb, new java.util.Properties())) {
                assertNoDifference(CanonicalSchema.canonicalize(YamlSchemaReader.read(snapshot), throwaway), model,
                        where + ": the snapshot built in a throwaway database");
            }
            MigrationPlan plan = MigrationPlanner.plan(model, read(planned, where), PlanOptions.SAFE);
            try (Connection connection = planned.connect()) {
                PlanExecutor.apply(connection, plan);
            } catch (SQLException e) {
                throw new AssertionError(where + ": the plan from an empty database failed: " + e.getMessage(), e);
            }
            assertNoDifference(model, read(planned, where), where + ": after the plan from an empty database");

            CliRun apply = CliRun.of("baseline", "--dev-db", devDb, "--expected", snapshot.toString(), "--apply",
                    "--db", baseline.jdbcUrl());
            assertEquals(0, apply.exitCode(), where + ": baseline --apply of the snapshot\n" + apply);
            assertNoDifference(model, read(baseline, where), where + ": after baseline --apply of the snapshot");

            Path script = temp.resolve(name + ".sql");
            Files.writeString(script, Files.readString(entry.resolve("setup.sql")) + "\n;\n"
                    + Files.readString(entry.resolve("schema.sql")));
            // on an embedded server of the same version, as a user without --dev-db runs it: the test server has the
            // corpus's roles already, and the sandbox gets no rights over roles it did not create
            CliRun sqlSource = CliRun.withEmbeddedDefault("check", "--db", loaded.jdbcUrl(), "--expected", script.toString());
            String refusal = SANDBOX_REFUSALS.get(name);
            if (refusal != null) {
                assertEquals(3, sqlSource.exitCode(), where + ": the sandbox refuses " + refusal + "\n" + sqlSource);
                assertTrue(sqlSource.err().contains(name + ".sql:") && sqlSource.err().contains("permission denied"),
                        where + ": the refusal is located and says why\n" + sqlSource);
                return;
            }
            assertEquals(0, sqlSource.exitCode(), where + ": check against setup.sql + schema.sql as a .sql source\n" + sqlSource);
        }
    }

    /** Every schema but the system ones, as the CLI reads a database on its own; nothing may be left out. */
    private static Database read(ThrowawayDatabase database, String where) throws SQLException {
        try (Connection connection = database.connect()) {
            IntrospectionResult result = new PostgresIntrospector(IntrospectionOptions.ALL).introspectWithReport(connection);
            assertEquals(List.of(), result.unsupported(), where + ": introspection left objects out of " + database.name());
            return result.database();
        }
    }

    private static void assertNoDifference(Database expected, Database actual, String where) {
        List<String> differences = SchemaDiff.compare(expected, actual).changes().stream()
                .map(SchemaChange::describe).toList();
        assertEquals(List.of(), differences, where);
    }

    private static void assertNoWarning(CliRun run, String where) {
        List<String> warnings = run.err().lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT).contains("warn"))
                .toList();
        assertEquals(List.of(), warnings, where + ": warnings\n" + run);
    }


    /** Entry names with the oldest PostgreSQL major version each loads on, from the README's table. */
    private static Map<String, Integer> entries() throws IOException {
        Map<String, Integer> entries = new TreeMap<>();
        for (String line : Files.readAllLines(CORPUS.resolve("README.md"))) {
            Matcher row = TABLE_ROW.matcher(line);
            if (row.matches()) {
                entries.put(row.group(1), Integer.parseInt(row.group(2)));
            }
        }
        return entries;
    }

}
