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

    @Test
    void foldsKeywordCaseAndNameCase() {
        assertTrue(Expressions.equivalent("a > 0 and B is not null", "(a > 0) AND (b IS NOT NULL)"));
        assertTrue(Expressions.equivalent("active = TRUE", "active = true"));
        assertTrue(Expressions.equivalent("current_timestamp", "CURRENT_TIMESTAMP"));
        assertFalse(Expressions.equivalent("\"B\" > 0", "b > 0"), "a quoted name keeps its case");
    }

    @Test
    void inListEqualsPostgresArrayForm() {
        assertTrue(Expressions.equivalent("status in ('draft','sent')",
                "(status = ANY (ARRAY['draft'::text, 'sent'::text]))"));
        assertTrue(Expressions.equivalent("status IN ('draft', 'sent')",
                "((status)::text = ANY ((ARRAY['draft'::character varying, 'sent'::character varying])::text[]))"));
        assertTrue(Expressions.equivalent("status not in ('a', 'b')",
                "(status <> ALL (ARRAY['a'::text, 'b'::text]))"));
        assertTrue(Expressions.equivalent("status in ('a')", "(status = 'a'::text)"));
        assertFalse(Expressions.equivalent("status in ('draft','sent')",
                "(status = ANY (ARRAY['draft'::text, 'paid'::text]))"));
        assertFalse(Expressions.equivalent("status in ('a', 'b')", "status in ('b', 'a')"), "order is kept");
    }

    @Test
    void dropsCastsPostgresAddsToLiterals() {
        assertTrue(Expressions.equivalent("'draft'", "'draft'::text"));
        assertTrue(Expressions.equivalent("'abc'", "'abc'::character varying"));
        assertTrue(Expressions.equivalent("price >= 0", "(price >= (0)::numeric)"));
        assertTrue(Expressions.equivalent("-1", "'-1'::integer"));
        assertTrue(Expressions.equivalent("1.5", "1.5::numeric"));
        assertFalse(Expressions.equivalent("0.5", "0.5::integer"), "a decimal cast to integer is rounded");
        assertFalse(Expressions.equivalent("'{}'", "'{}'::jsonb"), "casts to other types stay");
        assertTrue(Expressions.equivalent("tenant_id = current_setting('app.tenant')::uuid",
                "(tenant_id = (current_setting('app.tenant'::text))::uuid)"));
        assertTrue(Expressions.equivalent("lower(email)", "lower((email)::text)"));
        assertTrue(Expressions.equivalent("x::int4", "(x)::integer"));
    }

    @Test
    void keepsWhatPostgresKeepsApart() {
        assertFalse(Expressions.equivalent("now()", "CURRENT_TIMESTAMP"));
        assertFalse(Expressions.equivalent("a > 0", "a >= 0"));
        assertFalse(Expressions.equivalent("(a + b) * c", "a + b * c"));
        assertTrue(Expressions.equivalent("a + b * c", "(a + (b * c))"));
        assertFalse(Expressions.equivalent("'Draft'", "'draft'"));
    }

    @Test
    void parenthesesAroundComparisonsInsideAndOrAreLayoutOnly() {
        assertTrue(Expressions.equivalent("a > 0 AND b > 0 OR c IS NULL", "(((a > 0) AND (b > 0)) OR (c IS NULL))"));
        assertTrue(Expressions.equivalent("a > 0 and (b > 0 and c > 0)", "((a > 0) AND (b > 0) AND (c > 0))"));
        assertFalse(Expressions.equivalent("a > 0 AND (b > 0 OR c > 0)", "(a > 0 AND b > 0) OR c > 0"));
    }

    @Test
    void rewritesBetweenAndLikeAsPostgresStoresThem() {
        assertTrue(Expressions.equivalent("qty between 1 and 10", "((qty >= 1) AND (qty <= 10))"));
        assertTrue(Expressions.equivalent("name like 'a%'", "(name ~~ 'a%'::text)"));
        assertTrue(Expressions.equivalent("a != b", "(a <> b)"));
        assertTrue(Expressions.equivalent("interval '1 day'", "'1 day'::interval"));
    }

    @Test
    void textItCannotParseOnlyHasWhitespaceFolded() {
        String view = "SELECT id,\n   name FROM t";
        assertEquals("SELECT id, name FROM t", Expressions.normalize(view));
        assertFalse(Expressions.equivalent("SELECT id FROM t", "select id from t"));
    }

    @Test
    void keepsTheSequenceDefaultSpelling() {
        assertEquals("nextval('orders_id_seq'::regclass)", Expressions.normalize("nextval('orders_id_seq'::regclass)"));
        assertEquals("nextval('\"Orders_id_seq\"'::regclass)",
                Expressions.normalize("nextval('\"Orders_id_seq\"'::regclass)"));
    }
}
