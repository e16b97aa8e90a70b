package dev.schemaguard.sql;

import dev.schemaguard.model.DataType;

import java.util.List;
import java.util.Map;

/**
 * Which column type changes keep every value (widenings) and which of those PostgreSQL can do without
 * rewriting the table. Serial pseudo-types are compared by their storage type.
 */
final class DdlTypeChanges {

    private static final Map<String, Integer> INTEGER_RANK = Map.of("smallint", 1, "integer", 2, "bigint", 3);
    private static final List<String> TIMESTAMPS = List.of(
            "timestamp without time zone", "timestamp with time zone", "time without time zone", "time with time zone");
    private static final int DEFAULT_TIME_PRECISION = 6;

    private DdlTypeChanges() {
    }

    /** True when every value of {@code from} converts to {@code to} without loss. */
    static boolean isWidening(DataType from, DataType to) {
        if (from.isArray() != to.isArray()) {
            return false;
        }
        DataType a = from.storageType().elementType();
        DataType b = to.storageType().elementType();
        if (a.sameTypeAs(b)) {
            return true;
        }
        if (!a.isBuiltIn() || !b.isBuiltIn()) {
            return false;
        }
        if (INTEGER_RANK.containsKey(a.name())) {
            return INTEGER_RANK.containsKey(b.name()) ? INTEGER_RANK.get(b.name()) >= INTEGER_RANK.get(a.name())
                    : b.name().equals("numeric") && b.modifiers().isEmpty();
        }
        if (a.name().equals("real")) {
            return b.name().equals("double precision");
        }
        if (a.name().equals("numeric") && b.name().equals("numeric") && !a.modifiers().isEmpty() && !b.modifiers().isEmpty()) {
            // numeric(p, s) fits numeric(p', s') when neither the integer digits nor the fraction digits shrink
            int scaleA = scale(a);
            int scaleB = scale(b);
            return scaleB >= scaleA && precisionDigits(b) - scaleB >= precisionDigits(a) - scaleA;
        }
        return isCoercibleWithoutRewrite(a, b)
                || (a.name().equals("character") && isAnyLength(b, length(a)));
    }

    /**
     * The USING expression that converts {@code column} from one type to another: a direct cast where PostgreSQL
     * has one between the two kinds of type (numbers among themselves, anything to or from text), otherwise a
     * cast through text, which works whenever the new type accepts the old value's text (boolean to numeric,
     * a scalar to an array of it, ...).
     */
    static String conversion(String column, DataType from, DataType to) {
        String target = to.storageType().sql();
        if (from.isArray() == to.isArray() && (isTextual(from) || isTextual(to) || (isNumber(from) && isNumber(to))
                || from.storageType().elementType().sameTypeAs(to.storageType().elementType()) || isWidening(from, to))) {
            return column + "::" + target;
        }
        return column + "::text::" + target;
    }

    private static final List<String> TEXTUAL = List.of("text", "character varying", "character");
    private static final List<String> NUMBERS = List.of(
            "smallint", "integer", "bigint", "numeric", "real", "double precision");

    private static boolean isTextual(DataType type) {
        return type.isBuiltIn() && !type.isArray() && TEXTUAL.contains(type.name());
    }

    private static boolean isNumber(DataType type) {
        return type.isBuiltIn() && NUMBERS.contains(type.storageType().name());
    }

    private static int precisionDigits(DataType numeric) {
        return Integer.parseInt(numeric.modifiers().get(0));
    }

    private static int scale(DataType numeric) {
        return numeric.modifiers().size() > 1 ? Integer.parseInt(numeric.modifiers().get(1)) : 0;
    }

    /** True for widenings PostgreSQL does by changing the catalog only (no table rewrite). */
    static boolean isCoercibleWithoutRewrite(DataType from, DataType to) {
        if (from.isArray() != to.isArray()) {
            return false;
        }
        DataType a = from.storageType().elementType();
        DataType b = to.storageType().elementType();
        if (a.sameTypeAs(b)) {
            return true;
        }
        if (!a.isBuiltIn() || !b.isBuiltIn()) {
            return false;
        }
        return switch (a.name()) {
            case "character varying" -> isAnyLength(b, length(a));
            case "text" -> b.name().equals("text") || (b.name().equals("character varying") && b.modifiers().isEmpty());
            case "bit varying" -> b.name().equals("bit varying") && (b.modifiers().isEmpty()
                    || (!a.modifiers().isEmpty() && length(b) >= length(a)));
            case "numeric" -> b.name().equals("numeric") && (b.modifiers().isEmpty() || (a.modifiers().size() == 2
                    && b.modifiers().size() == 2 && b.modifiers().get(1).equals(a.modifiers().get(1))
                    && Integer.parseInt(b.modifiers().get(0)) >= Integer.parseInt(a.modifiers().get(0))));
            default -> TIMESTAMPS.contains(a.name()) && b.name().equals(a.name()) && precision(b) >= precision(a);
        };
    }

    /** Text, unconstrained varchar, or varchar long enough for {@code length} characters ({@code -1}: unlimited). */
    private static boolean isAnyLength(DataType type, int length) {
        return switch (type.name()) {
            case "text" -> true;
            case "character varying" -> type.modifiers().isEmpty() || (length >= 0 && length(type) >= length);
            default -> false;
        };
    }

    /** The declared length, or {@code -1} when unconstrained. */
    private static int length(DataType type) {
        return type.modifiers().isEmpty() ? -1 : Integer.parseInt(type.modifiers().get(0));
    }

    private static int precision(DataType type) {
        return type.modifiers().isEmpty() ? DEFAULT_TIME_PRECISION : Integer.parseInt(type.modifiers().get(0));
    }
}
