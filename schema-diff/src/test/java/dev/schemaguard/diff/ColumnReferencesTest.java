package dev.schemaguard.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a column's rename is spelled into the SQL text of its table (checks, index expressions, generated columns). */
class ColumnReferencesTest {

    @Test
    void renamesTheColumnWhereverItIsAReference() {
        assertEquals("((c > 0) AND (c < b))", ColumnReferences.renamed("((a > 0) AND (a < b))", "a", "c"));
        assertEquals("(c + 1)", ColumnReferences.renamed("(A + 1)", "a", "c"), "an unquoted name folds to lower case");
        assertEquals("(\"New Name\" * 2)", ColumnReferences.renamed("(a * 2)", "a", "New Name"), "quoted where it must be");
        assertEquals("lower(c)", ColumnReferences.renamed("lower(\"a\")", "a", "c"));
    }

    @Test
    void leavesAloneWhatIsNoReferenceToTheColumn() {
        assertEquals("(a_b > 'a')", ColumnReferences.renamed("(a_b > 'a')", "a", "c"), "another name, a string");
        assertEquals("(x.a > 0)", ColumnReferences.renamed("(x.a > 0)", "a", "c"), "qualified by another relation");
        assertEquals("a(b)", ColumnReferences.renamed("a(b)", "a", "c"), "a function of that name");
        assertEquals("(b)::a", ColumnReferences.renamed("(b)::a", "a", "c"), "a type of that name");
        assertEquals("(\"A\" > 0)", ColumnReferences.renamed("(\"A\" > 0)", "a", "c"), "a quoted name of another case");
        assertEquals("(b = E'a\\'' OR a > 0)", ColumnReferences.renamed("(b = E'a\\'' OR a > 0)", "a", "c"),
                "text with an escape string is left as it is (re-created rather than misread)");
        assertEquals("(a > 0) -- a", ColumnReferences.renamed("(a > 0) -- a", "a", "c"), "and so is text with a comment");
    }

    @Test
    void renamesASchemaOnlyWhereItQualifiesAName() {
        assertEquals(" SELECT p.id FROM app.p JOIN other.old ON true",
                ColumnReferences.qualifierRenamed(" SELECT p.id FROM old.p JOIN other.old ON true", "old", "app"));
        assertEquals("'old.p'::regclass", ColumnReferences.qualifierRenamed("'old.p'::regclass", "old", "app"));
    }

    @Test
    void renamesATypeWhereItIsCastToAndInARoutineHeaderButNotInItsBody() {
        assertEquals("'sad'::feeling", ColumnReferences.castTypeRenamed("'sad'::mood", "public", "mood", "feeling"));
        assertEquals("'sad'::app.feeling", ColumnReferences.castTypeRenamed("'sad'::app.mood", "app", "mood", "feeling"));
        assertEquals("'sad'::other.mood", ColumnReferences.castTypeRenamed("'sad'::other.mood", "app", "mood", "feeling"));
        assertEquals("(mood = 'x'::text)", ColumnReferences.castTypeRenamed("(mood = 'x'::text)", "public", "mood", "feeling"),
                "a column of that name is no cast");
        assertEquals("CREATE FUNCTION public.f(x feeling) AS $f$ select x::mood $f$",
                ColumnReferences.typeRenamed("CREATE FUNCTION public.f(x mood) AS $f$ select x::mood $f$", "public", "mood",
                        "feeling"));
        assertEquals("x app.feeling, y integer", ColumnReferences.typeRenamed("x app.mood, y integer", "app", "mood", "feeling"));
    }
}
