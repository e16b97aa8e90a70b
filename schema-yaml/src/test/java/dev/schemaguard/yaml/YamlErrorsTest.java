package dev.schemaguard.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Every kind of mistake names file:line:column and says what was expected. */
class YamlErrorsTest {

    private static YamlSchemaException error(String yaml) {
        return assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString(yaml, "schema.yaml"));
    }

    private static void assertMessage(YamlSchemaException error, String position, String... parts) {
        assertTrue(error.getMessage().startsWith("schema.yaml:" + position + ": "), error.getMessage());
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), () -> "'" + part + "' missing from: " + error.getMessage());
        }
    }

    @Test
    void unknownKeyGetsASuggestion() {
        YamlSchemaException error = error("""
                tables:
                  orders:
                    colums:
                      id: int
                """);
        assertMessage(error, "3:5", "unknown key 'colums' in table public.orders", "did you mean 'columns'?");
        assertEquals(new Position("schema.yaml", 3, 5), error.position());
    }

    @Test
    void unknownKeyInALongColumnAndAtTheTopLevel() {
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      id: {type: int, nulable: false}
                """), "4:23", "unknown key 'nulable'", "did you mean 'nullable'?");
        assertMessage(error("""
                schemes:
                  public: {}
                """), "1:1", "unknown key 'schemes'", "did you mean 'schemas'?");
    }

    @Test
    void duplicateKeysAreErrors() {
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      id: int
                      id: bigint
                """), "5:7", "duplicate key 'id'", "first at schema.yaml:4:7");
    }

    @Test
    void listWhereAMapIsExpected() {
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      - id: int
                """), "4:7", "expected the columns of table public.orders as a map", "found a list");
    }

    @Test
    void misspeltShortFormPointsAtTheValue() {
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      email: text nto null
                """), "4:14", "column email of table public.orders", "'nto'", "did you mean 'not'?");
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      email: text not nul
                """), "4:14", "expected 'null' after 'not', found 'nul'");
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      total: numeric(10, 2 not null
                """), "4:14", "unbalanced '('");
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      org_id: uuid references organisations
                """), "4:15", "expected the referenced column(s) in parentheses");
    }

    @Test
    void invalidTypeInTheLongFormPointsAtTheType() {
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      email:
                        type: text uniqe
                """), "5:15", "'uniqe'", "did you mean 'unique'?");
    }

    @Test
    void wrongWordsGetTheChoicesAndASuggestion() {
        assertMessage(error("""
                tables:
                  orders:
                    columns: {a: int}
                    foreign_keys:
                      - columns: a
                        references: other(id)
                        on_delete: cascde
                """), "7:20", "cascade, no action, restrict, set default, set null", "did you mean 'cascade'?");
        assertMessage(error("""
                tables:
                  orders:
                    columns: {a: int}
                    unique:
                      - {columns: a, deferrable: maybe}
                """), "5:34", "true or false", "'maybe'");
    }

    @Test
    void modelErrorsPointAtTheTable() {
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      id: int
                    indexes:
                      - email
                """), "2:3", "table public.orders", "refers to column email, which the table does not have");
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      a: int
                    checks:
                      - {name: same, expression: a > 0}
                      - {name: same, expression: a < 9}
                """), "2:3", "declares constraint same twice");
    }

    @Test
    void contradictionsAreErrors() {
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      id: bigserial null
                """), "4:11", "always NOT NULL");
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      a: int primary key
                      b: int primary key
                """), "5:10", "several columns (a, b)", "primary_key: [a, b]");
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      a: int not null null
                """), "4:10", "both 'not null' and 'null'");
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      a: {type: int, nullable: true, not_null: true}
                """), "4:48", "both 'nullable' and 'not_null'");
    }

    @Test
    void yamlSyntaxErrorsAliasesAndSecondDocuments() {
        assertTrue(error("tables: [\n").getMessage().startsWith("schema.yaml:"));
        assertMessage(error("""
                tables:
                  a: &cols {columns: {id: int}}
                  b: *cols
                """), "3:6", "aliases");
        assertMessage(error("""
                tables: {}
                ---
                tables: {}
                """), "3:1", "second YAML document");
    }

    @Test
    void tableDefinedTwiceAcrossFilesNamesBothFiles(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("a.yaml"), "tables:\n  orders: {columns: {id: int}}\n");
        Files.writeString(directory.resolve("b.yaml"), "schemas:\n  public:\n    tables:\n      orders: {}\n");
        YamlSchemaException error = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.read(directory));
        assertTrue(error.getMessage().startsWith(directory.resolve("b.yaml") + ":4:7: "), error.getMessage());
        assertTrue(error.getMessage().contains("table public.orders is defined twice: at " + directory.resolve("a.yaml") + ":2:3"),
                error.getMessage());
    }

    @Test
    void directoryWithoutYamlIsAnError(@TempDir Path directory) {
        YamlSchemaException error = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.read(directory));
        assertTrue(error.getMessage().contains("no *.yaml or *.yml files"), error.getMessage());
    }
}
