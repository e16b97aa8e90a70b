package dev.schemaguard.yaml;

import static dev.schemaguard.yaml.YamlKeys.*;
import static dev.schemaguard.yaml.YamlSchemaWriter.putIfPresent;
import static dev.schemaguard.yaml.YamlSchemaWriter.putIfTrue;

import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.Cast;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.yaml.YamlNode.Entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A schema's {@code aggregates:} and the top-level {@code casts:}, read and written. Option names are
 * CREATE AGGREGATE's, in lower case; only what differs from PostgreSQL's defaults is written:
 * <pre>
 * aggregates:
 *   tally(integer): {sfunc: app.tally_step, stype: bigint, initcond: '0', parallel: safe}
 *   median(double precision ORDER BY anyelement): {sfunc: ordered_set_transition, stype: internal,
 *                                                  finalfunc: percentile_disc_final, finalfunc_extra: true}
 * casts:
 *   - {source: app.fahrenheit, target: app.celsius, function: app.to_celsius(app.fahrenheit), context: implicit}
 *   - {source: app.code, target: text, method: inout}
 * </pre>
 * An aggregate whose arguments hold {@code ORDER BY} is an ordered-set aggregate; {@code hypothetical: true} makes
 * it a hypothetical-set one.
 */
final class AggregateYaml {

    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\bORDER\\s+BY\\b");
    private static final Map<String, Aggregate.Modify> MODIFY = Map.of("read only", Aggregate.Modify.READ_ONLY,
            "shareable", Aggregate.Modify.SHAREABLE, "read write", Aggregate.Modify.READ_WRITE);
    private static final Map<String, Aggregate.Parallel> PARALLEL = Map.of("safe", Aggregate.Parallel.SAFE,
            "restricted", Aggregate.Parallel.RESTRICTED, "unsafe", Aggregate.Parallel.UNSAFE);
    private static final Map<String, Cast.Method> METHODS = Map.of("binary", Cast.Method.BINARY,
            "inout", Cast.Method.INOUT);
    private static final Map<String, Cast.Context> CONTEXTS = Map.of("explicit", Cast.Context.EXPLICIT,
            "assignment", Cast.Context.ASSIGNMENT, "implicit", Cast.Context.IMPLICIT);

    private AggregateYaml() {
    }

    static Aggregate aggregate(String schema, Entry entry) {
        Signature signature;
        try {
            signature = signature(entry.key(), false, "'" + entry.key() + "' in '" + AGGREGATES + "' of schema " + schema);
        } catch (IllegalArgumentException e) {
            throw new YamlSchemaException(entry.keyPosition(), e.getMessage());
        }
        String what = "aggregate " + QualifiedName.of(schema, signature.name()) + "(" + signature.arguments() + ")";
        Fields fields = Fields.of(entry.value(), AGGREGATE_KEYS, what);
        Aggregate.Kind kind = fields.bool(HYPOTHETICAL, false) ? Aggregate.Kind.HYPOTHETICAL
                : ORDER_BY.matcher(signature.arguments()).find() ? Aggregate.Kind.ORDERED_SET : Aggregate.Kind.NORMAL;
        Aggregate.Moving moving = null;
        if (fields.has(MSFUNC) || fields.has(MINVFUNC) || fields.has(MSTYPE)) {
            moving = Nodes.build(fields.position(), what, () -> new Aggregate.Moving(fields.requiredText(MSFUNC),
                    fields.requiredText(MINVFUNC), type(fields, MSTYPE), space(fields, MSSPACE), fields.text(MFINALFUNC),
                    fields.bool(MFINALFUNC_EXTRA, false), fields.choice(MFINALFUNC_MODIFY, MODIFY, null),
                    fields.text(MINITCOND)));
        }
        Aggregate.Moving chosen = moving;
        DataType stateType = type(fields, STYPE);
        return Nodes.build(entry.keyPosition(), what, () -> new Aggregate(signature.name(), signature.arguments(), kind,
                fields.requiredText(SFUNC), stateType, space(fields, SSPACE), fields.text(FINALFUNC),
                fields.bool(FINALFUNC_EXTRA, false), fields.choice(FINALFUNC_MODIFY, MODIFY, null),
                fields.text(COMBINEFUNC), fields.text(SERIALFUNC), fields.text(DESERIALFUNC), fields.text(INITCOND),
                chosen, fields.text(SORTOP), fields.choice(PARALLEL_KEY, PARALLEL, null), fields.text(COMMENT)));
    }

