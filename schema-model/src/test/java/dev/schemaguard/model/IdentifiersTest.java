package dev.schemaguard.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifiersTest {

    @Test
    void quotesOnlyWherePostgresWould() {
        assertEquals("orders", Identifiers.quote("orders"));
        assertEquals("_x1", Identifiers.quote("_x1"));
        assertEquals("\"Orders\"", Identifiers.quote("Orders"));
        assertEquals("\"order items\"", Identifiers.quote("order items"));
        assertEquals("\"select\"", Identifiers.quote("select"));
        assertEquals("\"1st\"", Identifiers.quote("1st"));
        assertEquals("\"say \"\"hi\"\"\"", Identifiers.quote("say \"hi\""));
        assertEquals("\"naïve\"", Identifiers.quote("naïve"));
    }

    @Test
    void literalsDoubleQuotesAndEscapeBackslashes() {
        assertEquals("'it''s'", Identifiers.literal("it's"));
        assertEquals("E'a\\\\b'", Identifiers.literal("a\\b"));
    }

    @Test
    void defaultNamesFollowPostgres() {
        assertEquals("orders_pkey", Identifiers.defaultName("orders", null, "pkey"));
        assertEquals("orders_customer_id_fkey", Identifiers.defaultName("orders", "customer_id", "fkey"));
        String longTable = "t".repeat(60);
        String name = Identifiers.defaultName(longTable, "customer_id", "fkey");
        assertTrue(Identifiers.byteLength(name) <= 63, name);
        // The longer part is shortened first: 63 - "_fkey" - "_" = 57 bytes for both names.
        assertEquals("t".repeat(46) + "_customer_id_fkey", name);
    }

    @Test
    void defaultNamesCutAtCharacterBoundaries() {
        String name = Identifiers.defaultName("日".repeat(21), "x", "key");
        assertTrue(Identifiers.byteLength(name) <= 63);
        assertTrue(name.endsWith("_x_key"));
    }

    @Test
    void rejectsNamesPostgresWouldTruncate() {
        Identifiers.requireValid("a".repeat(63), "table name");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Identifiers.requireValid("a".repeat(64), "table name"));
        assertTrue(error.getMessage().contains("64 bytes"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Identifiers.requireValid("é".repeat(32), "table name"));
    }

    @Test
    void splitsDottedNamesFoldingOnlyWhenAsked() {
        assertEquals(java.util.List.of("app", "Order \"Lines\".x"), Identifiers.splitQualified("app.\"Order \"\"Lines\"\".x\"", true));
        assertEquals(java.util.List.of("app", "mood"), Identifiers.splitQualified("App . Mood", true));
        assertEquals(java.util.List.of("App", "Mood"), Identifiers.splitQualified("App.Mood", false));
        assertThrows(IllegalArgumentException.class, () -> Identifiers.splitQualified("app.\"open", false));
    }
}
