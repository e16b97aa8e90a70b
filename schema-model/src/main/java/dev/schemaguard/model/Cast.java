package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE CAST (source AS target) WITH FUNCTION f(args) | WITHOUT FUNCTION | WITH INOUT [AS ASSIGNMENT |
 * AS IMPLICIT]}: a database-wide object, identified by its source and target types. {@code functionName} is
 * SQL-spelled and schema-qualified unless it lives in pg_catalog, {@code functionArguments} the function's identity
 * argument list as PostgreSQL prints it; both are null unless the method is {@link Method#FUNCTION}.
 */
public record Cast(DataType source, DataType target, Method method, String functionName, String functionArguments,
                   Context context, String comment) {

    /** How the value is converted: by a function, binary-coercibly (WITHOUT FUNCTION), or through text (WITH INOUT). */
    public enum Method { FUNCTION, BINARY, INOUT }

    /** Where PostgreSQL applies the cast without being asked: only explicitly, also in assignments, or anywhere. */
    public enum Context { EXPLICIT, ASSIGNMENT, IMPLICIT }

    public Cast {
        Objects.requireNonNull(source, "source type of a cast");
        Objects.requireNonNull(target, "target type of a cast");
        Objects.requireNonNull(method, () -> "method of cast " + describe(source, target));
        context = context == null ? Context.EXPLICIT : context;
        if (method == Method.FUNCTION) {
            Objects.requireNonNull(functionName, () -> "function of cast " + describe(source, target));
            functionName = Identifiers.qualifiedSql(functionName);
            functionArguments = functionArguments == null ? "" : functionArguments.strip();
        } else if (functionName != null || functionArguments != null) {
            throw new IllegalArgumentException("cast " + describe(source, target) + " is "
                    + (method == Method.BINARY ? "WITHOUT FUNCTION" : "WITH INOUT") + " and names no function");
        }
    }

    /** A cast with a function, used only explicitly. */
    public static Cast withFunction(DataType source, DataType target, String functionName, String functionArguments) {
        return new Cast(source, target, Method.FUNCTION, functionName, functionArguments, Context.EXPLICIT, null);
    }

    public Cast withContext(Context newContext) {
        return new Cast(source, target, method, functionName, functionArguments, newContext, comment);
    }

    public Cast withComment(String newComment) {
        return new Cast(source, target, method, functionName, functionArguments, context, newComment);
    }

    /** {@code (source AS target)}: how DROP CAST and COMMENT ON CAST name it. */
    public String sql() {
        return describe(source, target);
    }

    /** {@code app.f(integer)}; null unless the method is FUNCTION. */
    public String functionSignature() {
        return functionName == null ? null : functionName + "(" + functionArguments + ")";
    }

    /** Whether this is the cast between these two types (the schema may be missing on one side, as in DataType). */
    public boolean sameTypesAs(Cast other) {
        return source.sameTypeAs(other.source) && target.sameTypeAs(other.target);
    }

    /** The same definition and comment, types compared as {@link DataType#sameTypeAs}. */
    public boolean sameAs(Cast other) {
        return sameTypesAs(other) && method == other.method && Objects.equals(functionName, other.functionName)
                && Objects.equals(functionArguments, other.functionArguments) && context == other.context
                && Objects.equals(comment, other.comment);
    }

    /**
     * The schemas the cast touches other than pg_catalog: those of its types and of its function. A read of some
     * schemas includes the cast when one of them is selected; a cast that touches none (between built-in types with
     * a built-in function or none) only when every schema is read.
     */
    public List<String> schemas() {
        List<String> schemas = new ArrayList<>();
        if (source.schema() != null) {
            schemas.add(source.schema());
        }
        if (target.schema() != null && !schemas.contains(target.schema())) {
            schemas.add(target.schema());
        }
        if (functionName != null) {
            List<String> parts = Identifiers.splitQualified(functionName, false);
            if (parts.size() == 2 && !parts.get(0).equals("pg_catalog") && !schemas.contains(parts.get(0))) {
                schemas.add(parts.get(0));
            }
        }
        return schemas;
    }

    /** Whether a read of the schemas {@code selected} accepts includes this cast; see {@link #schemas()}. */
    public boolean selectedBy(java.util.function.Predicate<String> selected, boolean allSchemas) {
        List<String> schemas = schemas();
        return schemas.isEmpty() ? allSchemas : schemas.stream().anyMatch(selected);
    }

    private static String describe(DataType source, DataType target) {
        return "(" + (source == null ? "?" : source.sql()) + " AS " + (target == null ? "?" : target.sql()) + ")";
    }

    @Override
    public String toString() {
        return "cast " + sql();
    }
}