    static Object write(Aggregate aggregate) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put(SFUNC, aggregate.stateFunction());
        yaml.put(STYPE, aggregate.stateType().sql());
        putIfNonZero(yaml, SSPACE, aggregate.stateSpace());
        putIfPresent(yaml, FINALFUNC, aggregate.finalFunction());
        putIfTrue(yaml, FINALFUNC_EXTRA, aggregate.finalFunctionExtra());
        putIfPresent(yaml, FINALFUNC_MODIFY, word(aggregate.finalFunctionModify()));
        putIfPresent(yaml, COMBINEFUNC, aggregate.combineFunction());
        putIfPresent(yaml, SERIALFUNC, aggregate.serialFunction());
        putIfPresent(yaml, DESERIALFUNC, aggregate.deserialFunction());
        putIfPresent(yaml, INITCOND, aggregate.initialCondition());
        Aggregate.Moving moving = aggregate.moving();
        if (moving != null) {
            yaml.put(MSFUNC, moving.stateFunction());
            yaml.put(MINVFUNC, moving.inverseFunction());
            yaml.put(MSTYPE, moving.stateType().sql());
            putIfNonZero(yaml, MSSPACE, moving.stateSpace());
            putIfPresent(yaml, MFINALFUNC, moving.finalFunction());
            putIfTrue(yaml, MFINALFUNC_EXTRA, moving.finalFunctionExtra());
            putIfPresent(yaml, MFINALFUNC_MODIFY, word(moving.finalFunctionModify()));
            putIfPresent(yaml, MINITCOND, moving.initialCondition());
        }
        putIfPresent(yaml, SORTOP, aggregate.sortOperator());
        putIfPresent(yaml, PARALLEL_KEY, word(aggregate.parallel()));
        putIfTrue(yaml, HYPOTHETICAL, aggregate.aggregateKind() == Aggregate.Kind.HYPOTHETICAL);
        putIfPresent(yaml, COMMENT, aggregate.comment());
        return yaml;
    }

    static List<SchemaObjectReader.Placed<Cast>> casts(YamlNode node) {
        List<SchemaObjectReader.Placed<Cast>> casts = new ArrayList<>();
        for (YamlNode item : Nodes.list(node, "'" + CASTS + "' (a list of casts)")) {
            Fields fields = Fields.of(item, CAST_KEYS, "a cast");
            DataType source = type(fields, SOURCE);
            DataType target = type(fields, TARGET);
            String what = "cast (" + source.sql() + " AS " + target.sql() + ")";
            String name = null;
            String arguments = null;
            Cast.Method method;
            if (fields.has(FUNCTION)) {
                if (fields.has(METHOD)) {
                    throw fields.error(METHOD, what + " names a function and a method; a cast with a function has"
                            + " no other method");
                }
                Signature function;
                try {
                    function = signature(fields.requiredText(FUNCTION), true, "'" + FUNCTION + "' of " + what);
                } catch (IllegalArgumentException e) {
                    throw fields.error(FUNCTION, e.getMessage());
                }
                name = function.sql();
                arguments = function.arguments();
                method = Cast.Method.FUNCTION;
            } else if (fields.has(METHOD)) {
                method = fields.choice(METHOD, METHODS, null);
            } else {
                throw new YamlSchemaException(fields.position(), what + " needs 'function' (name(argument types)) or"
                        + " 'method' (binary or inout)");
            }
            String functionName = name;
            String functionArguments = arguments;
            Cast cast = Nodes.build(item.position(), what, () -> new Cast(source, target, method, functionName,
                    functionArguments, fields.choice(CONTEXT, CONTEXTS, Cast.Context.EXPLICIT), fields.text(COMMENT)));
            casts.add(new SchemaObjectReader.Placed<>(cast, item.position()));
        }
        return casts;
    }

    static List<Object> writeCasts(List<Cast> casts) {
        List<Object> yaml = new ArrayList<>();
        for (Cast cast : casts) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(SOURCE, cast.source().sql());
            entry.put(TARGET, cast.target().sql());
            switch (cast.method()) {
                case FUNCTION -> entry.put(FUNCTION, cast.functionSignature());
                case BINARY -> entry.put(METHOD, "binary");
                case INOUT -> entry.put(METHOD, "inout");
            }
            if (cast.context() != Cast.Context.EXPLICIT) {
                entry.put(CONTEXT, cast.context().name().toLowerCase(Locale.ROOT));
            }
            putIfPresent(entry, COMMENT, cast.comment());
            yaml.add(entry);
        }
        return yaml;
    }

    /** A name, schema-qualified when {@code schema} is not null, and its argument list. */
    private record Signature(String schema, String name, String arguments) {

        /** The name as SQL: {@code app."To"}. */
        String sql() {
            return (schema == null ? "" : Identifiers.quote(schema) + ".") + Identifiers.quote(name);
        }
    }

    /** {@code name(arguments)}, with a schema when {@code qualified} allows one; see {@link SchemaObjectReader#routine}. */
    private static Signature signature(String text, boolean qualified, String what) {
        try {
            SqlWords.Scanner scanner = new SqlWords.Scanner(text);
            String schema = null;
            String name = scanner.identifier();
            if (qualified && scanner.accept('.')) {
                schema = name;
                name = scanner.identifier();
            }
            if (scanner.atEnd()) {
                return new Signature(schema, name, "");
            }
            scanner.expect('(');
            String rest = scanner.rest().strip();
            if (!rest.endsWith(")")) {
                throw new IllegalArgumentException("the argument list does not end with ')'");
            }
            String arguments = rest.substring(0, rest.length() - 1).strip();
            if (!arguments.isEmpty() && !arguments.equals("*")) {
                SqlText.EXPRESSION_LIST.check(arguments, "the argument list");
            }
            return new Signature(schema, name, arguments.equals("*") ? "" : arguments);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not a signature: " + e.getMessage()
                    + "; expected the name and argument types as PostgreSQL prints them, e.g. tally(integer)");
        }
    }

    private static DataType type(Fields fields, String key) {
        try {
            return ColumnShortForm.parseType(fields.requiredText(key));
        } catch (IllegalArgumentException e) {
            throw fields.error(key, fields.what() + ": " + e.getMessage());
        }
    }

    private static int space(Fields fields, String key) {
        Long value = fields.number(key);
        if (value != null && (value < 0 || value > Integer.MAX_VALUE)) {
            throw fields.error(key, "'" + key + "' of " + fields.what() + " must be a size in bytes, 0 or more");
        }
        return value == null ? 0 : value.intValue();
    }

    private static void putIfNonZero(Map<String, Object> yaml, String key, int value) {
        if (value != 0) {
            yaml.put(key, value);
        }
    }

    private static String word(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
