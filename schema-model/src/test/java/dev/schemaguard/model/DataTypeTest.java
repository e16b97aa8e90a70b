package dev.schemaguard.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataTypeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "int4                          | integer",
            "INT                           | integer",
            "int8                          | bigint",
            "int2                          | smallint",
            "varchar(255)                  | character varying(255)",
            "character varying ( 255 )     | character varying(255)",
            "VARCHAR                       | character varying",
            "timestamptz                   | timestamp with time zone",
            "timestamptz(3)                | timestamp(3) with time zone",
            "timestamp(6) without time zone| timestamp(6) without time zone",
            "timestamp                     | timestamp without time zone",
            "timetz                        | time with time zone",
            "bool                          | boolean",
            "float8                        | double precision",
            "float                         | double precision",
            "float(10)                     | real",
            "float4                        | real",
            "decimal(10, 2)                | numeric(10,2)",
            "char                          | character(1)",
            "char(3)                       | character(3)",
            "varbit(8)                     | bit varying(8)",
            "text[]                        | text[]",
            "int[][]                       | integer[][]",
            "integer array                 | integer[]",
            "serial4                       | serial",
            "bigserial                     | bigserial",
            "interval day to second(3)     | interval day to second(3)",
            "pg_catalog.int4               | integer",
            "public.mood                   | public.mood",
            "\"My Schema\".\"My Type\"[]   | \"My Schema\".\"My Type\"[]",
    })
    void parsesTheSpellingsPeopleWriteIntoPostgresCanonicalForm(String written, String canonical) {
        assertEquals(canonical, DataType.parse(written).sql());
    }

    @Test
    void theInternalCharTypeIsOnlyNamedQuoted() {
        DataType internal = DataType.parse("\"char\"");
        assertEquals("\"char\"", internal.sql());
        assertEquals(internal, DataType.parse(internal.sql()));
        assertEquals(internal, DataType.parse("pg_catalog.\"char\""));
        assertEquals("\"char\"[]", DataType.parse("\"char\"[]").sql());
        assertEquals("character(1)", DataType.parse("char").sql(), "bare, char is character(1)");
        assertFalse(internal.sameTypeAs(DataType.parse("char")));
    }

    @Test
    void aliasesAreEqualValues() {
        assertEquals(DataType.parse("int4"), DataType.parse("integer"));
        assertEquals(DataType.parse("varchar(10)"), DataType.parse("character varying(10)"));
        assertEquals(DataType.parse("timestamptz"), DataType.parse("timestamp with time zone"));
    }

    @Test
    void keywordTypeNamesAreNotQuoted() {
        assertEquals("integer", DataTypes.integer().sql());
        assertEquals("double precision", DataTypes.doublePrecision().sql());
    }

    @Test
    void unqualifiedUserTypeMatchesQualifiedOne() {
        DataType written = DataType.parse("mood");
        DataType found = DataType.userDefined("public", "mood");
        assertTrue(written.sameTypeAs(found));
        assertFalse(DataType.userDefined("other", "mood").sameTypeAs(found));
    }

    @Test
    void serialTypesStoreAsIntegers() {
        assertEquals(DataTypes.integer(), DataTypes.serial().storageType());
        assertEquals(DataTypes.bigint(), DataTypes.bigserial().storageType());
        assertTrue(DataTypes.serial().isSerial());
        assertFalse(DataTypes.integer().isSerial());
    }

    @Test
    void modifiersAreKeptInOrder() {
        assertEquals(List.of("10", "2"), DataType.parse("numeric(10,2)").modifiers());
    }

    @Test
    void rejectsMalformedTypes() {
        assertThrows(IllegalArgumentException.class, () -> DataType.parse("varchar(10"));
        assertThrows(IllegalArgumentException.class, () -> DataType.parse("a.b.c"));
        assertThrows(IllegalArgumentException.class, () -> DataType.parse("  "));
    }
}
