package dev.schemaguard.diff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpressionsTest {

    @Test
    void foldsWhitespaceAndOuterParentheses() {
        assertEquals("a > 0", Expressions.normalize("((a   >\n 0))"));
        assertTrue(Expressions.equivalent("(price > 0)", "price > 0"));
    }

    @Test
    void keepsParenthesesThatAreNotOuter() {
        assertEquals("(a > 0) AND (b > 0)", Expressions.normalize("(a > 0) AND (b > 0)"));
    }

    @Test
    void keepsWhitespaceInsideQuotes() {
        assertFalse(Expressions.equivalent("'a  b'", "'a b'"));
        assertFalse(Expressions.equivalent("\"my  col\" > 0", "\"my col\" > 0"));
    }

    @Test
    void nullOnlyEqualsNull() {
        assertTrue(Expressions.equivalent(null, null));
        assertFalse(Expressions.equivalent(null, "0"));
    }
}
