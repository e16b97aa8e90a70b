package dev.schemaguard.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SQL text in the YAML is checked to be one thing of the kind its key says, at the value's place; files that would
 * exhaust or confuse the reader are refused at a place, never {@code :0:0}.
 */
class UntrustedYamlTest {

    @TempDir
    Path dir;

    private static YamlSchemaException error(String yaml) {
        return assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString(yaml, "schema.yaml"));
    }

    @Test
    void aCheckThatClosesMoreThanItOpenedIsRefusedAtItsValue() {
        YamlSchemaException error = error("""
                tables:
                  t:
                    columns:
                      id: integer
                    checks:
                      - "true); DROP TABLE victim; --"
                """);
        assertEquals(new Position("schema.yaml", 6, 9), error.position());
        assertTrue(error.getMessage().contains("a check constraint of table public.t must be one SQL expression: ')'"
                + " closes more than was opened (at character 5 of that text)"), error.getMessage());
    }

    @Test
    void everyKindOfSqlTextIsChecked() {
        record Bad(String yaml, String message) {
        }
        for (Bad bad : new Bad[] {
                new Bad("tables: {t: {columns: {id: 'integer default 0; DROP TABLE victim'}}}", "the default must be one SQL expression"),
                new Bad("tables: {t: {columns: {id: {type: integer, default: '1 CHECK (false)'}}}}", "would end the default"),
                new Bad("tables: {t: {columns: {id: {type: integer, generated: 'id) STORED, x int'}}}}", "'generated' of column id"),
                new Bad("tables: {t: {columns: {id: 'numeric(1;x)'}}}", "must be a type name"),
                new Bad("tables: {t: {columns: {id: integer}, indexes: [{columns: [id], where: 'true; x'}]}}", "'where'"),
                new Bad("tables: {t: {columns: {id: integer}, policies: {p: {using: 'true) x ('}}}}", "'using' of policy p"),
                new Bad("views: {v: 'SELECT 1; SELECT 2'}", "more than one SQL command"),
                new Bad("views: {v: 'DROP TABLE victim'}", "a query starts with SELECT"),
                new Bad("functions: {f: 'DROP TABLE victim'}", "one CREATE [OR REPLACE] FUNCTION"),
                new Bad("domains: {d: {type: integer, checks: {c: 'VALUE > 0); x; --'}}}", "check c of domain public.d"),
                new Bad("tables: {t: {columns: {id: integer}, exclude: {e: 'CHECK (true)'}}}", "expected it to start with EXCLUDE"),
        }) {
            YamlSchemaException error = error(bad.yaml());
            assertTrue(error.getMessage().startsWith("schema.yaml:1:"), error.getMessage());
            assertTrue(error.getMessage().contains(bad.message()), () -> bad.message() + " missing from " + error.getMessage());
        }
    }

    @Test
    void whatTheDatabaseWritesIsAccepted() {
        YamlSchemaReader.readString("""
                tables:
                  t:
                    columns:
                      id: integer
                      note: {type: text, default: "('x'::text COLLATE \\"C\\")"}
                      created: timestamp(3) with time zone default CURRENT_TIMESTAMP
                    checks:
                      - CHECK ((id > 0))
                views:
                  v: |
                     SELECT t.id
                       FROM t
                      WHERE (t.id > 0);
                functions:
                  f: |
                    CREATE OR REPLACE FUNCTION public.f()
                     RETURNS integer
                     LANGUAGE sql
                    BEGIN ATOMIC
                     SELECT 1;
                     SELECT CASE WHEN true THEN 2 ELSE 3 END;
                    END
                """, "schema.yaml");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAtTheBadByte() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "tables:\n  caf\u00e9:\n    columns: {id: int}\n".getBytes(StandardCharsets.ISO_8859_1));
        YamlSchemaException error = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.read(file));
        assertEquals(new Position(file.toString(), 2, 6), error.position());
        assertTrue(error.getMessage().endsWith("not UTF-8 text: byte 0xE9 at byte offset 13 cannot start or continue a"
                + " UTF-8 character; save the file as UTF-8"), error.getMessage());
    }

    @Test
    void aliasesAndDeepNestingAreRefusedAtAPlace() {
        YamlSchemaException alias = error("a: &a [x]\nb: [*a, *a]\n");
        assertEquals(new Position("schema.yaml", 2, 5), alias.position());
        YamlSchemaException deep = error("tables: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        assertTrue(deep.getMessage().contains("nested deeper than 64 levels"), deep.getMessage());
        assertTrue(deep.position().line() >= 1 && deep.position().column() >= 1, deep.getMessage());
    }

    @Test
    void declaredObjectsAndColumnsCanBeFoundAgain() throws Exception {
        Path file = dir.resolve("places.yaml");
        Files.writeString(file, """
                tables:
                  orders:
                    columns:
                      id: integer
                      "Total": numeric
                views:
                  recent: SELECT 1
                """);
        DeclaredSchema declared = YamlSchemaReader.readDeclared(file);
        assertEquals(new Position(file.toString(), 2, 3), declared.locate("create table public.orders").orElseThrow());
        assertEquals(new Position(file.toString(), 5, 16),
                declared.locate("create table public.orders", "\"Total\" numeric").orElseThrow());
        assertEquals(new Position(file.toString(), 7, 3), declared.locate("create view public.recent").orElseThrow());
        assertTrue(declared.locate("create table public.orders_archive").isEmpty(), "a longer name is another object");
    }
}
