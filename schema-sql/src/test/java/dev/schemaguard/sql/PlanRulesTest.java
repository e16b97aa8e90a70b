package dev.schemaguard.sql;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Table;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule on a real plan: the old schema is created and filled (5,000 rows, analyzed: "big" with a threshold
 * of 1,000 rows), the new one created in a second database, the plan made between them for this server, the sizes
 * read from the old database, and the rules evaluated.
 */
class PlanRulesTest {

    private static final RuleOptions BIG_FROM_1000_ROWS = RuleOptions.DEFAULTS.withBigTable(1000, Long.MAX_VALUE);
    private static final String FILLED_T = """
            CREATE TABLE t (id int PRIMARY KEY, v int, w bigint);
            INSERT INTO t SELECT i, i, i FROM generate_series(1, 5000) i;
            ANALYZE t;
            """;

    /** One rule and a plan that breaks it. */
    record Case(PlanRule rule, String oldDdl, String newDdl, UnaryOperator<Database> declare) {
        Case(PlanRule rule, String oldDdl, String newDdl) {
            this(rule, oldDdl, newDdl, UnaryOperator.identity());
        }

        @Override
        public String toString() {
            return rule.code();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(PlanRule.SG101, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v bigint, w bigint);"),
                new Case(PlanRule.SG102, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint,"
                        + " n bigint GENERATED ALWAYS AS IDENTITY);"),
                new Case(PlanRule.SG102, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint,"
                        + " seen timestamptz DEFAULT clock_timestamp());"),
                new Case(PlanRule.SG103, FILLED_T, "CREATE UNLOGGED TABLE t (id int PRIMARY KEY, v int, w bigint);"),
                new Case(PlanRule.SG104, "CREATE TABLE p (id int PRIMARY KEY); INSERT INTO p VALUES (1);" + FILLED_T
                        + "UPDATE t SET v = 1; ANALYZE t;",
                        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int PRIMARY KEY, v int REFERENCES p, w bigint);"),
                new Case(PlanRule.SG105, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v int CHECK (v > 0), w bigint);"),
                new Case(PlanRule.SG106, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v int NOT NULL, w bigint);"),
                new Case(PlanRule.SG107, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint); CREATE INDEX t_v ON t (v);"),
                new Case(PlanRule.SG108, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v int UNIQUE, w bigint);"),
                new Case(PlanRule.SG109, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint,"
                        + " EXCLUDE USING btree (v WITH =));"),
                new Case(PlanRule.SG110, FILLED_T + "ALTER TABLE t ADD CONSTRAINT v_positive CHECK (v > 0) NOT VALID;",
                        "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint, CONSTRAINT v_positive CHECK (v > 0));"),
                new Case(PlanRule.SG111, FILLED_T + "CREATE INDEX t_v ON t (v);", "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint);"),
                new Case(PlanRule.SG112, "CREATE TABLE m (d date NOT NULL) PARTITION BY RANGE (d); CREATE TABLE m_feb (d date NOT NULL);"
                        + " INSERT INTO m_feb SELECT date '2006-02-01' FROM generate_series(1, 5000); ANALYZE m_feb;",
                        "CREATE TABLE m (d date NOT NULL) PARTITION BY RANGE (d);"
                                + " CREATE TABLE m_feb PARTITION OF m FOR VALUES FROM ('2006-02-01') TO ('2006-03-01');"),
                new Case(PlanRule.SG113, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint, note text);"),
                new Case(PlanRule.SG114, "CREATE TABLE p (id int PRIMARY KEY); INSERT INTO p VALUES (1);"
                        + " CREATE TABLE c (pid int REFERENCES p); INSERT INTO c SELECT 1 FROM generate_series(1, 5000); ANALYZE c;",
                        "CREATE TABLE p (id bigint PRIMARY KEY); CREATE TABLE c (pid int REFERENCES p);"),
                new Case(PlanRule.SG201, FILLED_T + "CREATE TABLE gone (id int);", "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint);"),
                new Case(PlanRule.SG202, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v int);"),
                new Case(PlanRule.SG203, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v int, w int);"),
                new Case(PlanRule.SG204, "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE t (m mood);",
                        "CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE t (m mood);"),
                new Case(PlanRule.SG205, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, value int, w bigint);",
                        onTable("t", t -> t.withColumns(t.columns().stream()
                                .map(c -> c.name().equals("value") ? c.withRenamedFrom("v") : c).toList()))),
                new Case(PlanRule.SG206, FILLED_T, "CREATE TABLE items (id int PRIMARY KEY, v int, w bigint);",
                        onTable("items", t -> t.withRenamedFrom("t"))),
                new Case(PlanRule.SG207, FILLED_T + "CREATE VIEW tv AS SELECT id, v FROM t;",
                        "CREATE TABLE t (id int PRIMARY KEY, v bigint, w bigint); CREATE VIEW tv AS SELECT id, v FROM t;"),
                new Case(PlanRule.SG208, FILLED_T + "CREATE SCHEMA old_stuff; CREATE TABLE old_stuff.x (id int);",
                        "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint);"),
                new Case(PlanRule.SG209, FILLED_T + "CREATE PUBLICATION rules_pub FOR TABLE t;",
                        "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint);"),
                new Case(PlanRule.SG210, FILLED_T + "ALTER TABLE t ADD CONSTRAINT t_v_key UNIQUE (v);",
                        "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint);"),
                new Case(PlanRule.SG211, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint, code text NOT NULL);"),
                new Case(PlanRule.SG301, FILLED_T + "CREATE TABLE other (id int);",
                        "CREATE TABLE t (id int PRIMARY KEY, v bigint, w bigint); CREATE TABLE other (id int, note text);"),
                new Case(PlanRule.SG302, FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint, note text);"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleFindsItsPlan(Case c) throws SQLException {
        List<RuleFinding> findings = findings(c.oldDdl(), c.newDdl(), c.declare(), BIG_FROM_1000_ROWS);
        assertTrue(findings.stream().anyMatch(f -> f.rule() == c.rule()), () -> c.rule() + " not found; found: "
                + findings.stream().map(RuleFinding::describe).collect(Collectors.joining("\n  ", "\n  ", "")));
    }

