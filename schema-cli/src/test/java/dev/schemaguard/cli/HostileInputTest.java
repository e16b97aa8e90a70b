package dev.schemaguard.cli;

import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected schemas written to do harm or simply broken, as they may arrive in a pull request. For each: the
 * documented exit code, one line on stderr without a stack trace, and a target database whose schema is exactly
 * what it was ({@code pg_dump --schema-only} before and after, see {@link SchemaDump}), after both {@code check}
 * and {@code apply}.
 */
class HostileInputTest {

    /** What the target holds: a table the hostile schemas try to drop, with a row, and a function. */
    private static final String TARGET = """
            create table victim (id int primary key, note text);
            insert into victim values (1, 'still here');
            create table t (id integer);
            create function public.touch() returns trigger language plpgsql as $$ begin return new; end $$;
            """;

    /** A table, then what the case adds to it (indented for the table's map). */
    private static String table(String extra) {
        return "tables:\n  t:\n    columns:\n      id: integer\n" + extra;
    }

    /** A case: a file, the arguments after the file, the exit code, and text the one-line message must hold. */
    record Case(String name, String fileName, byte[] content, List<String> extraArgs, int exitCode, String message,
                boolean located) {

        static Case injection(String name, String yaml, String message) {
            return new Case(name, name + ".yaml", yaml.getBytes(StandardCharsets.UTF_8), List.of(), ExitCode.ERROR,
                    message, true);
        }

        static Case of(String name, String fileName, byte[] content, String message, boolean located, String... args) {
            return new Case(name, fileName, content, List.of(args), ExitCode.ERROR, message, located);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static ThrowawayDatabase target;
    private static String before;

    @TempDir
    static Path dir;

    @BeforeAll
    static void target() throws Exception {
        target = Fixtures.database(TARGET);
        before = SchemaDump.of(target);
    }

    @AfterAll
    static void dropTarget() throws Exception {
        target.close();
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        // 1. text that would break out of the statement it is pasted into
        cases.add(Case.injection("check-closes-paren", table("""
                    checks:
                      - |-
                        true); DROP TABLE public.victim; --
                """), "must be one SQL expression"));
        cases.add(Case.injection("check-balanced-breakout", table("""
                    checks:
                      - |-
                        true)); DROP TABLE public.victim; CREATE TABLE public.t2 (x int CHECK (true
                """), "must be one SQL expression"));
        cases.add(Case.injection("check-semicolon-in-parens", table("""
                    checks:
                      - |-
                        (true; DROP TABLE public.victim)
                """), "';'"));
        cases.add(Case.injection("check-e-string-backslash", table("""
                    checks:
                      - |-
                        E'\\'' ); DROP TABLE public.victim; --' = 'x'
                """), "must be one SQL expression"));
        cases.add(Case.injection("check-plain-string-backslash", table("""
                    checks:
                      - |-
                        'a\\'; DROP TABLE public.victim; --' = 'a'
                """), "must be one SQL expression"));
        cases.add(Case.injection("check-dollar-quote", table("""
                    checks:
                      - |-
                        $$ ) $$ = 'x'); DROP TABLE public.victim; --
                """), "must be one SQL expression"));
        cases.add(Case.injection("check-comment-close", table("""
                    checks:
                      - |-
                        1 /* ) ; /* nested */ */ = 1); DROP TABLE public.victim; --
                """), "must be one SQL expression"));
        cases.add(Case.injection("check-unterminated-comment", table("""
                    checks:
                      - "1 = 1 /* ); DROP TABLE public.victim; --"
                """), "unterminated /* comment"));
        cases.add(Case.injection("default-short-form", """
                tables:
                  t:
                    columns:
                      id: integer default 0; DROP TABLE public.victim
                """, "the default must be one SQL expression"));
        cases.add(Case.injection("default-long-form", """
                tables:
                  t:
                    columns:
                      id:
                        type: integer
                        default: "0; DROP TABLE public.victim"
                """, "'default' of column id"));
        cases.add(Case.injection("default-adds-a-constraint", """
                tables:
                  t:
                    columns:
                      id:
                        type: integer
                        default: 0 REFERENCES public.victim (id) ON DELETE CASCADE
                """, "would end the default"));
        cases.add(Case.injection("generated-breakout", """
                tables:
                  t:
                    columns:
                      id: integer
                      twice:
                        type: integer
                        generated: id * 2) STORED, evil int GENERATED ALWAYS AS (1
                """, "'generated' of column twice"));
        cases.add(Case.injection("index-expression", table("""
                    indexes:
                      - columns:
                          - expression: "id); DROP TABLE public.victim; --"
                """), "'expression'"));
        cases.add(Case.injection("index-predicate", table("""
                    indexes:
                      - columns: [id]
                        where: "id > 0; DROP TABLE public.victim"
                """), "'where'"));
        cases.add(Case.injection("policy-using", table("""
                    row_level_security: enabled
                    policies:
                      p:
                        using: "true); DROP TABLE public.victim; --"
                """), "'using' of policy p"));
        cases.add(Case.injection("policy-with-check", table("""
                    row_level_security: enabled
                    policies:
                      p:
                        with_check: "true) ; DROP TABLE public.victim; --"
                """), "'with_check' of policy p"));
        cases.add(Case.injection("domain-check", table("") + """
                domains:
                  positive:
                    type: integer
                    checks:
                      positive_check: "VALUE > 0); DROP TABLE public.victim; --"
                """, "check positive_check of domain"));
        cases.add(Case.injection("domain-default", table("") + """
                domains:
                  positive:
                    type: integer
                    default: 0 CHECK (false)
                """, "would end the default"));
        cases.add(Case.injection("view-second-statement", table("") + """
                views:
                  v: SELECT 1; DROP TABLE public.victim
                """, "must be one query"));
        cases.add(Case.injection("view-not-a-query", table("") + """
                views:
                  v: DELETE FROM public.victim RETURNING *
                """, "a query starts with SELECT"));
        cases.add(Case.injection("materialized-view-second-statement", table("") + """
                views:
                  v:
                    materialized: true
                    query: SELECT 1 AS one; DROP TABLE public.victim
                """, "must be one query"));
        cases.add(Case.injection("function-not-create", table("") + """
                functions:
                  f: DROP TABLE public.victim
                """, "one CREATE [OR REPLACE] FUNCTION"));
        cases.add(Case.injection("function-second-statement", table("") + """
                functions:
                  f: "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$; DROP TABLE public.victim"
                """, "more than one SQL command"));
        cases.add(Case.injection("function-begin-atomic-breakout", table("") + """
                functions:
                  f: "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END; DROP TABLE public.victim"
                """, "more than one SQL command"));
        cases.add(Case.injection("function-signature-breakout", table("") + """
                functions:
                  "f(integer); DROP TABLE public.victim; --)":
                    definition: "CREATE FUNCTION public.f(integer) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$"
                    comment: hello
                """, "is not a signature"));
        cases.add(Case.injection("grant-routine-breakout", table("") + """
                grants:
                  - grant: execute
                    object: "function f(integer); DROP TABLE public.victim; --)"
                    to: public
                """, "the argument list of"));
        cases.add(Case.injection("trigger-second-statement", table("""
                    triggers:
                      tr: "CREATE TRIGGER tr BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION touch(); DROP TABLE public.victim"
                """), "more than one SQL command"));
        cases.add(Case.injection("exclusion-breakout", table("""
                    exclude:
                      ex: "EXCLUDE USING btree (id WITH =)); DROP TABLE public.victim; --"
                """), "exclusion constraint ex"));
        cases.add(Case.injection("partition-bound-breakout", """
                tables:
                  parent:
                    columns:
                      id: integer
                    partition_by: list (id)
                  child:
                    partition_of:
                      parent: parent
                      bound: "FOR VALUES IN (1); DROP TABLE public.victim; --"
                """, "'bound'"));
        cases.add(Case.injection("type-modifier-breakout", """
                tables:
                  t:
                    columns:
                      id:
                        type: numeric(1;DROP TABLE public.victim)
                """, "must be a type name with optional modifiers"));
        // 2. schemas that are invalid in themselves: exit 3 naming the place, not drift
        cases.add(Case.injection("unknown-type", """
                tables:
                  t:
                    columns:
                      id: integr
                """, "type \"integr\" does not exist"));
        cases.add(Case.injection("foreign-key-to-undeclared-table", """
                tables:
                  t:
                    columns:
                      id: integer references nope(id)
                """, "\"public.nope\" does not exist"));
        cases.add(Case.injection("broken-check", table("""
                    checks:
                      - id >
                """), "syntax error"));
        cases.add(Case.injection("broken-view", table("") + """
                views:
                  v: SELECT nope FROM nowhere
                """, "\"nowhere\" does not exist"));
        cases.add(Case.injection("name-of-64-bytes", """
                tables:
                  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:
                    columns:
                      id: integer
                """, "64 bytes"));
        cases.add(Case.injection("empty-enum-label", table("") + """
                enums:
                  mood: ["", ok]
                """, "enum public.mood"));
        // 3. nothing to compare
        cases.add(Case.of("empty-file", "empty.yaml", new byte[0], "nothing to compare", false));
        cases.add(Case.of("comments-only", "comments.yaml", "# tables: later\n\n# nothing yet\n".getBytes(StandardCharsets.UTF_8),
                "nothing to compare", false));
        cases.add(Case.of("selection-selects-nothing", "selected.yaml", table("").getBytes(StandardCharsets.UTF_8),
                "nothing to compare", false, "--schema", "no_such_schema"));
        cases.add(Case.of("empty-sql-file", "empty.sql", "-- nothing here\n/* nor here */\n".getBytes(StandardCharsets.UTF_8),
                "nothing to compare", false));
        // 4. YAML that attacks the reader
        cases.add(Case.injection("billion-laughs", """
                a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]
                """, "aliases"));
        cases.add(Case.injection("deep-nesting", "tables: " + "[".repeat(5000) + "]".repeat(5000) + "\n", "nested deeper"));
        cases.add(Case.of("huge-file-of-comments", "huge.yaml",
                ("# " + "x".repeat(1000) + "\n").repeat(20_000).getBytes(StandardCharsets.UTF_8), "nothing to compare", false));
        cases.add(Case.of("not-utf8-binary", "binary.yaml", new byte[] {'t', 'a', 'b', 'l', 'e', 's', ':', '\n', ' ', ' ',
                (byte) 0xFF, (byte) 0xFE, 0, 1, 2, ':', '\n'}, "not UTF-8 text: byte 0xFF at byte offset 10", true));
        cases.add(Case.of("latin1-text", "latin1.yaml", table("      caf\u00e9: text\n").getBytes(StandardCharsets.ISO_8859_1),
                "not UTF-8 text", true));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsThreeWithOneLineAndLeavesTheDatabaseAsItWas(Case hostile) throws Exception {
        Path file = dir.resolve(hostile.fileName());
        Files.write(file, hostile.content());
        for (String command : List.of("check", "apply")) {
            List<String> args = new ArrayList<>(List.of(command, "--db", target.jdbcUrl(), "--expected", file.toString()));
            args.addAll(hostile.extraArgs());
            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertEquals(hostile.exitCode(), run.exitCode(), () -> command + " " + hostile + "\n" + run);
            assertOneLine(run, hostile.fileName(), hostile.message(), hostile.located());
        }
        assertEquals(before, SchemaDump.of(target), () -> hostile + " changed the schema of the target (compared with "
                + SchemaDump.method(target) + ")");
        assertVictimIntact(target);
    }

    /** The comparison the cases rely on notices a change of the schema, however small. */
    @Test
    void theDumpSeesAChange() throws Exception {
        try (ThrowawayDatabase throwaway = Fixtures.database(TARGET)) {
            String dump = SchemaDump.of(throwaway);
            assertEquals(dump, SchemaDump.of(throwaway), "two dumps of the same schema are equal");
            throwaway.execute("alter table victim alter column note set default 'x'");
            assertFalse(dump.equals(SchemaDump.of(throwaway)), "a new default shows (" + SchemaDump.method(throwaway) + ")");
        }
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread() throws Exception {
        Path file = dir.resolve("oversized.yaml");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(300L * 1024 * 1024); // sparse: takes no disk space
        }
        CliRun run = CliRun.of("check", "--db", target.jdbcUrl(), "--expected", file.toString());
        assertEquals(ExitCode.ERROR, run.exitCode(), run::toString);
        assertOneLine(run, "oversized.yaml", "MiB a schema file may have", false);
        assertEquals(before, SchemaDump.of(target));
    }

    @Test
    void theInjectedCheckIsPlacedAtItsLine() throws Exception {
        Path file = dir.resolve("placed.yaml");
        Files.writeString(file, table("""
                    checks:
                      - id > 0
                      - "true); DROP TABLE public.victim; --"
                """));
        CliRun run = CliRun.of("apply", "--db", target.jdbcUrl(), "--expected", file.toString());
        assertEquals(ExitCode.ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("schemaguard: " + file + ":7:9: a check constraint of table public.t must be one"
                + " SQL expression: ')' closes more than was opened (at character 5 of that text)"), run::toString);
        assertEquals(before, SchemaDump.of(target));
    }

    @Test
    void theUnknownTypeIsPlacedAtItsColumn() throws Exception {
        Path file = dir.resolve("integr.yaml");
        Files.writeString(file, "tables:\n  t:\n    columns:\n      id: integr\n");
        CliRun run = CliRun.of("check", "--db", target.jdbcUrl(), "--expected", file.toString());
        assertEquals(ExitCode.ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("schemaguard: " + file + ":4:11: the expected schema is invalid: "), run::toString);
        assertTrue(run.err().contains("(create table public.t)")
                && run.err().contains("type \"integr\" does not exist (in: id integr)"), run::toString);
    }

    /** Names with quotes, semicolons, $$, comment ends, backslashes, unicode, 63 bytes and case twins are just names. */
    @Test
    void hostileNamesAreQuotedNamesAndNothingMore() throws Exception {
        Path file = dir.resolve("names.yaml");
        String longest = "a".repeat(63);
        Files.writeString(file, """
                tables:
                  %s:
                    columns:
                      id: integer
                  Orders:
                    columns:
                      id: integer
                  orders:
                    columns:
                      id: integer
                  'x"; DROP TABLE public.victim; --':
                    columns:
                      '$$*/\\': text
                      'it''s; $q$ /*': text
                  naïve_日本:
                    columns:
                      id: integer
                enums:
                  'e;$$':
                    - 'a''; DROP TABLE public.victim; --'
                    - '\\'
                """.formatted(longest));
        CliRun check = CliRun.of("check", "--db", target.jdbcUrl(), "--expected", file.toString());
        assertEquals(ExitCode.DRIFT, check.exitCode(), check::toString);
        assertFalse(check.err().contains("\tat ") || check.err().contains("internal error"), check::toString);
        assertEquals(before, SchemaDump.of(target), "check changes nothing");

        try (ThrowawayDatabase fresh = Fixtures.database(TARGET)) {
            CliRun apply = CliRun.of("apply", "--db", fresh.jdbcUrl(), "--expected", file.toString());
            assertEquals(ExitCode.OK, apply.exitCode(), apply::toString);
            assertVictimIntact(fresh);
            try (Connection connection = fresh.connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select string_agg(relname, '|' order by relname collate \"C\")"
                         + " from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'")) {
                rows.next();
                assertEquals(String.join("|", "Orders", longest, "naïve_日本", "orders", "t", "victim",
                        "x\"; DROP TABLE public.victim; --"), rows.getString(1));
            }
            CliRun again = CliRun.of("check", "--db", fresh.jdbcUrl(), "--expected", file.toString());
            // victim and t are not declared: the only drift left is that they exist
            assertEquals(ExitCode.DRIFT, again.exitCode(), again::toString);
            assertTrue(again.out().contains("DRIFT: 2 differences"), again::toString);
        }
    }

    @Test
    void aResultThatCannotBeWrittenIsExitThree() throws Exception {
        PrintStream broken = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        }, true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(broken, new PrintStream(err, true, StandardCharsets.UTF_8), "snapshot", "--db", target.jdbcUrl());
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.ERROR, exit, message);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("schemaguard: cannot write the result to standard output"), message);

        if (Files.isWritable(Path.of("/dev/full"))) {
            CliRun full = CliRun.of("snapshot", "--db", target.jdbcUrl(), "--output", "/dev/full");
            assertEquals(ExitCode.ERROR, full.exitCode(), full::toString);
            assertTrue(full.err().startsWith("schemaguard: cannot write /dev/full"), full::toString);
        }
    }

    private static void assertOneLine(CliRun run, String fileName, String message, boolean located) {
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), () -> "one line on stderr\n" + run);
        String line = lines.get(0);
        assertTrue(line.startsWith("schemaguard: "), run::toString);
        assertFalse(line.contains("internal error") || line.contains("Exception") || run.err().contains("\tat "),
                run::toString);
        assertTrue(line.contains(message), () -> "expected '" + message + "'\n" + run);
        assertTrue(line.contains(fileName), () -> "names the file\n" + run);
        assertFalse(line.contains(":0:0"), run::toString);
        if (located) {
            assertTrue(Pattern.compile(Pattern.quote(fileName) + ":[1-9]\\d*:[1-9]\\d*: ").matcher(line).find(),
                    () -> "names file:line:column\n" + run);
        }
    }

    private static void assertVictimIntact(ThrowawayDatabase database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select note from victim where id = 1")) {
            assertTrue(rows.next(), "victim still has its row");
            assertEquals("still here", rows.getString(1));
        }
    }
}
