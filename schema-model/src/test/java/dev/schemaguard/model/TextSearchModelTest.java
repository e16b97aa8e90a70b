package dev.schemaguard.model;

import static dev.schemaguard.model.TextSearchDictionary.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/** What the text search records accept, and the canonical order they keep their parts in. */
class TextSearchModelTest {

    private static final QualifiedName SIMPLE = QualifiedName.of("pg_catalog", "simple");

    @Test
    void optionsAreKeptInNameOrderSoThatOrderDoesNotMakeADifference() {
        assertEquals(TextSearchDictionary.of("d", "simple", option("stopwords", "english"), option("accept", "false")),
                TextSearchDictionary.of("d", "simple", option("accept", "false"), option("stopwords", "english")));
        assertEquals("english", TextSearchDictionary.of("d", "simple", option("stopwords", "english")).option("stopwords"));
    }

    @Test
    void optionNamesArePlainIdentifiersAndSetOnce() {
        for (String name : List.of("stop words", "x'); drop table t; --", "", "1st", "a-b")) {
            assertThrows(IllegalArgumentException.class, () -> option(name, "v"), name);
        }
        assertThrows(IllegalArgumentException.class, () -> option("stopwords", null));
        assertThrows(IllegalArgumentException.class, () -> option("stopwords", "a\0b"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> TextSearchDictionary.of("d", "simple", option("accept", "true"), option("accept", "false")));
        assertTrue(twice.getMessage().contains("sets option accept twice"), twice.getMessage());
    }

    @Test
    void mappingsAreInTokenTypeOrderAndEachNamesItsDictionariesOnce() {
        TextSearchConfiguration.Mapping word = new TextSearchConfiguration.Mapping("word", List.of(SIMPLE));
        TextSearchConfiguration.Mapping email = new TextSearchConfiguration.Mapping("email", List.of(SIMPLE));
        assertEquals(List.of(email, word), TextSearchConfiguration.onDefaultParser("c", List.of(word, email)).mappings());
        assertThrows(IllegalArgumentException.class, () -> new TextSearchConfiguration.Mapping("word", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TextSearchConfiguration.Mapping("word", List.of(SIMPLE, SIMPLE)));
        assertThrows(IllegalArgumentException.class, () -> TextSearchConfiguration.onDefaultParser("c", List.of(word, word)));
        assertEquals(List.of(), TextSearchConfiguration.onDefaultParser("c", List.of(word)).dictionariesFor("email"));
    }

    @Test
    void aSchemaHoldsEachNameOncePerKind() {
        TextSearchDictionary dictionary = TextSearchDictionary.of("english", "simple");
        TextSearchConfiguration configuration = TextSearchConfiguration.onDefaultParser("english", List.of());
        Schema both = Schema.named("app").textSearchDictionary(dictionary).textSearchConfiguration(configuration).build();
        assertEquals(List.of(dictionary), both.textSearchDictionaries(), "dictionaries and configurations have namespaces of their own");
        assertThrows(IllegalArgumentException.class, () -> Schema.named("app").textSearchDictionary(dictionary)
                .textSearchDictionary(dictionary).build());
        assertEquals(both, Schema.empty("app").withTextSearchDictionaries(List.of(dictionary))
                .withTextSearchConfigurations(List.of(configuration)));
    }
}
