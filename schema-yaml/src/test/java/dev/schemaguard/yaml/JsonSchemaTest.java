package dev.schemaguard.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** docs/schemaguard.schema.json is valid JSON, a draft 2020-12 schema, and lists exactly the keys the reader accepts. */
class JsonSchemaTest {

    static final Path SCHEMA = Path.of("..", "docs", "schemaguard.schema.json");

    private static JsonNode schema() throws IOException {
        return new ObjectMapper().readTree(SCHEMA.toFile());
    }

    @Test
    void isADraft202012Schema() throws IOException {
        JsonNode schema = schema();
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        assertEquals("#/$defs/file", schema.get("$ref").asText());
    }

    @Test
    void everyDefinitionWithKeysListsExactlyTheReadersKeys() throws IOException {
        JsonNode definitions = schema().get("$defs");
        for (var entry : YamlKeys.BY_DEFINITION.entrySet()) {
            JsonNode definition = definitions.get(entry.getKey());
            assertNotNull(definition, "$defs/" + entry.getKey() + " is missing");
            Set<String> properties = new TreeSet<>();
            definition.get("properties").fieldNames().forEachRemaining(properties::add);
            assertEquals(new TreeSet<>(entry.getValue()), properties, "keys of $defs/" + entry.getKey());
            assertFalse(definition.get("additionalProperties").asBoolean(true),
                    "$defs/" + entry.getKey() + " must reject unknown keys, as the reader does");
        }
    }

    @Test
    void everyDefinitionWithPropertiesIsCheckedAgainstTheReader() throws IOException {
        JsonNode definitions = schema().get("$defs");
        definitions.fieldNames().forEachRemaining(name -> {
            if (definitions.get(name).has("properties")) {
                assertTrue(YamlKeys.BY_DEFINITION.containsKey(name), "$defs/" + name + " has keys the reader does not declare");
            }
        });
    }

    @Test
    void everyReferenceResolves() throws IOException {
        JsonNode schema = schema();
        List<String> references = new ArrayList<>();
        collectReferences(schema, references);
        assertFalse(references.isEmpty());
        for (String reference : references) {
            assertTrue(reference.startsWith("#/$defs/"), reference);
            assertNotNull(schema.get("$defs").get(reference.substring("#/$defs/".length())), "unresolved " + reference);
        }
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectReferences(child, references));
    }
}
