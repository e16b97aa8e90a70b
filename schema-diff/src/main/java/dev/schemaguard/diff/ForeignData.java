package dev.schemaguard.diff;

import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.Identifiers;

import java.util.List;
import java.util.Objects;

/** How two foreign-data wrappers of one name compare: a handler or validator written without schema matches any schema. */
public final class ForeignData {

    private ForeignData() {
    }

    static boolean sameWrapper(ForeignDataWrapper a, ForeignDataWrapper b) {
        return sameFunction(a.handler(), b.handler()) && sameFunction(a.validator(), b.validator())
                && a.options().equals(b.options()) && Objects.equals(a.comment(), b.comment());
    }

    /**
     * The same function, as the model spells it ({@code public.postgres_fdw_handler}); one written without a
     * schema ({@code postgres_fdw_handler}, as a hand-written schema may say it) matches that name in any schema,
     * since introspection always names the schema.
     */
    public static boolean sameFunction(String expected, String actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        List<String> want = Identifiers.splitQualified(expected, false);
        List<String> have = Identifiers.splitQualified(actual, false);
        if (want.size() == have.size()) {
            return want.equals(have);
        }
        return want.get(want.size() - 1).equals(have.get(have.size() - 1));
    }
}
