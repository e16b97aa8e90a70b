package dev.schemaguard.yaml;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeclaredSchemaNamesTest {

    @Test
    void aSingleSchemaFileNamesItsSchema() {
        assertEquals(Optional.of(Set.of("hand")), DeclaredSchemaNames.guess("""
                # a comment
                schema: hand
                tables:
                  item:
                    columns:
                      schema: text
                """));
    }

    @Test
    void theKeysUnderSchemasAreTheNames() {
        assertEquals(Optional.of(Set.of("app", "audit log", "billing")), DeclaredSchemaNames.guess("""
                extensions:
                  pgcrypto: {}
                schemas:
                  app:
                    tables:
                      t:
                        columns:
                          id: int
                  'audit log':
                    comment: |
                      several
                      lines
                  "billing": {}
                casts: []
                """));
    }

    @Test
    void aDirectoryNamesTheSchemasOfAllItsYamlFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("app.yaml"), "schema: app\ntables: {}\n");
        java.nio.file.Files.createDirectories(dir.resolve("more"));
        java.nio.file.Files.writeString(dir.resolve("more/audit.yml"), "schemas:\n  audit: {}\n");
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "schema: not_a_schema_file\n");
        assertEquals(Optional.of(Set.of("app", "audit")), DeclaredSchemaNames.guess(dir));

        java.nio.file.Files.writeString(dir.resolve("public.yaml"), "tables: {}\n");
        assertEquals(Optional.empty(), DeclaredSchemaNames.guess(dir), "one file in doubt: no guess");
    }

    @Test
    void inDoubtThereIsNoGuess() {
        assertEquals(Optional.empty(), DeclaredSchemaNames.guess("tables:\n  t:\n    columns:\n      id: int\n"),
                "no schema key: the reader's default");
        assertEquals(Optional.empty(), DeclaredSchemaNames.guess("schemas: {app: {}}\n"), "flow style");
        assertEquals(Optional.empty(), DeclaredSchemaNames.guess("schema: &s app\ntables: {}\n"), "an anchor");
        assertEquals(Optional.empty(), DeclaredSchemaNames.guess("---\nschema: app\n---\nschema: b\n"), "documents");
        assertEquals(Optional.empty(), DeclaredSchemaNames.guess("schemas:\n  - app\n"), "a list");
        assertEquals(Optional.empty(), DeclaredSchemaNames.guess("schema: 'it''s'\ntables: {}\n"), "an escaped quote");
        assertEquals(Optional.empty(), DeclaredSchemaNames.guess("schemas:\n    app: {}\n  other: {}\n"),
                "a key less indented than the first");
    }
}
