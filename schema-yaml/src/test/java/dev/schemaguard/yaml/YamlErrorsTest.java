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
    void aRuleMustBeOneCreateRuleOfItsOwnName() {
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      id: int
                    rules:
                      keep: CREATE RULE other AS ON DELETE TO orders DO INSTEAD NOTHING
                """), "6:13", "rule keep of table public.orders", "creates rule other");
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      id: int
                    rules:
                      keep: CREATE RULE keep AS ON DELETE TO orders DO INSTEAD NOTHING; DROP TABLE orders
                """), "6:13", "rule keep of table public.orders", "one CREATE [OR REPLACE] RULE statement");
    }

    @Test
    void aStorageParameterNameIsRefusedAtItsKey() {
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      id: int
                    storage_parameters:
                      fillfactor: 70
                      "fill=factor": 1
                """), "7:7", "'fill=factor' is no parameter name");
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
        assertMessage(error("""
                tables:
                  orders:
                    columns:
                      id: {type: bigserial, default: "42"}
                """), "4:7", "column id of table public.orders", "cannot also have a default",
                "use bigint with the default");
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
    void objectKindsGetPositionsAndSuggestions() {
        assertMessage(error("""
                sequences:
                  order_no: {type: bigint, incremnt: 10}
                """), "2:28", "unknown key 'incremnt' in sequence public.order_no", "did you mean 'increment'?");
        assertMessage(error("""
                sequences:
                  order_no: {owned_by: orders}
                """), "2:24", "'owned_by' of sequence public.order_no", "table.column");
        assertMessage(error("""
                enums:
                  mood: [sad, ok, sad]
                """), "2:19", "enum public.mood lists the value 'sad' twice");
        assertMessage(error("""
                domains:
                  email: {type: text, chekcs: {c: VALUE > 0}}
                """), "2:23", "unknown key 'chekcs' in domain public.email", "did you mean 'checks'?");
        assertMessage(error("""
                views:
                  recent:
                    query: SELECT 1
                    indexes:
                      - {name: recent_id, columns: id}
                """), "5:7", "only a materialized view can", "materialized: true");
        assertMessage(error("""
                views:
                  recent:
                    query: SELECT 1 AS id
                    materialized: true
                    indexes:
                      - id
                """), "6:9", "an index of materialized view public.recent needs 'name'");
        assertMessage(error("""
                tables:
                  events:
                    partition_by: rnage (created_at)
                """), "3:19", "range", "did you mean 'range'?");
        assertMessage(error("""
                tables:
                  events:
                    partition_of: {parent: events, bonud: DEFAULT}
                """), "3:36", "unknown key 'bonud'", "did you mean 'bound'?");
        assertMessage(error("""
                tables:
                  events:
                    partition_by: range (created_at)
                    unlogged: true
                """), "2:3", "cannot be UNLOGGED", "its partitions may be unlogged");
    }

    @Test
    void collationsAndViewTriggersGetPositionsAndReasons() {
        assertMessage(error("""
                collations:
                  by_number: {provider: ucu, locale: en-u-kn-true}
                """), "2:25", "'provider' of collation public.by_number is 'ucu'", "libc, icu or builtin");
        assertMessage(error("""
                collations:
                  by_number: {provider: icu}
                """), "2:3", "collation public.by_number", "needs a locale");
        assertMessage(error("""
                collations:
                  posix: {locale: POSIX, deterministic: false}
                """), "2:3", "only with provider icu");
        assertMessage(error("""
                collations:
                  posix: {locael: POSIX}
                """), "2:11", "unknown key 'locael' in collation public.posix", "did you mean 'locale'?");
        assertMessage(error("""
                views:
                  totals:
                    query: SELECT 1
                    triggers:
                      totals_insert:
                        definition: CREATE TRIGGER totals_insert INSTEAD OF INSERT ON public.totals FOR EACH ROW EXECUTE FUNCTION f()
                        enabled: false
                """), "2:3", "PostgreSQL cannot change when triggers on views fire");
        assertMessage(error("""
                views:
                  totals:
                    query: SELECT 1
                    materialized: true
                    triggers:
                      totals_insert: CREATE TRIGGER totals_insert AFTER INSERT ON public.totals EXECUTE FUNCTION f()
                """), "6:7", "allows triggers on tables and plain views only");
    }

    @Test
    void aTableIsEitherAPartitionOrInherits() {
        assertMessage(error("""
                tables:
                  events_old:
                    partition_of: {parent: events, bound: DEFAULT}
                    inherits: base
                """), "2:3", "table public.events_old", "is a partition of public.events and cannot also inherit from");
        assertMessage(error("""
                tables:
                  child:
                    inherits: [base, "bad.name.here"]
                """), "3:22", "a parent in 'inherits' of table public.child", "expected e.g. 'base' or 'audit.base'");
    }

    @Test
    void routinesAreKeyedBySignatureAndListedUnderTheirKind() {
        assertMessage(error("""
                functions:
                  add(integer: SELECT 1
                """), "2:3", "'add(integer' in 'functions' of schema public is not a signature", "add(a integer, b integer)");
        assertMessage(error("""
                functions:
                  archive(): |
                    CREATE OR REPLACE PROCEDURE public.archive()
                     LANGUAGE sql
                    AS $$SELECT 1$$
                """), "2:14", "creates a procedure, but it is listed under 'functions'", "move it to 'procedures'");
        assertMessage(error("""
                functions:
                  touch(): CREATE OR REPLACE FUNCTION public.touch() RETURNS integer LANGUAGE sql AS 'SELECT 1'
                procedures:
                  touch(): CREATE OR REPLACE PROCEDURE public.touch() LANGUAGE sql AS 'SELECT 1'
                """), "4:3", "procedure public.touch() is defined twice", "at schema.yaml:2:3");
    }

    @Test
    void aggregatesAndCastsGetPositionsAndReasons() {
        assertMessage(error("""
                aggregates:
                  tally(integer: {sfunc: int4pl, stype: integer}
                """), "2:3", "'tally(integer' in 'aggregates' of schema public is not a signature");
        assertMessage(error("""
                aggregates:
                  tally(integer): {sfunc: int4pl, stype: integer, finalfunc_modfy: shareable}
                """), "2:51", "unknown key 'finalfunc_modfy'", "did you mean 'finalfunc_modify'");
        assertMessage(error("""
                aggregates:
                  tally(integer):
                    stype: integer
                """), "3:5", "needs 'sfunc'");
        assertMessage(error("""
                aggregates:
                  tally(integer): {sfunc: int4pl, stype: integer, parallel: sometimes}
                """), "2:61", "'parallel' of aggregate public.tally(integer) to be one of restricted, safe, unsafe");
        assertMessage(error("""
                aggregates:
                  tally(integer): {sfunc: int4pl, stype: integer, msfunc: int4pl}
                """), "2:19", "needs 'minvfunc'");
        assertMessage(error("""
                functions:
                  tally(integer): CREATE AGGREGATE public.tally(integer) (SFUNC = int4pl, STYPE = integer)
                """), "2:19", "creates an aggregate; declare it under 'aggregates'");
        assertMessage(error("""
                casts:
                  - {source: app.code, target: text}
                """), "2:5", "cast (app.code AS text) needs 'function'");
        assertMessage(error("""
                casts:
                  - {source: app.code, target: text, method: inout}
                  - {source: app.code, target: text, function: app.code_text(app.code)}
                """), "3:5", "cast (app.code AS text) is declared twice: at schema.yaml:2:5");
        assertMessage(error("""
                casts:
                  - {source: app.code, target: text, function: "app.code_text(app.code); DROP TABLE x"}
                """), "2:48", "'function' of cast (app.code AS text) is not a signature");
    }

    @Test
    void sharedNamespacesAndDuplicatesAcrossKinds() {
        assertMessage(error("""
                tables:
                  orders: {columns: {id: int}}
                views:
                  orders: SELECT 1
                """), "4:3", "view public.orders has the name of table public.orders at schema.yaml:2:3",
                "tables, views and sequences share one namespace");
        assertMessage(error("""
                enums:
                  mood: [ok]
                domains:
                  mood: text
                """), "4:3", "domain public.mood has the name of enum public.mood", "share one namespace");
        assertMessage(error("""
                tables:
                  rooms:
                    columns: {id: int}
                    checks:
                      - {name: no_overlap, expression: id > 0}
                    exclude:
                      no_overlap: EXCLUDE USING gist (id WITH =)
                """), "7:7", "exclusion constraint no_overlap of table public.rooms has the name of another constraint");
        assertMessage(error("""
                extensions: [pgcrypto, citext, pgcrypto]
                """), "1:32", "extension pgcrypto is listed twice: at schema.yaml:1:14");
        assertMessage(error("""
                extensions:
                  pgcrypto: {schema: public, verison: "1.3"}
                """), "2:30", "unknown key 'verison' in extension pgcrypto", "did you mean 'version'?");
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
