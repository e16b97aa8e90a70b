package dev.schemaguard.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a read does once for text a schema repeats (column lines, expressions, keys) and keeps compactly (long maps,
 * column positions) gives the same model, positions and errors as reading each place on its own.
 */
class RepeatedYamlTest {

    @TempDir
    Path dir;

    private static String table(String name, String parent) {
        return "  " + name + ":\n"
                + "    columns:\n"
                + "      id: bigint primary key\n"
                + (parent == null ? "" : "      parent_id: bigint references " + parent + "(id)\n")
                + "      amount: numeric(12,2) not null default 0\n"
                + "    checks:\n"
                + "      - (amount >= (0)::numeric)\n"
                + "    indexes:\n"
                + "      - columns: [amount]\n"
                + "        where: amount > 0\n";
    }

    @Test
    void repeatedTablesReadAsEachAlone() {
        String first = "tables:\n" + table("t0", null);
        String both = first + table("t1", "t0");
        Table alone = YamlSchemaReader.readString("tables:\n" + table("t1", "t0") + table("t0", null), "a.yaml")
                .schema("public").orElseThrow().table("t1").orElseThrow();
        Database read = YamlSchemaReader.readString(both, "b.yaml");
        assertEquals(alone, read.schema("public").orElseThrow().table("t1").orElseThrow());
        assertEquals(YamlSchemaReader.readString(first, "c.yaml").schema("public").orElseThrow().table("t0").orElseThrow(),
                read.schema("public").orElseThrow().table("t0").orElseThrow());
    }

    @Test
    void aWrongLineIsReportedWhereverItRepeats() {
        // the first occurrence is fine, the second one is not: a line that failed is never taken from earlier reads
        YamlSchemaException error = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString("""
                tables:
                  a:
                    columns:
                      id: bigint primary key
                  b:
                    columns:
                      id: bigint primary key
                      x: bigint nto null
                """, "schema.yaml"));
        assertEquals(new Position("schema.yaml", 8, 10), error.position());
        assertTrue(error.getMessage().contains("'nto'"), error.getMessage());
    }

    @Test
    void aLongMapFindsItsKeysAndRefusesADuplicateAtItsPlace() {
        String columns = IntStream.range(0, 40).mapToObj(i -> "      c" + i + ": int\n").collect(Collectors.joining());
        Database read = YamlSchemaReader.readString("tables:\n  wide:\n    columns:\n" + columns
                + "    primary_key: c39\n", "schema.yaml");
        Table wide = read.schema("public").orElseThrow().table("wide").orElseThrow();
        assertEquals(40, wide.columns().size());
        assertEquals(List.of("c39"), wide.primaryKey().columns());

        YamlSchemaException duplicate = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString(
                "tables:\n  wide:\n    columns:\n" + columns + "      c3: text\n", "schema.yaml"));
        assertEquals(new Position("schema.yaml", 44, 7), duplicate.position());
        assertTrue(duplicate.getMessage().contains("duplicate key 'c3' (first at schema.yaml:7:7)"), duplicate.getMessage());
    }

    @Test
    void columnPositionsAreFoundByTheNamesAsSqlSpellsThem() {
        DeclaredSchema declared = YamlSchemaReader.readDeclaredString("""
                schemas:
                  app:
                    tables:
                      "a.b":
                        columns:
                          "c.d": int
                          Id: int
                      a:
                        columns:
                          b: int
                """, "schema.yaml");
        Map<String, Position> expected = Map.of(
                "app.\"a.b\".\"c.d\"", new Position("schema.yaml", 6, 18),
                "app.\"a.b\".\"Id\"", new Position("schema.yaml", 7, 15),
                "app.a.b", new Position("schema.yaml", 10, 14));
        assertEquals(expected, declared.columns());
        assertEquals(declared.columns(), expected);
        assertEquals(expected.hashCode(), declared.columns().hashCode());
        assertEquals(new TreeMap<>(expected), new TreeMap<>(declared.columns()));
        assertNull(declared.columns().get("app.\"a.b\".\"c"));
        assertFalse(declared.columns().containsKey("app.a.\"c.d\""));
        assertThrows(UnsupportedOperationException.class, () -> declared.columns().put("app.a.c", new Position("x", 1, 1)));
    }

    @Test
    void aReplacementCharacterWrittenInUtf8IsText() throws Exception {
        Path file = dir.resolve("schema.yaml");
        Files.writeString(file, "tables:\n  t:\n    comment: \"\uFFFD\"\n    columns: {id: int}\n");
        assertEquals("\uFFFD", YamlSchemaReader.read(file).schema("public").orElseThrow().table("t").orElseThrow().comment());
    }
}
