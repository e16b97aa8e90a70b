package dev.schemaguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Scripts are cut into statements where psql cuts them, and read in the encoding they set. */
class SqlScriptTest {

    private static List<String> statements(String script) {
        return SqlScript.statements(script).stream().map(SqlScript.Statement::sql).toList();
    }

    @Test
    void semicolonsInsideQuotesCommentsBodiesAndParenthesesDoNotEndAStatement() {
        assertEquals(List.of(
                        "select 'a;b', \"c;d\", E'e\\';f'",
                        "create function f() returns int language sql as $fn$ select 1; $fn$",
                        "create function g() returns int language sql as $$ select 2; $$",
                        "create rule r as on insert to t do also (insert into u values (1); insert into u values (2))",
                        "select 1 /* a ; /* nested ; */ still comment ; */ + $1"),
                statements("""
                        select 'a;b', "c;d", E'e\\';f';
                        -- a comment; with a semicolon
                        create function f() returns int language sql as $fn$ select 1; $fn$;
                        create function g() returns int language sql as $$ select 2; $$ ;
                        create rule r as on insert to t do also (insert into u values (1); insert into u values (2));
                        select 1 /* a ; /* nested ; */ still comment ; */ + $1;
                        ;;
                        -- only a comment at the end
                        """));
    }

    @Test
    void aSqlStandardRoutineBodyIsOneStatementAndItsTokensAreKept() {
        List<SqlScript.Statement> statements = SqlScript.statements("""
                create procedure p() language sql begin atomic
                  insert into t values (case when true then 1 else 2 end); insert into t values (3);
                end;
                CREATE ROLE "Mixed ""Role""\";
                """);
        assertEquals(2, statements.size());
        assertTrue(statements.get(0).sql().endsWith("end"), statements.get(0).sql());
        assertTrue(statements.get(1).startsWith("create", "role"));
        assertEquals("Mixed \"Role\"", statements.get(1).token(2).identifier());
        assertEquals(null, statements.get(1).token(3));
    }

    @Test
    void aStatementStartsAtItsFirstTokenAndKnowsItsOffset() {
        String script = "create table a (id int);\n  -- why\n  create table b (id int)";
        List<SqlScript.Statement> statements = SqlScript.statements(script);
        assertEquals(2, statements.size());
        assertEquals("create table b (id int)", statements.get(1).sql());
        assertEquals(script.indexOf("create table b"), statements.get(1).offset());
    }

    @Test
    void bytesAreReadAsUtf8UntilTheScriptSetsClientEncoding() throws Exception {
        byte[] utf8 = "comment on table t is 'Résumé';\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1Part = "SET CLIENT_ENCODING=latin1;\ncomment on table u is 'Résumé';\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[utf8.length + latin1Part.length];
        System.arraycopy(utf8, 0, file, 0, utf8.length);
        System.arraycopy(latin1Part, 0, file, utf8.length, latin1Part.length);
        assertEquals(List.of("comment on table t is 'Résumé'", "comment on table u is 'Résumé'"),
                statements(SqlScript.text(file)));
    }

    @Test
    void theTextOfAFileKeepsItsLinesAndBlanksOutTheEncodingSwitch() throws Exception {
        byte[] utf8 = "select 'é';\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1Part = "SET NAMES 'LATIN1';\nselect 'é';\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[utf8.length + latin1Part.length];
        System.arraycopy(utf8, 0, file, 0, utf8.length);
        System.arraycopy(latin1Part, 0, file, utf8.length, latin1Part.length);
        String text = SqlScript.text(file);
        assertEquals(List.of("select 'é'", "select 'é'"), statements(text));
        assertEquals(3, text.lines().count(), text);
    }

    @Test
    void bytesThatAreNoTextAreRefusedWithTheirPlace() {
        byte[] file = "select 1;\nselect '\u00ff';".getBytes(StandardCharsets.ISO_8859_1);
        SqlScript.UnreadableScriptException e = assertThrows(SqlScript.UnreadableScriptException.class,
                () -> SqlScript.text(file));
        assertEquals("2:9", SqlScript.position(file, e.offset()), "the first byte that is no text");
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }
}
