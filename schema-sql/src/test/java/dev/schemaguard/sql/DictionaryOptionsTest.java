package dev.schemaguard.sql;

import static dev.schemaguard.model.TextSearchDictionary.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;

/** pg_ts_dict.dictinitoption as PostgreSQL writes it (serialize_deflist), read back into name/value pairs. */
class DictionaryOptionsTest {

    @Test
    void readsQuotedValuesEscapesAndQuotedNames() {
        assertEquals(List.of(option("language", "english"), option("stopwords", "it's")),
                DictionaryOptions.parse("language = 'english', stopwords = 'it''s'"));
        assertEquals(List.of(option("dictfile", "a\\b'c"), option("Accept", "false")),
                DictionaryOptions.parse("dictfile = E'a\\\\b''c', \"Accept\" = 'false'"));
        assertEquals(List.of(option("maxlen", "10")), DictionaryOptions.parse("maxlen = 10"));
        assertEquals(List.of(), DictionaryOptions.parse(null));
    }

    @Test
    void refusesWhatIsNoOptionList() {
        assertThrows(IllegalArgumentException.class, () -> DictionaryOptions.parse("language 'english'"));
        assertThrows(IllegalArgumentException.class, () -> DictionaryOptions.parse("language = 'english"));
        assertThrows(IllegalArgumentException.class, () -> DictionaryOptions.parse("\"stop words\" = 'x'"));
    }
}
