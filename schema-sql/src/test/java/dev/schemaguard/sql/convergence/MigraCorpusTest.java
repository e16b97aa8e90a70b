package dev.schemaguard.sql.convergence;

import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PlanOptions;
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
import java.sql.SQLException;
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
 * migra's fixture pairs ({@code shared/corpus/migra/<case>/a.sql, b.sql}) as acceptance data: for each folder
 * whose changes this model covers (tables, columns, constraints, indexes, row-level security, policies,
 * comments), load a.sql and b.sql into two databases, plan b from a, apply, and require that nothing differs.
 * Every other folder is listed below with the reason it is not run yet and reported as skipped.
 *
 * <p>A fixture may contain objects the model does not read (a trigger, say) as long as they are identical on
 * both sides and the plan does not have to touch them: then they neither show up in the diff nor block the DDL.
 * {@code additions.sql} (statements migra runs on "a" before a second diff) is empty for every folder that runs.
 */
class MigraCorpusTest {

    private static final ScratchDatabases DATABASES = new ScratchDatabases();

    @AfterAll
    static void dropScratchDatabases() throws SQLException {
        DATABASES.close();
    }

    /** One fixture folder: run it (with these options) or skip it for the stated reason. */
    record MigraCase(String folder, IntrospectionOptions introspection, PlanOptions options, String skipReason) {

        static MigraCase runs(String folder) {
            return new MigraCase(folder, IntrospectionOptions.ALL, PlanOptions.ALLOW_DROPS, null);
        }

        static MigraCase skipped(String folder, String reason) {
            return new MigraCase(folder, IntrospectionOptions.ALL, PlanOptions.ALLOW_DROPS, reason);
        }

        MigraCase introspecting(IntrospectionOptions options) {
            return new MigraCase(folder, options, this.options, skipReason);
        }

        boolean isSkipped() {
            return skipReason != null;
        }
    }

    /** Every folder of the corpus, decided by reading its a.sql and b.sql. Drops are allowed, as migra plans them. */
    static final List<MigraCase> CASES = List.of(
            MigraCase.skipped("collations", "drops the collation object posix and needs collation objects"
                    + " (CREATE COLLATION): later issue"),
            MigraCase.skipped("constraints", "needs exclusion constraints (EXCLUDE USING gist) and a DEFERRABLE"
                    + " primary key added USING INDEX, neither of which the model has yet"),
            MigraCase.skipped("dependencies", "needs views and functions (views dropped and changed): later issue"),
            MigraCase.skipped("dependencies2", "needs views (table x.data replaced by a view of that name): later issue"),
            MigraCase.skipped("dependencies3", "needs views and materialized views (a view becomes a materialized"
                    + " view; a view changes): later issue"),
            MigraCase.skipped("dependencies4", "needs views and materialized views with an index: later issue"),
            MigraCase.skipped("enumdefaults", "needs enums (a value added; a column moves to another enum): later issue"),
            MigraCase.skipped("enumdeps", "needs enums (a value added under dependent views): later issue"),
            MigraCase.skipped("everything", "needs extensions, enums, views, materialized views, functions,"
                    + " unlogged tables and privileges: later issue"),
            // migra compares this one with schema excludedschema left out; so do we.
            MigraCase.runs("excludeschema").introspecting(IntrospectionOptions.ALL.excluding("excludedschema")),
            MigraCase.skipped("extversions", "needs extensions and their versions: later issue"),
            MigraCase.runs("generated"),
            MigraCase.runs("generated_added"),
            MigraCase.runs("identitycols"),
            MigraCase.skipped("inherit", "needs table inheritance (INHERITS): later issue"),
            MigraCase.skipped("inherit2", "needs table inheritance (INHERITS, inherited columns): later issue"),
            MigraCase.skipped("partitioning", "needs partitioned tables and partitions: later issue"),
            MigraCase.skipped("privileges", "needs privileges (GRANT/REVOKE), views, functions and extensions:"
                    + " later issue"),
            MigraCase.runs("rls"),
            MigraCase.runs("rls2"),
            MigraCase.skipped("seq", "needs standalone sequences (CREATE SEQUENCE, nextval defaults on sequences"
                    + " no column owns): later issue"),
            MigraCase.skipped("singleschema", "needs enums, views and extensions (schema goodschema only):"
                    + " later issue"),
            MigraCase.skipped("singleschema_ext", "needs extensions (only extensions are compared): later issue"),
            MigraCase.skipped("triggers", "needs triggers (the only changes are to triggers): later issue"),
            // Only table2.t is dropped; the function and triggers are the same in a.sql and b.sql.
            MigraCase.runs("triggers2"),
            MigraCase.skipped("triggers3", "needs views (the view gains a column) and triggers on views: later issue"));

    @TestFactory
    Stream<DynamicTest> fixturesConvergeOnEveryServer() {
        Path corpus = corpusOrSkip();
        List<PostgresServer> servers = TestPostgres.all();
        List<DynamicTest> tests = new ArrayList<>();
        for (MigraCase migraCase : CASES) {
            if (migraCase.isSkipped()) {
                tests.add(dynamicTest("migra/" + migraCase.folder() + " (skipped)",
                        () -> assumeTrue(false, "migra/" + migraCase.folder() + ": " + migraCase.skipReason())));
                continue;
            }
            for (PostgresServer server : servers) {
                tests.add(dynamicTest("[PG " + server.majorVersion() + "] migra/" + migraCase.folder(),
                        () -> check(server, corpus.resolve(migraCase.folder()), migraCase)));
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

    private static void check(PostgresServer server, Path folder, MigraCase migraCase) throws IOException, SQLException {
        String additions = read(folder.resolve("additions.sql"));
        assertTrue(additions.isBlank(), folder + "/additions.sql is not empty: this runner does not apply it;"
                + " extend the runner before running this fixture");
        MigrationScenario scenario = MigrationScenario.load(DATABASES.resetPairFor(server),
                read(folder.resolve("a.sql")), read(folder.resolve("b.sql")), migraCase.introspection());
        String where = "migra/" + migraCase.folder() + " on " + server.label();
        MigrationScenario.Step step = scenario.migrate(migraCase.options());
        assertFalse(step.plan().isEmpty(), () -> where + ": a.sql and b.sql differ but the plan is empty"
                + System.lineSeparator() + step.report());
        if (!step.remaining().isEmpty()) {
            fail(where + ": the migrated database still differs from b.sql" + System.lineSeparator() + step.report());
        }
        ConvergenceTest.assertConverged(where, step, migraCase.options());
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
