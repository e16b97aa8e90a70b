package dev.schemaguard.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code CREATE AGGREGATE name (arguments) (SFUNC = ..., STYPE = ..., ...)}: what pg_aggregate and pg_proc say about
 * a user-defined aggregate. {@code arguments} is the identity argument list as PostgreSQL prints it
 * ({@code integer}, {@code double precision ORDER BY anyelement}, {@code VARIADIC "any" ORDER BY VARIADIC "any"};
 * empty for {@code name(*)}); name and arguments identify it, as for functions.
 *
 * <p>Functions are held SQL-spelled by name, schema-qualified unless they live in pg_catalog ({@code int4pl},
 * {@code app.tally_step}); PostgreSQL resolves them by the aggregate's argument and state types. The optional parts
 * are null (or 0, false) when left to PostgreSQL; {@code finalFunctionModify} is null when it is the kind's default
 * (READ_ONLY for normal aggregates, READ_WRITE for ordered-set ones), and so is {@code parallel} when UNSAFE.
 * {@code sortOperator} is an operator, schema-qualified unless it lives in pg_catalog ({@code >}, {@code app.>>}).
 */
public record Aggregate(String name, String arguments, Kind aggregateKind, String stateFunction, DataType stateType,
                        int stateSpace, String finalFunction, boolean finalFunctionExtra, Modify finalFunctionModify,
                        String combineFunction, String serialFunction, String deserialFunction,
                        String initialCondition, Moving moving, String sortOperator, Parallel parallel,
                        String comment) implements SchemaObject {

    /** Normal, ordered-set ({@code ORDER BY} in the arguments) or hypothetical-set. */
    public enum Kind { NORMAL, ORDERED_SET, HYPOTHETICAL }

    /** FINALFUNC_MODIFY: whether the final function leaves the state alone. */
    public enum Modify { READ_ONLY, SHAREABLE, READ_WRITE }

    public enum Parallel { SAFE, RESTRICTED, UNSAFE }

    private static final Pattern OPERATOR = Pattern.compile("[+\\-*/<>=~!@#%^&|`?]{1,63}");
    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\bORDER\\s+BY\\b");

    /**
     * The moving-aggregate mode (MSFUNC, MINVFUNC, MSTYPE, ...), for aggregates used as window functions with a
     * moving frame start.
     */
    public record Moving(String stateFunction, String inverseFunction, DataType stateType, int stateSpace,
                         String finalFunction, boolean finalFunctionExtra, Modify finalFunctionModify,
                         String initialCondition) {

        public Moving {
            stateFunction = function(Objects.requireNonNull(stateFunction, "moving state function (msfunc)"));
            inverseFunction = function(Objects.requireNonNull(inverseFunction, "moving inverse function (minvfunc)"));
            Objects.requireNonNull(stateType, "moving state type (mstype)");
            finalFunction = function(finalFunction);
            if (stateSpace < 0) {
                throw new IllegalArgumentException("moving state space must not be negative: " + stateSpace);
            }
            if (finalFunction == null) {
                finalFunctionExtra = false;
                finalFunctionModify = null;
            } else if (finalFunctionModify == Modify.READ_ONLY) {
                finalFunctionModify = null;
            }
        }
    }

    public Aggregate {
        Identifiers.requireValid(name, "aggregate name");
        arguments = arguments == null || arguments.strip().equals("*") ? "" : arguments.strip();
        aggregateKind = aggregateKind == null ? Kind.NORMAL : aggregateKind;
        String what = "aggregate " + name + "(" + arguments + ")";
        stateFunction = function(Objects.requireNonNull(stateFunction, () -> "state function (sfunc) of " + what));
        Objects.requireNonNull(stateType, () -> "state type (stype) of " + what);
        if (stateSpace < 0) {
            throw new IllegalArgumentException("state space of " + what + " must not be negative: " + stateSpace);
        }
        finalFunction = function(finalFunction);
        if (finalFunction == null) {
            finalFunctionExtra = false;
            finalFunctionModify = null;
        } else if (finalFunctionModify == defaultModify(aggregateKind)) {
            finalFunctionModify = null;
        }
        combineFunction = function(combineFunction);
        serialFunction = function(serialFunction);
        deserialFunction = function(deserialFunction);
        if ((aggregateKind != Kind.NORMAL) != ORDER_BY.matcher(arguments).find()) {
            throw new IllegalArgumentException(what + (aggregateKind == Kind.NORMAL
                    ? " has ORDER BY in its arguments, which makes it an ordered-set aggregate"
                    : " is an ordered-set aggregate, whose arguments need ORDER BY (direct ORDER BY aggregated)"));
        }
        if (aggregateKind != Kind.NORMAL && (moving != null || sortOperator != null || combineFunction != null)) {
            throw new IllegalArgumentException(what + " is an ordered-set aggregate, which has no moving mode, sort"
                    + " operator or combine function");
        }
        if (sortOperator != null) {
            sortOperator = operator(sortOperator, what);
        }
        parallel = parallel == Parallel.UNSAFE ? null : parallel;
    }

    /** An aggregate with only a state function and a state type. */
    public static Aggregate of(String name, String arguments, String stateFunction, DataType stateType) {
        return new Aggregate(name, arguments, Kind.NORMAL, stateFunction, stateType, 0, null, false, null, null, null,
                null, null, null, null, null, null);
    }

    /** READ_ONLY for normal aggregates, READ_WRITE for ordered-set and hypothetical-set ones. */
    public static Modify defaultModify(Kind kind) {
        return kind == Kind.NORMAL ? Modify.READ_ONLY : Modify.READ_WRITE;
    }

    public Aggregate withComment(String newComment) {
        return new Aggregate(name, arguments, aggregateKind, stateFunction, stateType, stateSpace, finalFunction,
                finalFunctionExtra, finalFunctionModify, combineFunction, serialFunction, deserialFunction,
                initialCondition, moving, sortOperator, parallel, newComment);
    }

    public Aggregate withParallel(Parallel newParallel) {
        return new Aggregate(name, arguments, aggregateKind, stateFunction, stateType, stateSpace, finalFunction,
                finalFunctionExtra, finalFunctionModify, combineFunction, serialFunction, deserialFunction,
                initialCondition, moving, sortOperator, newParallel, comment);
    }

    public Aggregate withFinalFunction(String newFinalFunction, boolean extra, Modify modify) {
        return new Aggregate(name, arguments, aggregateKind, stateFunction, stateType, stateSpace, newFinalFunction,
                extra, modify, combineFunction, serialFunction, deserialFunction, initialCondition, moving,
                sortOperator, parallel, comment);
    }

    public Aggregate withInitialCondition(String newInitialCondition) {
        return new Aggregate(name, arguments, aggregateKind, stateFunction, stateType, stateSpace, finalFunction,
                finalFunctionExtra, finalFunctionModify, combineFunction, serialFunction, deserialFunction,
                newInitialCondition, moving, sortOperator, parallel, comment);
    }

    /** {@code name(arguments)}, as dependencies and grants name the aggregate (empty parentheses for {@code (*)}). */
    public String signature() {
        return Identifiers.quote(name) + "(" + arguments + ")";
    }

    /** The argument list as SQL: {@code *} when there are no arguments. */
    public String argumentsSql() {
        return arguments.isEmpty() ? "*" : arguments;
    }

    @Override
    public String identity() {
        return signature();
    }

    @Override
    public String kind() {
        return "aggregate";
    }

    /** The same definition, the comment aside. */
    public boolean sameDefinitionAs(Aggregate other) {
        return withComment(null).equalsIgnoringTypeSpelling(other.withComment(null));
    }

    private boolean equalsIgnoringTypeSpelling(Aggregate o) {
        return name.equals(o.name) && arguments.equals(o.arguments) && aggregateKind == o.aggregateKind
                && stateFunction.equals(o.stateFunction) && stateType.sameTypeAs(o.stateType)
                && stateSpace == o.stateSpace && Objects.equals(finalFunction, o.finalFunction)
                && finalFunctionExtra == o.finalFunctionExtra && finalFunctionModify == o.finalFunctionModify
                && Objects.equals(combineFunction, o.combineFunction) && Objects.equals(serialFunction, o.serialFunction)
                && Objects.equals(deserialFunction, o.deserialFunction)
                && Objects.equals(initialCondition, o.initialCondition) && sameMoving(moving, o.moving)
                && Objects.equals(sortOperator, o.sortOperator) && parallel == o.parallel;
    }

    private static boolean sameMoving(Moving a, Moving b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.stateFunction().equals(b.stateFunction()) && a.inverseFunction().equals(b.inverseFunction())
                && a.stateType().sameTypeAs(b.stateType()) && a.stateSpace() == b.stateSpace()
                && Objects.equals(a.finalFunction(), b.finalFunction()) && a.finalFunctionExtra() == b.finalFunctionExtra()
                && a.finalFunctionModify() == b.finalFunctionModify()
                && Objects.equals(a.initialCondition(), b.initialCondition());
    }

    private static String function(String name) {
        return name == null ? null : Identifiers.qualifiedSql(name);
    }

    /** {@code >} or {@code schema.op}: the operator characters checked, the schema SQL-spelled. */
    private static String operator(String text, String what) {
        String trimmed = text.strip();
        int dot = trimmed.lastIndexOf('.');
        String symbol = dot < 0 ? trimmed : trimmed.substring(dot + 1);
        if (!OPERATOR.matcher(symbol).matches()) {
            throw new IllegalArgumentException("sort operator '" + text + "' of " + what + " is not an operator");
        }
        return dot < 0 ? symbol : Identifiers.qualifiedSql(trimmed.substring(0, dot)) + "." + symbol;
    }
}
