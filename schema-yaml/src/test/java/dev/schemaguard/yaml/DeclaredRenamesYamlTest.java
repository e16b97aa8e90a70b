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

    @Test
    void readsTheOldNamesOfSchemasTypesConstraintsAndIndexesAndWritesThemBack() {
        Database database = YamlSchemaReader.readString("""
                schemas:
                  app:
                    renamed_from: old_app
                    enums:
                      feeling: {values: [sad, happy], renamed_from: mood}
                    domains:
                      positive: {type: int, renamed_from: pos}
                    composite_types:
                      address: {attributes: {city: text}, renamed_from: addr}
                    range_types:
                      numr: {subtype: float8, renamed_from: floatrange}
                    tables:
                      p:
                        columns:
                          id: int
                          code: text
                          n: int
                          during: int4range
                        primary_key: {name: p_pkey, columns: [id], renamed_from: p_old_pkey}
                        unique:
                          - {columns: [code], renamed_from: p_old_code}
                        checks:
                          - {expression: n > 0, renamed_from: p_old_check}
                        indexes:
                          - {name: p_n_idx, columns: [n], renamed_from: p_old_idx}
                        exclude:
                          p_during_excl: {definition: EXCLUDE USING gist (during WITH &&), renamed_from: p_old_excl}
                      c:
                        columns:
                          p_id: int
                        foreign_keys:
                          - {columns: [p_id], references: p(id), renamed_from: c_old_fkey}
                """, "schema.yaml");
        var app = database.schema("app").orElseThrow();
        assertEquals("old_app", app.renamedFrom());
        assertEquals("mood", app.enums().get(0).renamedFrom());
        assertEquals("pos", app.domains().get(0).renamedFrom());
        assertEquals("addr", app.compositeTypes().get(0).renamedFrom());
        assertEquals("floatrange", app.rangeTypes().get(0).renamedFrom());
        Table p = app.table("p").orElseThrow();
        assertEquals("p_old_pkey", p.primaryKey().renamedFrom());
        assertEquals("p_old_code", p.uniqueConstraints().get(0).renamedFrom());
        assertEquals("p_code_key", p.uniqueConstraints().get(0).name());
        assertEquals("p_old_check", p.checkConstraints().get(0).renamedFrom());
        assertEquals("p_old_idx", p.indexes().get(0).renamedFrom());
        assertEquals("p_old_excl", p.exclusionConstraints().get(0).renamedFrom());
        assertEquals("c_old_fkey", app.table("c").orElseThrow().foreignKeys().get(0).renamedFrom());
        String written = YamlSchemaWriter.write(database);
        assertEquals(database, YamlSchemaReader.readString(written, "written"), written);
    }

    @Test
    void aKeyRenamedFromItselfIsAnErrorAtItsPlace() {
        YamlSchemaException e = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString("""
                enums:
                  mood: {values: [a], renamed_from: mood}
                """, "schema.yaml"));
        assertTrue(e.getMessage().startsWith("schema.yaml:2:") && e.getMessage().contains("renamed from itself"), e.getMessage());
    }
}
