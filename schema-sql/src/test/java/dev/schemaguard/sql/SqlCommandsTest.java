package dev.schemaguard.sql;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.testkit.ThrowawayDatabase;
import dev.schemaguard.testkit.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static dev.schemaguard.model.DataTypes.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlCommandsTest {

    @Test
    void oneCommandWhateverItsStringsAndCommentsHold() {
        for (String sql : List.of(
                "SELECT 1",
                "SELECT 1;",
                "SELECT 1; -- done; really",
                "SELECT ';'",
                "SELECT 'it''s; fine'",
                "SELECT E'\\'; still a string'",
                "SELECT \"a;b\" FROM t",
                "SELECT \"a\"\";b\" FROM t",
                "SELECT $$ ; $$",
                "SELECT $body$ $$ ; $$ $body$",
                "SELECT 1 /* ; /* nested ; */ still ; */",
                "SELECT U&'\\0041;'",
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END",
                "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END;",
                "SELECT a$b$ FROM t")) {
            assertTrue(SqlCommands.isOne(sql), sql);
        }
    }

    @Test
    void aSecondCommandIsRefusedAndLocated() {
        for (String sql : List.of(
                "CREATE TABLE t (c int CHECK (true)); DROP TABLE victim; --)",
                "SELECT 1; SELECT 2",
                "SELECT 'a''b'; DROP TABLE victim",
                "SELECT $$x$$; DROP TABLE victim",
                "SELECT 1 /* a */; /* b */ DROP TABLE victim",
                "SELECT (1; DROP TABLE victim)",
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END; DROP TABLE victim",
                "SELECT 1\u2003$a$; DROP TABLE victim; $a$",
                "SELECT 1a$b$; DROP TABLE victim; $b$",
                "SELECT 'a\\'; DROP TABLE victim; --'")) {
            SqlTextException e = assertThrows(SqlTextException.class, () -> SqlCommands.requireOne(sql), sql);
            // refused either as two commands (pointing at the second) or as text that does not end where it should
            assertTrue(e.getMessage().startsWith("unterminated") || sql.substring(e.offset()).contains("DROP TABLE victim")
                    || sql.substring(e.offset()).startsWith("SELECT 2"), () -> sql + " -> " + e.located());
        }
    }

    @Test
    void unterminatedTextIsRefused() {
        for (String sql : List.of("SELECT 'a", "SELECT \"a", "SELECT $$a", "SELECT $t$a$$", "SELECT 1 /* /* */",
                "SELECT E'\\'", "", "  ;  -- nothing")) {
            assertThrows(SqlTextException.class, () -> SqlCommands.requireOne(sql), sql);
        }
    }

    @Test
    void fragmentsAreOneThingOfTheirKind() {
        SqlFragments.expression("status in ('a', 'b') and price > 0");
        SqlFragments.expression("coalesce(a, b)[1]");
        SqlFragments.defaultExpression("nextval('s'::regclass)");
        SqlFragments.defaultExpression("(1 NOT NULL)".replace(" NOT NULL", ""));
        SqlFragments.query("WITH x AS (SELECT 1) SELECT * FROM x;");
        SqlFragments.query("(SELECT 1) UNION (SELECT 2)");
        SqlFragments.routineDefinition("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;");
        SqlFragments.triggerDefinition("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW EXECUTE FUNCTION f()");
        SqlFragments.ruleDefinition("CREATE RULE r AS ON UPDATE TO t DO ALSO (INSERT INTO log VALUES (new.id); INSERT INTO log VALUES (old.id););");
        SqlFragments.ruleDefinition("create or replace rule \"R\" as on delete to app.t do instead nothing");
        SqlFragments.typeName("numeric(10,2)[]");
        SqlFragments.typeName("\"my schema\".\"Type\"");
        for (Runnable bad : List.<Runnable>of(
                () -> SqlFragments.expression("true); DROP TABLE victim; --"),
                () -> SqlFragments.expression("true) NOT VALID, CONSTRAINT x CHECK (false"),
                () -> SqlFragments.expression("a, b"),
                () -> SqlFragments.expression("(a]"),
                () -> SqlFragments.expression(""),
                () -> SqlFragments.defaultExpression("0 CHECK (false)"),
                () -> SqlFragments.defaultExpression("0 NOT NULL"),
                () -> SqlFragments.query("DELETE FROM victim"),
                () -> SqlFragments.query("SELECT 1; DROP TABLE victim"),
                () -> SqlFragments.routineDefinition("DROP TABLE victim"),
                () -> SqlFragments.routineDefinition("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'; DROP TABLE victim"),
                () -> SqlFragments.triggerDefinition("CREATE TABLE victim2 ()"),
                () -> SqlFragments.ruleDefinition("CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING; DROP TABLE victim"),
                () -> SqlFragments.ruleDefinition("CREATE RULE r AS ON DELETE TO t DO ALSO (NOTIFY x); DROP TABLE victim; (SELECT 1)"),
                () -> SqlFragments.ruleDefinition("CREATE VIEW v AS SELECT (1; 2)"),
                () -> SqlFragments.expression("(1; DROP TABLE victim)"),
                () -> SqlFragments.ruleDefinition("CREATE RULE r AS ON DELETE TO t DO ALSO (NOTIFY x"),
                () -> SqlFragments.typeName("integer); DROP TABLE victim; --"),
                () -> SqlFragments.typeName("numeric('1')"),
                () -> SqlFragments.clause("FOR VALUES IN (1)); DROP TABLE victim; --", "FOR VALUES", "DEFAULT"),
                () -> SqlFragments.clause("DROP TABLE victim", "EXCLUDE"))) {
            assertThrows(SqlTextException.class, bad::run);
        }
    }

    @Test
    void planExecutorSendsNothingWhenAStatementIsTwoCommands() throws Exception {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute("create table victim (id int)");
            MigrationPlan plan = new MigrationPlan(List.of(
                    new PlanStatement("CREATE TABLE first_one (id int)", PlanStatement.Kind.CREATE, Set.of(), "create table first_one",
                            PlanCauses.handWritten()),
                    new PlanStatement("CREATE TABLE t (c int CHECK (true)); DROP TABLE victim; --)",
                            PlanStatement.Kind.CREATE, Set.of(), "create table t", PlanCauses.handWritten())), List.of());
            try (Connection connection = db.connect()) {
                PlanExecutor.StatementRefusedException e = assertThrows(PlanExecutor.StatementRefusedException.class,
                        () -> PlanExecutor.apply(connection, plan));
                assertTrue(e.getMessage().contains("create table t"), e.getMessage());
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("select string_agg(relname, ',' order by relname) from pg_class"
                             + " where relnamespace = 'public'::regnamespace")) {
                    rows.next();
                    assertEquals("victim", rows.getString(1), "nothing ran, not even the first statement");
                }
            }
        }
    }

    @Test
    void theCanonicalBuildRefusesTooAndBlamesTheSchema() throws Exception {
        Database expected = Database.of(Schema.named("public")
                .table("t", t -> {
                    t.column("id", integer());
                    t.check("true)); DROP TABLE victim; CREATE TABLE t2 (x int CHECK (true");
                })
                .build());
        try (ThrowawayDatabaseOnServer throwaway = ThrowawayDatabaseOnServer.create(TestPostgres.primary().adminJdbcUrl(), new java.util.Properties())) {
            CanonicalizationException e = assertThrows(CanonicalizationException.class, () -> CanonicalSchema.canonicalize(expected, throwaway));
            assertTrue(e.blamesSchema(), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
