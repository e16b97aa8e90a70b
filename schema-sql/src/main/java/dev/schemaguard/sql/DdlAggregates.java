package dev.schemaguard.sql;

import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.Cast;
import dev.schemaguard.model.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL text of statements about aggregates and casts. Both are changed by dropping and creating them again:
 * PostgreSQL has no ALTER CAST, and ALTER AGGREGATE only renames, moves and changes owners (CREATE OR REPLACE
 * AGGREGATE exists from PostgreSQL 14 on only, and cannot change the kind or the state type either).
 */
final class DdlAggregates {

    private DdlAggregates() {
    }

    static String create(String schema, Aggregate aggregate) {
        List<String> options = new ArrayList<>();
        options.add("SFUNC = " + aggregate.stateFunction());
        options.add("STYPE = " + aggregate.stateType().sql());
        if (aggregate.stateSpace() != 0) {
            options.add("SSPACE = " + aggregate.stateSpace());
        }
        if (aggregate.finalFunction() != null) {
            options.add("FINALFUNC = " + aggregate.finalFunction());
            if (aggregate.finalFunctionExtra()) {
                options.add("FINALFUNC_EXTRA");
            }
            if (aggregate.finalFunctionModify() != null) {
                options.add("FINALFUNC_MODIFY = " + modify(aggregate.finalFunctionModify()));
            }
        }
        if (aggregate.combineFunction() != null) {
            options.add("COMBINEFUNC = " + aggregate.combineFunction());
        }
        if (aggregate.serialFunction() != null) {
            options.add("SERIALFUNC = " + aggregate.serialFunction());
        }
        if (aggregate.deserialFunction() != null) {
            options.add("DESERIALFUNC = " + aggregate.deserialFunction());
        }
        if (aggregate.initialCondition() != null) {
            options.add("INITCOND = " + Identifiers.literal(aggregate.initialCondition()));
        }
        Aggregate.Moving moving = aggregate.moving();
        if (moving != null) {
            options.add("MSFUNC = " + moving.stateFunction());
            options.add("MINVFUNC = " + moving.inverseFunction());
            options.add("MSTYPE = " + moving.stateType().sql());
            if (moving.stateSpace() != 0) {
                options.add("MSSPACE = " + moving.stateSpace());
            }
            if (moving.finalFunction() != null) {
                options.add("MFINALFUNC = " + moving.finalFunction());
                if (moving.finalFunctionExtra()) {
                    options.add("MFINALFUNC_EXTRA");
                }
                if (moving.finalFunctionModify() != null) {
                    options.add("MFINALFUNC_MODIFY = " + modify(moving.finalFunctionModify()));
                }
            }
            if (moving.initialCondition() != null) {
                options.add("MINITCOND = " + Identifiers.literal(moving.initialCondition()));
            }
        }
        if (aggregate.sortOperator() != null) {
            options.add("SORTOP = " + operator(aggregate.sortOperator()));
        }
        if (aggregate.parallel() != null) {
            options.add("PARALLEL = " + aggregate.parallel().name());
        }
        if (aggregate.aggregateKind() == Aggregate.Kind.HYPOTHETICAL) {
            options.add("HYPOTHETICAL");
        }
        return "CREATE AGGREGATE " + name(schema, aggregate) + " (" + String.join(", ", options) + ")";
    }

    static String drop(String schema, Aggregate aggregate) {
        return "DROP AGGREGATE " + name(schema, aggregate);
    }

    static String comment(String schema, Aggregate aggregate, String comment) {
        return "COMMENT ON AGGREGATE " + name(schema, aggregate) + " IS " + literalOrNull(comment);
    }

    /** {@code app.tally(integer)}, {@code app.total(*)}, as CREATE, DROP and COMMENT name an aggregate. */
    static String name(String schema, Aggregate aggregate) {
        return Identifiers.quote(schema) + "." + Identifiers.quote(aggregate.name()) + "(" + aggregate.argumentsSql() + ")";
    }

    static String createCast(Cast cast) {
        String method = switch (cast.method()) {
            case FUNCTION -> "WITH FUNCTION " + cast.functionSignature();
            case BINARY -> "WITHOUT FUNCTION";
            case INOUT -> "WITH INOUT";
        };
        String context = cast.context() == Cast.Context.EXPLICIT ? ""
                : " AS " + cast.context().name().toUpperCase(Locale.ROOT);
        return "CREATE CAST " + cast.sql() + " " + method + context;
    }

    static String dropCast(Cast cast) {
        return "DROP CAST " + cast.sql();
    }

    static String commentOnCast(Cast cast, String comment) {
        return "COMMENT ON CAST " + cast.sql() + " IS " + literalOrNull(comment);
    }

    private static String modify(Aggregate.Modify modify) {
        return modify.name();
    }

    /** {@code >}, or {@code OPERATOR(app.>>)} for one outside pg_catalog. */
    private static String operator(String operator) {
        return operator.contains(".") ? "OPERATOR(" + operator + ")" : operator;
    }

    private static String literalOrNull(String text) {
        return text == null ? "NULL" : Identifiers.literal(text);
    }
}