    @Test
    void everyRuleHasACase() {
        Set<PlanRule> covered = cases().map(Case::rule).collect(Collectors.toCollection(() -> EnumSet.noneOf(PlanRule.class)));
        assertEquals(EnumSet.allOf(PlanRule.class), covered);
        assertTrue(PlanRule.values().length >= 20);
    }

    @Test
    void docsListEveryRuleWithItsSeverity() throws java.io.IOException {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "rules.md"));
        for (PlanRule rule : PlanRule.values()) {
            assertTrue(docs.contains("| " + rule.code() + " | " + rule.severity().label() + " |"),
                    () -> "docs/rules.md does not list " + rule.code() + " as " + rule.severity().label());
        }
    }

    @Test
    void smallTablesBreakNoSizeRule() throws SQLException {
        List<RuleFinding> findings = findings(FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v bigint NOT NULL CHECK (v > 0),"
                + " w bigint); CREATE INDEX t_v ON t (v);", UnaryOperator.identity(), RuleOptions.DEFAULTS.withLockTimeoutSet(true));
        assertTrue(findings.isEmpty(), () -> findings.stream().map(RuleFinding::describe).collect(Collectors.joining("\n")));
    }

    @Test
    void withoutALiveDatabaseEveryExistingTableCountsAsBig() throws SQLException {
        List<RuleFinding> findings = findings(FILLED_T, "CREATE TABLE t (id int PRIMARY KEY, v int, w bigint); CREATE INDEX t_v ON t (v);",
                UnaryOperator.identity(), null);
        RuleFinding index = findings.stream().filter(f -> f.rule() == PlanRule.SG107).findFirst().orElseThrow();
        assertTrue(index.detail().contains("size unknown"), index.detail());
    }

    @Test
    void costOfARewriteCountsRowsAndBytes() throws SQLException {
        PostgresServer server = TestPostgres.primary();
        try (ThrowawayDatabase old = ThrowawayDatabase.create(server); ThrowawayDatabase target = ThrowawayDatabase.create(server)) {
            old.execute(FILLED_T);
            target.execute("CREATE TABLE t (id int PRIMARY KEY, v bigint, w bigint);");
            try (Connection connection = old.connect()) {
                MigrationPlan plan = plan(old, target, UnaryOperator.identity(), server);
                RelationSizes sizes = RelationSizes.read(connection, plan);
                PlanStatement retype = plan.statements().stream().filter(s -> s.sql().contains("TYPE bigint")).findFirst().orElseThrow();
                StatementCost cost = sizes.cost(retype);
                assertEquals(5000, cost.rows().orElseThrow());
                assertTrue(cost.bytes().orElseThrow() > 5000 * 8, () -> "bytes " + cost.bytes());
                String line = cost.describe(retype.locks()).get(0);
                assertTrue(line.matches("rewrites public\\.t \\(~\\d+ kB, ~5\\.0k rows\\) under ACCESS EXCLUSIVE"), line);
            }
        }
    }

    @Test
    void aNeverAnalyzedTableHasNoRowEstimate() throws SQLException {
        PostgresServer server = TestPostgres.primary();
        try (ThrowawayDatabase old = ThrowawayDatabase.create(server); Connection connection = old.connect()) {
            old.execute("CREATE TABLE fresh (id int); INSERT INTO fresh SELECT generate_series(1, 100);");
            RelationSize size = RelationSizes.read(connection, List.of(new dev.schemaguard.model.QualifiedName("public", "fresh")))
                    .of(new dev.schemaguard.model.QualifiedName("public", "fresh")).orElseThrow();
            assertFalse(size.analyzed());
            assertTrue(size.tableBytes() > 0);
        }
    }

    /** The findings on the plan from {@code oldDdl} to {@code newDdl}; {@code options} null: no live database. */
    private static List<RuleFinding> findings(String oldDdl, String newDdl, UnaryOperator<Database> declare, RuleOptions options)
            throws SQLException {
        PostgresServer server = TestPostgres.primary();
        try (ThrowawayDatabase old = ThrowawayDatabase.create(server); ThrowawayDatabase target = ThrowawayDatabase.create(server)) {
            old.execute(oldDdl);
            target.execute(newDdl);
            MigrationPlan plan = plan(old, target, declare, server);
            if (options == null) {
                return PlanRules.evaluate(plan, RelationSizes.UNKNOWN, RuleOptions.DEFAULTS);
            }
            try (Connection connection = old.connect()) {
                return PlanRules.evaluate(plan, RelationSizes.read(connection, plan), options);
            }
        }
    }

    private static MigrationPlan plan(ThrowawayDatabase old, ThrowawayDatabase target, UnaryOperator<Database> declare,
                                      PostgresServer server) throws SQLException {
        PostgresIntrospector introspector = new PostgresIntrospector(IntrospectionOptions.ALL);
        Database actual;
        Database expected;
        try (Connection a = old.connect(); Connection e = target.connect()) {
            actual = introspector.introspect(a);
            expected = declare.apply(introspector.introspect(e));
        }
        return MigrationPlanner.plan(expected, actual, PlanOptions.ALLOW_DROPS.forServer(server.majorVersion()));
    }

    private static UnaryOperator<Database> onTable(String table, UnaryOperator<Table> change) {
        return database -> database.withSchemas(database.schemas().stream().map(schema -> schema.name().equals("public")
                ? schema.withTables(schema.tables().stream().map(t -> t.name().equals(table) ? change.apply(t) : t).toList())
                : schema).toList());
    }
}
