package dev.schemaguard.sql.convergence;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.sql.Hazard;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.LockMode;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PlanStatement;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static dev.schemaguard.sql.convergence.ConvergenceCase.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The convergence cases once more with {@link PlanOptions#online()}: the online plan converges, every statement takes
 * the locks declared for it (a statement planned outside a transaction is measured by the lock it waits for while
 * another session holds the table), and the recipe holds: no statement builds an index or checks a constraint's rows
 * on a table that exists before the plan under a lock stronger than SHARE UPDATE EXCLUSIVE, unless it says it has no
 * online recipe ({@link Hazard#NOT_ONLINE}). Run are the case groups that touch indexes, keys, checks, foreign keys
 * and NOT NULL (the online recipes change nothing else), and the online cases below, with rows in their tables.
 */
class OnlineConvergenceTest {

    private static final ReusableThrowawayDatabases DATABASES = new ReusableThrowawayDatabases();

    @AfterAll
    static void dropThrowawayDatabases() throws SQLException {
        DATABASES.close();
    }

    /**
     * The case groups the online recipes change plans of, and the online cases; with {@code -Donline.allCases=true},
     * every convergence case (a longer run, for when the recipes change).
     */
    static List<ConvergenceCase> cases() {
        List<ConvergenceCase> cases = new ArrayList<>(onlineCases());
        if (Boolean.getBoolean("online.allCases")) {
            cases.addAll(ConvergenceCases.all());
            return cases;
        }
        cases.addAll(ConvergenceCases.defaultsAndNullability());
        cases.addAll(ConvergenceCases.primaryKeys());
        cases.addAll(ConvergenceCases.uniqueAndCheck());
        cases.addAll(ConvergenceCases.foreignKeys());
        cases.addAll(ConvergenceCases.indexes());
        cases.addAll(ConvergenceCases.partitions());
        cases.addAll(ConvergenceCases.inheritance());
        return cases;
    }

    private static final String ROWS = """
            create table parent (id int primary key, code text);
            insert into parent values (1, 'a'), (2, 'b');
            create table child (id int, parent_id int, n int, note text);
            insert into child values (1, 1, 10, 'x'), (2, 2, 20, 'y'), (3, null, 30, null);
            """;

    /** One case per recipe, each on tables holding rows that must survive. */
    static List<ConvergenceCase> onlineCases() {
        return List.of(
                of("online: an index and a unique index added to a table with rows", ROWS,
                        ROWS + "create index child_n_idx on child (n); create unique index child_id_idx on child (id);")
                        .keepingRows("select id, n from child order by id", "1 10", "2 20", "3 30"),
                of("online: an index dropped and one changed on a table with rows",
                        ROWS + "create index child_n_idx on child (n); create index child_note_idx on child (note);",
                        ROWS + "create index child_n_idx on child (n desc);")
                        .keepingRows("select count(*) from child", "3"),
                of("online: a foreign key and a check added to tables with rows", ROWS,
                        ROWS.replace("n int, note text)", "n int, note text, constraint child_parent_fk foreign key"
                                + " (parent_id) references parent (id), constraint child_n_check check (n > 0))"))
                        .keepingRows("select id, parent_id from child order by id", "1 1", "2 2", "3 null"),
                of("online: NOT NULL set on a column with rows", ROWS,
                        ROWS.replace("n int, note text)", "n int not null, note text)"))
                        .keepingRows("select id, n from child order by id", "1 10", "2 20", "3 30"),
                of("online: a unique constraint and a primary key added to a table with rows", ROWS,
                        ROWS.replace("create table child (id int,", "create table child (id int primary key,")
                                .replace("n int, note text)", "n int, note text, constraint child_n_key unique (n))"))
                        .keepingRows("select id, n from child order by id", "1 10", "2 20", "3 30"),
                of("online: a deferrable unique constraint replaces a plain one", """
                                create table t (id int primary key, code text constraint t_code_key unique);
                                insert into t values (1, 'a'), (2, 'b');
                                """, """
                                create table t (id int primary key, code text constraint t_code_key unique deferrable initially deferred);
                                insert into t values (1, 'a'), (2, 'b');
                                """)
                        .keepingRows("select id, code from t order by id", "1 a", "2 b"),
                of("online: an index, a foreign key and a unique key on a partitioned table fall back to the plain statements", """
                                create table r (id int primary key);
                                insert into r values (1);
                                create table p (at int not null, r_id int) partition by range (at);
                                create table p1 partition of p for values from (0) to (10);
                                insert into p values (1, 1);
                                """, """
                                create table r (id int primary key);
                                insert into r values (1);
                                create table p (at int not null, r_id int, constraint p_r_fk foreign key (r_id) references r (id),
                                                constraint p_key unique (at)) partition by range (at);
                                create table p1 partition of p for values from (0) to (10);
                                create index p_r_idx on p (r_id);
                                insert into p values (1, 1);
                                """)
                        .keepingRows("select at, r_id from p", "1 1"),
                of("online: a new table gets its index and foreign key inside the transaction", "create table parent (id int primary key);",
                        "create table parent (id int primary key); create table kid (id int primary key,"
                                + " parent_id int references parent (id) not null); create index kid_parent_idx on kid (parent_id);"),
                of("online: NOT NULL helper checks do not collide with a constraint named like them", """
                                create table t (id int primary key, a int, constraint t_a_not_null_helper check (id > 0));
                                insert into t values (1, 1);
                                """, """
                                create table t (id int primary key, a int not null, constraint t_a_not_null_helper check (id > 0));
                                insert into t values (1, 1);
                                """)
                        .keepingRows("select id, a from t", "1 1"),
                of("online: NOT NULL on two columns with 63-byte names, whose helper names are shortened alike",
                        "create table \"" + ConvergenceCases.LONG_TABLE + "\" (\"" + ConvergenceCases.LONG_COLUMN + "\" int,"
                                + " \"" + ConvergenceCases.LONG_COLUMN.substring(0, 62) + "m\" int, \"" + ConvergenceCases.LONG_JAPANESE + "\" int);"
                                + " insert into \"" + ConvergenceCases.LONG_TABLE + "\" values (1, 2, 3);",
                        "create table \"" + ConvergenceCases.LONG_TABLE + "\" (\"" + ConvergenceCases.LONG_COLUMN + "\" int not null,"
                                + " \"" + ConvergenceCases.LONG_COLUMN.substring(0, 62) + "m\" int not null, \"" + ConvergenceCases.LONG_JAPANESE
                                + "\" int not null); insert into \"" + ConvergenceCases.LONG_TABLE + "\" values (1, 2, 3);")
                        .keepingRows("select * from \"" + ConvergenceCases.LONG_TABLE + "\"", "1 2 3"));
    }

    @TestFactory
    Stream<DynamicTest> everyIndexAndConstraintCaseConvergesOnlineOnEveryServer() {
        List<PostgresServer> servers = TestPostgres.all();
        String only = System.getProperty("convergence.cases", "");
        return cases().stream().filter(c -> c.name().contains(only)).flatMap(convergenceCase -> servers.stream().map(server ->
                dynamicTest("[PG " + server.majorVersion() + "] online: " + convergenceCase.name(),
                        () -> checkOnline(server, convergenceCase))));
    }

    @TestFactory
    Stream<DynamicTest> recipesFailCleanlyOnViolatingRowsAndConvergeOnceFixed() {
        return TestPostgres.all().stream().flatMap(server -> Stream.of(
                dynamicTest("[PG " + server.majorVersion() + "] NOT NULL on a column holding a null", () -> failsThenConverges(server, """
                                create table t (id int primary key, a int);
                                insert into t values (1, 1), (2, null);
                                """, "create table t (id int primary key, a int not null);",
                        "update t set a = 0 where a is null", "VALIDATE CONSTRAINT")),
                dynamicTest("[PG " + server.majorVersion() + "] a unique constraint over repeated values", () -> failsThenConverges(server, """
                                create table t (id int primary key, a int);
                                insert into t values (1, 1), (2, 1);
                                """, "create table t (id int primary key, a int constraint t_a_key unique);",
                        "update t set a = id", "CREATE UNIQUE INDEX CONCURRENTLY")),
                dynamicTest("[PG " + server.majorVersion() + "] a unique index over repeated values", () -> failsThenConverges(server, """
                                create table t (id int primary key, a int);
                                insert into t values (1, 1), (2, 1);
                                """, "create table t (id int primary key, a int); create unique index t_a_idx on t (a);",
                        "update t set a = id", "CREATE UNIQUE INDEX CONCURRENTLY")),
                dynamicTest("[PG " + server.majorVersion() + "] a foreign key to a missing row", () -> failsThenConverges(server, """
                                create table p (id int primary key);
                                create table t (id int primary key, p_id int);
                                insert into p values (1);
                                insert into t values (1, 1), (2, 2);
                                """, """
                                create table p (id int primary key);
                                create table t (id int primary key, p_id int references p (id));
                                """, "delete from t where p_id = 2", "VALIDATE CONSTRAINT"))));
    }

    /**
     * The online plan from {@code oldDdl} (rows breaking the new rule) to {@code newDdl} fails at the statement
     * starting with, or containing, {@code failingStep}; what it left behind (an invalid index, a NOT VALID
     * constraint or helper check) is found by the next plan, which, once {@code fix} has repaired the rows, converges
     * and leaves no invalid index behind.
     */
    private static void failsThenConverges(PostgresServer server, String oldDdl, String newDdl, String fix, String failingStep)
            throws SQLException {
        MigrationScenario scenario = MigrationScenario.load(DATABASES.resetPairFor(server), oldDdl, newDdl, IntrospectionOptions.ALL);
        PlanOptions online = PlanOptions.SAFE.withOnline(true);
        AssertionError failure = assertThrows(AssertionError.class, () -> scenario.migrateMeasuringLocks(online),
                "the online plan should fail on the rows that break the new rule");
        assertTrue(failure.getMessage().contains(failingStep.equals("VALIDATE CONSTRAINT") ? "violat" : "could not create unique index"),
                () -> "the plan failed for another reason than the rows: " + failure.getMessage());
        scenario.execute("select 1"); // read what the failed plan left behind
        if (failingStep.startsWith("CREATE UNIQUE INDEX")) {
            assertTrue(invalidIndexes(scenario.currentModel()) > 0, "a failed concurrent build leaves an invalid index,"
                    + " which introspection must show");
        }
        scenario.execute(fix);
        MigrationScenario.Step step = scenario.migrateMeasuringLocks(online);
        if (failingStep.startsWith("CREATE UNIQUE INDEX")) {
            assertTrue(step.plan().statements().stream().anyMatch(s -> s.sql().startsWith("DROP INDEX CONCURRENTLY IF EXISTS")),
                    () -> "the plan after a failed concurrent build should drop the invalid index first"
                            + System.lineSeparator() + step.report());
        }
        ConvergenceTest.assertConverged(server.label(), step, online);
        assertOnlineRecipes(server.label(), step);
        assertEquals(List.of("0"), scenario.rows("select count(*) from pg_index where not indisvalid"),
                "an invalid index is left behind");
        assertEquals(List.of("0"), scenario.rows("select count(*) from pg_constraint where not convalidated"),
                "a NOT VALID constraint or helper check is left behind");
    }

    private static long invalidIndexes(Database model) {
        return model.schemas().stream().flatMap(s -> s.tables().stream()).flatMap(t -> t.indexes().stream())
                .filter(index -> !index.valid()).count();
    }

    static void checkOnline(PostgresServer server, ConvergenceCase convergenceCase) throws SQLException {
        assumeTrue(server.majorVersion() >= convergenceCase.minimumServerVersion(), () -> "case '"
                + convergenceCase.name() + "' needs PostgreSQL " + convergenceCase.minimumServerVersion());
        MigrationScenario scenario = MigrationScenario.load(DATABASES.resetPairFor(server),
                convergenceCase.oldDdl(), convergenceCase.newDdl(), IntrospectionOptions.ALL);
        String where = "online case '" + convergenceCase.name() + "' on " + server.label();
        scenario.declare(convergenceCase.declarations());
        SchemaDiff initial = SchemaDiff.compare(scenario.targetModel(), scenario.currentModel());
        MigrationScenario.Step first = scenario.migrateMeasuringLocks(convergenceCase.options().withOnline(true));
        if (initial.isEmpty()) {
            assertTrue(first.plan().isEmpty(), () -> where + ": the models are equal, yet the plan is not empty"
                    + System.lineSeparator() + first.report());
            return;
        }
        assertOnlineRecipes(where, first);
        boolean holdsBack = convergenceCase.expectation() == ConvergenceCase.Expectation.HOLDS_BACK_UNSAFE_CHANGES;
        if (holdsBack) {
            assertFalse(first.plan().skipped().isEmpty(), () -> where + ": nothing held back" + System.lineSeparator() + first.report());
        }
        PlanOptions online = holdsBack ? PlanOptions.ALLOW_DROPS.withOnline(true) : convergenceCase.options().withOnline(true);
        MigrationScenario.Step step = holdsBack ? scenario.migrateMeasuringLocks(online) : first;
        if (holdsBack) {
            assertOnlineRecipes(where + " (second step, allowing drops)", step);
        }
        ConvergenceTest.assertConverged(where, step, online);
        if (convergenceCase.rowsQuery() != null) {
            assertEquals(convergenceCase.rows(), scenario.rows(convergenceCase.rowsQuery()),
                    () -> where + ": the rows did not survive" + System.lineSeparator() + step.report());
        }
        if (convergenceCase.name().contains("partitioned table fall back")) {
            assertTrue(step.plan().statements().stream().filter(s -> s.has(Hazard.NOT_ONLINE)).count() >= 3,
                    () -> where + ": the index, the foreign key and the unique key of the partitioned table should say"
                            + " they are not online" + System.lineSeparator() + step.report());
        }
        if (convergenceCase.name().startsWith("online: a new table")) {
            assertTrue(step.plan().statements().stream().allMatch(PlanStatement::transactional)
                            && step.plan().statements().stream().noneMatch(s -> s.has(Hazard.NOT_ONLINE)),
                    () -> where + ": a table the plan creates needs no online recipe" + System.lineSeparator() + step.report());
        }
    }

    /**
     * The point of the recipes, on the tables that exist before the plan (and are not created again by it): an
     * index is built or dropped concurrently, a constraint's rows are checked by VALIDATE CONSTRAINT, and both hold
     * at most SHARE UPDATE EXCLUSIVE; a statement that still builds an index or checks rows under a stronger lock says
     * so ({@link Hazard#NOT_ONLINE}). The locks are the measured ones: {@code assertConverged} compares them.
     */
    static void assertOnlineRecipes(String where, MigrationScenario.Step step) {
        Set<QualifiedName> existing = tablesOf(step.before());
        List<PlanStatement> statements = step.plan().statements();
        existing.removeIf(table -> statements.stream().anyMatch(s -> createsOrDrops(s.sql(), table)));
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            PlanStatement statement = statements.get(i);
            String sql = statement.sql().toUpperCase(Locale.ROOT);
            boolean onExisting = existing.stream().anyMatch(table -> targets(sql, table));
            if (!onExisting) {
                continue;
            }
            boolean concurrent = sql.contains("INDEX CONCURRENTLY");
            boolean validate = sql.contains(" VALIDATE CONSTRAINT ");
            if (concurrent || validate) {
                statement.strongestLock().filter(mode -> mode.compareTo(LockMode.SHARE_UPDATE_EXCLUSIVE) > 0)
                        .ifPresent(mode -> problems.add(statement.sql() + " takes " + mode));
                if (concurrent == statement.transactional()) {
                    problems.add(statement.sql() + (concurrent ? " is planned inside a transaction"
                            : " is planned outside a transaction"));
                }
                continue;
            }
            boolean blockingBuild = sql.startsWith("CREATE INDEX ") || sql.startsWith("CREATE UNIQUE INDEX ")
                    || (sql.contains(" ADD CONSTRAINT ") && !sql.contains(" NOT VALID") && !sql.contains(" USING INDEX "))
                    || (sql.endsWith(" SET NOT NULL") && (i == 0 || !statements.get(i - 1).sql().contains(" VALIDATE CONSTRAINT ")));
            if (blockingBuild && !statement.has(Hazard.NOT_ONLINE)) {
                problems.add(statement.sql() + " builds an index or checks rows under " + statement.strongestLock()
                        .map(LockMode::toString).orElse("no lock") + " without an online recipe and without saying so");
            }
        }
        if (!problems.isEmpty()) {
            fail(where + ": the online plan does not keep the table serving:" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", problems) + System.lineSeparator()
                    + MigrationScenario.describePlan(step.plan()));
        }
    }

    /** Whether {@code upperSql} alters {@code table} or builds an index on it (rather than only referencing it). */
    private static boolean targets(String upperSql, QualifiedName table) {
        String name = table.sql().toUpperCase(Locale.ROOT);
        return upperSql.startsWith("ALTER TABLE " + name + " ") || upperSql.startsWith("ALTER TABLE ONLY " + name + " ")
                || upperSql.contains(" ON " + name + " ") || upperSql.contains(" ON ONLY " + name + " ");
    }

    private static boolean createsOrDrops(String sql, QualifiedName table) {
        String upper = sql.toUpperCase(Locale.ROOT);
        String name = table.sql().toUpperCase(Locale.ROOT);
        return upper.startsWith("CREATE TABLE " + name + " ") || upper.startsWith("CREATE UNLOGGED TABLE " + name + " ")
                || upper.startsWith("DROP TABLE " + name) || upper.startsWith("ALTER TABLE " + name + " RENAME TO ")
                || upper.matches("ALTER TABLE .* RENAME TO " + java.util.regex.Pattern.quote(
                        dev.schemaguard.model.Identifiers.quote(table.name()).toUpperCase(Locale.ROOT)));
    }

    private static Set<QualifiedName> tablesOf(Database database) {
        Set<QualifiedName> tables = new HashSet<>();
        for (Schema schema : database.schemas()) {
            for (Table table : schema.tables()) {
                tables.add(QualifiedName.of(schema.name(), table.name()));
            }
        }
        return tables;
    }
}
