package dev.schemaguard.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Table;
import org.junit.jupiter.api.Test;

/** {@code renamed_from} on a table (docs/yaml-format.md, "Declared renames"). */
class DeclaredRenamesYamlTest {

    private static Table table(Database database, String name) {
        return database.table(QualifiedName.of("public", name)).orElseThrow();
    }

    @Test
    void readsTheOldNameAndWritesItBack() {
        Database database = YamlSchemaReader.readString("""
                tables:
                  customers:
                    renamed_from: clients
                    columns:
                      id: int
                      full_name:
                        type: text
                        renamed_from: name
                  plain:
                    columns:
                      id: int
                """, "schema.yaml");
        assertEquals("clients", table(database, "customers").renamedFrom());
        assertNull(table(database, "plain").renamedFrom());
        assertEquals("name", table(database, "customers").column("full_name").orElseThrow().renamedFrom());
        assertNull(table(database, "customers").column("id").orElseThrow().renamedFrom());
        String written = YamlSchemaWriter.write(database);
        assertTrue(written.contains("renamed_from: clients") && written.contains("renamed_from: name"), written);
        assertEquals(database, YamlSchemaReader.readString(written, "written"));
    }

    @Test
    void aModelWithoutDeclaredRenamesIsWrittenWithoutTheKey() {
        Database database = YamlSchemaReader.readString("tables: {t: {columns: {id: int}}}", "schema.yaml");
        assertFalse(YamlSchemaWriter.write(database).contains("renamed_from"));
    }

    @Test
    void aBadOldNameIsAnErrorAtTheKey() {
        YamlSchemaException sameName = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString("""
                tables:
                  customers:
                    renamed_from: customers
                    columns:
                      id: int
                """, "schema.yaml"));
        assertTrue(sameName.getMessage().startsWith("schema.yaml:2:3: ") && sameName.getMessage().contains("renamed from itself"),
                sameName.getMessage());
        String tooLong = "x".repeat(64);
        YamlSchemaException overLong = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString("""
                tables:
                  customers:
                    renamed_from: %s
                    columns:
                      id: int
                """.formatted(tooLong), "schema.yaml"));
        assertTrue(overLong.getMessage().startsWith("schema.yaml:3:") && overLong.getMessage().contains("renamed_from"),
                overLong.getMessage());
    }
}
