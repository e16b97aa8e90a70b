package dev.schemaguard.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.model.ComparisonScope;
import dev.schemaguard.model.HistoryTables;
import dev.schemaguard.model.IgnoreRule;
import dev.schemaguard.model.ObjectKind;
import dev.schemaguard.model.UnexpectedObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The file-level ignore:, history_tables: and unexpected: keys (docs/yaml-format.md, "Ignore rules"). */
class ScopeYamlTest {

    private static ComparisonScope scope(String yaml) {
        return YamlSchemaReader.readDeclaredString(yaml, "schema.yaml").scope();
    }

    private static void assertError(String yaml, String position, String... parts) {
        YamlSchemaException error = assertThrows(YamlSchemaException.class, () -> scope(yaml));
        assertTrue(error.getMessage().startsWith("schema.yaml:" + position + ": "), error.getMessage());
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), () -> "'" + part + "' missing from: " + error.getMessage());
        }
    }

    @Test
    void readsRulesHistoryTablesAndPolicies() {
        ComparisonScope scope = scope("""
                ignore:
                  - public.legacy_*
                  - reporting.*
                  - functions: app.*
                  - extensions: pg_stat_statements
                history_tables:
                  names: [app.schema_version]
                unexpected:
                  default: warn
                  tables: drift
                  functions: ignore
                tables:
                  orders:
                    columns:
                      id: int
                """);
        assertEquals(List.of(new IgnoreRule(null, "public.legacy_*", "schema.yaml:2:5"),
                new IgnoreRule(null, "reporting.*", "schema.yaml:3:5"),
                new IgnoreRule(ObjectKind.FUNCTION, "app.*", "schema.yaml:4:16"),
                new IgnoreRule(ObjectKind.EXTENSION, "pg_stat_statements", "schema.yaml:5:17")).toString(), scope.ignore().toString());
        assertEquals(List.of("schema.yaml:2:5", "schema.yaml:3:5", "schema.yaml:4:16", "schema.yaml:5:17"),
                scope.ignore().stream().map(IgnoreRule::origin).toList());
        assertEquals(new HistoryTables(false, Set.of("app.schema_version")), scope.historyTables());
        assertEquals(new UnexpectedObjects(UnexpectedObjects.Policy.WARN,
                Map.of(ObjectKind.TABLE, UnexpectedObjects.Policy.DRIFT, ObjectKind.FUNCTION, UnexpectedObjects.Policy.IGNORE)),
                scope.unexpected());
    }

    @Test
    void aFileWithoutTheKeysHasTheDefaultScope() {
        assertEquals(ComparisonScope.DEFAULT, scope("tables: {t: {columns: {id: int}}}"));
        assertEquals(UnexpectedObjects.Policy.IGNORE, scope("unexpected: ignore\ntables: {t: {columns: {id: int}}}")
                .unexpected().fallback());
        assertTrue(scope("history_tables: {compare: true}\ntables: {t: {columns: {id: int}}}").historyTables().compared());
    }

    @Test
    void filesOfADirectoryAddUpAndAPolicyGivenTwiceDifferentlyIsAnError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "ignore: [public.tmp_*]\nunexpected: {views: warn}\ntables: {t: {columns: {id: int}}}\n");
        Files.writeString(dir.resolve("b.yaml"), "ignore: [reporting.*]\nunexpected: {views: warn}\n");
        ComparisonScope scope = YamlSchemaReader.readDeclared(dir).scope();
        assertEquals(List.of("public.tmp_*", "reporting.*"), scope.ignore().stream().map(IgnoreRule::pattern).toList());
        Files.writeString(dir.resolve("c.yaml"), "unexpected:\n  views: ignore\n");
        YamlSchemaException error = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readDeclared(dir));
        assertTrue(error.getMessage().startsWith(dir.resolve("c.yaml") + ":2:3: the policy for unexpected views is given twice (also at "
                + dir.resolve("b.yaml") + ":2:14)"), error.getMessage());
    }

    @Test
    void mistakesAreNamedAtFileLineColumn() {
        assertError("""
                ignore:
                  - public.a.b
                """, "2:5", "an ignore rule", "more than one dot");
        assertError("""
                ignore:
                  - functoins: app.*
                """, "2:5", "unknown object kind 'functoins'", "did you mean 'functions'?");
        assertError("""
                ignore:
                  - {tables: a.*, views: b.*}
                """, "2:5", "one KIND: GLOB pair", "found 2 keys");
        assertError("""
                ignore:
                  - schemas: app.x
                """, "2:14", "must be a name, not schema.name");
        assertError("""
                ignore: public.legacy_*
                """, "1:9", "expected 'ignore'", "as a list");
        assertError("""
                unexpected: drop
                """, "1:13", "one of drift, ignore, warn", "found 'drop'");
        assertError("""
                unexpected:
                  tabels: warn
                """, "2:3", "unknown object kind 'tabels'", "did you mean 'tables'?");
        assertError("""
                history_tables:
                  name: [x]
                """, "2:3", "unknown key 'name'", "did you mean 'names'?");
    }
}
