package dev.schemaguard.sql;

import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.Cast;
import dev.schemaguard.model.DataType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Exact SQL for aggregates and casts, without a database (the convergence cases run it on PostgreSQL 13-17). */
class DdlAggregatesTest {

    @Test
    void aPlainAggregateNamesOnlyWhatItSets() {
        Aggregate tally = Aggregate.of("tally", "integer", "app.tally_step", DataType.parse("int8"));
        assertEquals("CREATE AGGREGATE app.tally(integer) (SFUNC = app.tally_step, STYPE = bigint)",
                DdlAggregates.create("app", tally));
        assertEquals("DROP AGGREGATE app.tally(integer)", DdlAggregates.drop("app", tally));
        assertEquals("COMMENT ON AGGREGATE app.tally(integer) IS 'it''s a sum'",
                DdlAggregates.comment("app", tally, "it's a sum"));
        assertEquals("COMMENT ON AGGREGATE app.tally(integer) IS NULL", DdlAggregates.comment("app", tally, null));
    }

    @Test
    void everyOptionIsRenderedAndDefaultsAreLeftOut() {
        Aggregate all = new Aggregate("Tally", "integer", Aggregate.Kind.NORMAL, "app.step", DataType.parse("bigint[]"), 64,
                "app.done", true, Aggregate.Modify.SHAREABLE, "app.combine", "app.to_bytes", "app.from_bytes", "{0,0}",
                new Aggregate.Moving("app.step", "app.unstep", DataType.parse("bigint[]"), 32, "app.done", true,
                        Aggregate.Modify.READ_WRITE, "{0}"),
                "app.>>", Aggregate.Parallel.SAFE, null);
        assertEquals("CREATE AGGREGATE app.\"Tally\"(integer) (SFUNC = app.step, STYPE = bigint[], SSPACE = 64,"
                + " FINALFUNC = app.done, FINALFUNC_EXTRA, FINALFUNC_MODIFY = SHAREABLE, COMBINEFUNC = app.combine,"
                + " SERIALFUNC = app.to_bytes, DESERIALFUNC = app.from_bytes, INITCOND = '{0,0}', MSFUNC = app.step,"
                + " MINVFUNC = app.unstep, MSTYPE = bigint[], MSSPACE = 32, MFINALFUNC = app.done, MFINALFUNC_EXTRA,"
                + " MFINALFUNC_MODIFY = READ_WRITE, MINITCOND = '{0}', SORTOP = OPERATOR(app.>>), PARALLEL = SAFE)",
                DdlAggregates.create("app", all));
        Aggregate defaults = all.withFinalFunction("app.done", false, Aggregate.Modify.READ_ONLY)
                .withParallel(Aggregate.Parallel.UNSAFE);
        assertEquals(null, defaults.finalFunctionModify(), "READ_ONLY is the default of a normal aggregate");
        assertEquals(null, defaults.parallel(), "UNSAFE is the default");
    }

    @Test
    void orderedSetHypotheticalAndStarAggregates() {
        Aggregate median = new Aggregate("median", "double precision ORDER BY anyelement", Aggregate.Kind.ORDERED_SET,
                "ordered_set_transition", DataType.parse("internal"), 0, "percentile_disc_final", true,
                Aggregate.Modify.READ_WRITE, null, null, null, null, null, null, null, null);
        assertEquals(null, median.finalFunctionModify(), "READ_WRITE is the default of an ordered-set aggregate");
        assertEquals("CREATE AGGREGATE public.median(double precision ORDER BY anyelement) (SFUNC = ordered_set_transition,"
                + " STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA)", DdlAggregates.create("public", median));
        Aggregate ranked = new Aggregate("ranked", "VARIADIC \"any\" ORDER BY VARIADIC \"any\"", Aggregate.Kind.HYPOTHETICAL,
                "ordered_set_transition_multi", DataType.parse("internal"), 0, "rank_final", true, null, null, null, null,
                null, null, null, null, null);
        assertEquals("CREATE AGGREGATE public.ranked(VARIADIC \"any\" ORDER BY VARIADIC \"any\") (SFUNC ="
                + " ordered_set_transition_multi, STYPE = internal, FINALFUNC = rank_final, FINALFUNC_EXTRA, HYPOTHETICAL)",
                DdlAggregates.create("public", ranked));
        Aggregate counted = Aggregate.of("counted", "*", "int8inc", DataType.parse("bigint")).withInitialCondition("0");
        assertEquals("counted()", counted.signature(), "named as pg_depend and grants name it");
        assertEquals("CREATE AGGREGATE public.counted(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0')",
                DdlAggregates.create("public", counted));
        assertEquals("DROP AGGREGATE public.counted(*)", DdlAggregates.drop("public", counted));
        assertThrows(IllegalArgumentException.class, () -> new Aggregate("m", "integer ORDER BY integer",
                Aggregate.Kind.ORDERED_SET, "f", DataType.parse("internal"), 0, null, false, null, null, null, null, null,
                null, ">", null, null), "an ordered-set aggregate has no sort operator");
    }

    @Test
    void textThatIsNoNameNeverReachesSqlAsSql() {
        Aggregate odd = Aggregate.of("odd", "integer", "app.f(); DROP TABLE x; --", DataType.parse("integer"));
        assertEquals("app.\"f(); DROP TABLE x; --\"", odd.stateFunction(), "the name part quoted as one identifier");
        assertThrows(IllegalArgumentException.class, () -> new Aggregate("m", "integer", null, "f", DataType.parse("int"),
                0, null, false, null, null, null, null, null, null, "> 1; DROP TABLE x", null, null));
    }

    @Test
    void castsOfEveryMethodAndContext() {
        Cast function = Cast.withFunction(DataType.parse("app.fahrenheit"), DataType.parse("app.celsius"), "app.to_celsius",
                "app.fahrenheit").withContext(Cast.Context.IMPLICIT);
        assertEquals("CREATE CAST (app.fahrenheit AS app.celsius) WITH FUNCTION app.to_celsius(app.fahrenheit) AS IMPLICIT",
                DdlAggregates.createCast(function));
        assertEquals("CREATE CAST (text AS bytea) WITHOUT FUNCTION",
                DdlAggregates.createCast(new Cast(DataType.parse("text"), DataType.parse("bytea"), Cast.Method.BINARY,
                        null, null, null, null)));
        assertEquals("CREATE CAST (app.code AS text) WITH INOUT AS ASSIGNMENT",
                DdlAggregates.createCast(new Cast(DataType.parse("app.code"), DataType.parse("text"), Cast.Method.INOUT,
                        null, null, Cast.Context.ASSIGNMENT, null)));
        assertEquals("DROP CAST (app.fahrenheit AS app.celsius)", DdlAggregates.dropCast(function));
        assertEquals("COMMENT ON CAST (app.fahrenheit AS app.celsius) IS 'rounded'", DdlAggregates.commentOnCast(function, "rounded"));
        assertThrows(IllegalArgumentException.class, () -> new Cast(DataType.parse("text"), DataType.parse("bytea"),
                Cast.Method.INOUT, "f", "text", null, null), "WITH INOUT names no function");
    }

    @Test
    void grantsNameOrderedSetAggregatesByTheirPlainArgumentList() {
        assertEquals("pct(double precision, anyelement)", DdlGrants.plainArguments("pct(double precision ORDER BY anyelement)"));
        assertEquals("rank(VARIADIC \"any\")", DdlGrants.plainArguments("rank(VARIADIC \"any\" ORDER BY VARIADIC \"any\")"));
        assertEquals("tally(integer)", DdlGrants.plainArguments("tally(integer)"));
    }
}
