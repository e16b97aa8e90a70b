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
