package dev.schemaguard.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;
import org.junit.jupiter.api.Test;

import java.util.List;

/** text_search_dictionaries and text_search_configurations: read, written back, and rejected at file:line:col. */
class TextSearchYamlTest {

    private static final String YAML = """
            text_search_dictionaries:
              english_nostop:
                template: snowball
                options: {language: english, MaxLen: 10, accept: false}
                comment: stems
              syn:
                template: ext.my_template
            text_search_configurations:
              documents:
                mappings:
                  asciiword: [public.english_nostop, english_stem]
                  email: simple
                comment: docs
              other:
                parser: ext.my_parser
            """;

    @Test
    void readsDictionariesAndConfigurationsWithPgCatalogAsTheDefaultSchema() {
        Schema schema = YamlSchemaReader.readString(YAML, "search.yaml").schema("public").orElseThrow();
        assertEquals(List.of(
                new TextSearchDictionary("english_nostop", QualifiedName.of("pg_catalog", "snowball"), List.of(
                        TextSearchDictionary.option("MaxLen", "10"), TextSearchDictionary.option("accept", "false"),
                        TextSearchDictionary.option("language", "english")), "stems"),
                new TextSearchDictionary("syn", QualifiedName.of("ext", "my_template"), List.of(), null)),
                schema.textSearchDictionaries());
        assertEquals(List.of(
                new TextSearchConfiguration("documents", TextSearchConfiguration.DEFAULT_PARSER, List.of(
                        new TextSearchConfiguration.Mapping("asciiword", List.of(QualifiedName.of("public", "english_nostop"),
                                QualifiedName.of("pg_catalog", "english_stem"))),
                        new TextSearchConfiguration.Mapping("email", List.of(QualifiedName.of("pg_catalog", "simple")))), "docs"),
                new TextSearchConfiguration("other", QualifiedName.of("ext", "my_parser"), List.of(), null)),
                schema.textSearchConfigurations());
    }

    @Test
    void roundTripsThroughTheWriter() {
        Database read = YamlSchemaReader.readString(YAML, "search.yaml");
        String written = YamlSchemaWriter.write(read);
        assertTrue(written.contains("text_search_dictionaries:") && written.contains("template: snowball")
                && !written.contains("parser: default"), written);
        assertEquals(read, YamlSchemaReader.readString(written, "written.yaml"));
    }

    @Test
    void optionValuesMustBeTextAndNamesPlainIdentifiers() {
        assertError("""
                text_search_dictionaries:
                  d:
                    template: simple
                    options:
                      stopwords: [english]
                """, "5:18", "option stopwords of text search dictionary public.d as text");
        assertError("""
                text_search_dictionaries:
                  d:
                    template: simple
                    options:
                      "stop words = 'x'); drop table t; --": english
                """, "5:7", "not a plain identifier");
        assertError("""
                text_search_dictionaries:
                  d:
                    options: {stopwords: english}
                """, "3:5", "needs 'template'");
        assertError("""
                text_search_dictionaries:
                  d:
                    template: "simple; drop table t"
                """, "3:15", "'template' of text search dictionary public.d");
    }

    @Test
    void mappingsNameDictionariesAndTokenTypesOnce() {
        assertError("""
                text_search_configurations:
                  c:
                    mappings:
                      word: [simple, simple]
                """, "4:7", "names a dictionary twice");
        assertError("""
                text_search_configurations:
                  c:
                    mappings:
                      word: [{dictionary: simple}]
                """, "4:14", "the dictionaries for token type word");
        assertError("""
                text_search_configurations:
                  c:
                    parsr: default
                """, "3:5", "unknown key 'parsr'", "did you mean 'parser'?");
    }

    private static void assertError(String yaml, String position, String... parts) {
        YamlSchemaException error = assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString(yaml, "schema.yaml"));
        assertTrue(error.getMessage().startsWith("schema.yaml:" + position + ": "), error.getMessage());
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), () -> "'" + part + "' missing from: " + error.getMessage());
        }
    }
}
