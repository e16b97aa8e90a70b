package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A column or domain type: a name in PostgreSQL's canonical spelling ({@code character varying},
 * {@code timestamp with time zone}), its modifiers ({@code 255}, or {@code 10} and {@code 2}) and array
 * dimensions. Built-in types have no schema; user-defined types (enums, domains, extension types) carry the
 * schema they live in when it is known.
 *
 * <p>{@link #parse(String)} accepts the spellings people write ({@code int4}, {@code varchar(255)},
 * {@code timestamptz}, {@code text[]}) and folds the aliases PostgreSQL treats as one type into one value, so
 * that {@code int4} and {@code integer} compare equal. {@code serial}, {@code bigserial} and
 * {@code smallserial} are kept as their own pseudo-types: an integer column whose default draws from a sequence
 * the column owns.
 */
public record DataType(String schema, String name, List<String> modifiers, int arrayDimensions) {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"),
            Map.entry("int2", "smallint"), Map.entry("int8", "bigint"),
            Map.entry("serial4", "serial"), Map.entry("serial8", "bigserial"), Map.entry("serial2", "smallserial"),
            Map.entry("float8", "double precision"), Map.entry("float4", "real"),
            Map.entry("decimal", "numeric"), Map.entry("dec", "numeric"),
            Map.entry("bool", "boolean"),
            Map.entry("varchar", "character varying"), Map.entry("char varying", "character varying"),
            Map.entry("char", "character"),
            Map.entry("varbit", "bit varying"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"),
            Map.entry("time", "time without time zone"));

    /** Names of built-in types whose modifiers PostgreSQL prints in the middle: {@code timestamp(3) with time zone}. */
    private static final List<String> MODIFIER_AFTER_FIRST_WORD = List.of(
            "timestamp with time zone", "timestamp without time zone", "time with time zone", "time without time zone");

    public DataType {
        Objects.requireNonNull(name, "type name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("type name must not be blank");
        }
        modifiers = List.copyOf(modifiers);
        if (arrayDimensions < 0) {
            throw new IllegalArgumentException("array dimensions must not be negative: " + arrayDimensions);
        }
    }

    /** Written out for speed, as {@link Column#equals} is; {@code ModelEqualityTest} checks every component takes part. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DataType o
                && arrayDimensions == o.arrayDimensions
                && name.equals(o.name)
                && Objects.equals(schema, o.schema)
                && modifiers.equals(o.modifiers);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hashCode(schema);
        hash = 31 * hash + name.hashCode();
        hash = 31 * hash + modifiers.hashCode();
        return 31 * hash + arrayDimensions;
    }

    /** A built-in type without modifiers, e.g. {@code DataType.of("text")}; the name is parsed like {@link #parse}. */
    public static DataType of(String spelling) {
        return parse(spelling);
    }

    /** A user-defined type in a schema, e.g. an enum. */
    public static DataType userDefined(String schema, String name) {
        return new DataType(schema, name, List.of(), 0);
    }

    public DataType asArray() {
        return new DataType(schema, name, modifiers, arrayDimensions + 1);
    }

    public DataType elementType() {
        return new DataType(schema, name, modifiers, 0);
    }

    public boolean isArray() {
        return arrayDimensions > 0;
    }

    public boolean isBuiltIn() {
        return schema == null;
    }

    public boolean isSerial() {
        return schema == null && arrayDimensions == 0 && name.endsWith("serial");
    }

    /** The integer type under a serial pseudo-type ({@code bigserial} is {@code bigint}); the type itself otherwise. */
    public DataType storageType() {
        if (!isSerial()) {
            return this;
        }
        String base = switch (name) {
            case "bigserial" -> "bigint";
            case "smallserial" -> "smallint";
            default -> "integer";
        };
        return new DataType(null, base, List.of(), 0);
    }

    /**
     * Equal, or equal but for a schema that only one side names: a hand-written {@code mood} matches the
     * introspected {@code public.mood}. Array dimensions count only as array or not, as in PostgreSQL.
     */
    public boolean sameTypeAs(DataType other) {
        return name.equals(other.name)
                && modifiers.equals(other.modifiers)
                && (arrayDimensions > 0) == (other.arrayDimensions > 0)
                && (schema == null || other.schema == null || schema.equals(other.schema));
    }

    /** The type as SQL, e.g. {@code character varying(255)[]} or {@code app."Mood"}. */
    public String sql() {
        StringBuilder sql = new StringBuilder();
        if (schema != null) {
            sql.append(Identifiers.quote(schema)).append('.').append(Identifiers.quote(name));
        } else if (!modifiers.isEmpty() && MODIFIER_AFTER_FIRST_WORD.contains(name)) {
            int space = name.indexOf(' ');
            sql.append(name, 0, space).append(modifierList()).append(name.substring(space));
        } else if (INTERNAL_CHAR.equals(name)) {
            sql.append("\"char\""); // bare, char means character(1)
        } else {
            sql.append(isPlainSpelling(name) ? name : Identifiers.quote(name));
            sql.append(modifiers.isEmpty() ? "" : modifierList());
        }
        sql.append("[]".repeat(arrayDimensions));
        return sql.toString();
    }

    private String modifierList() {
        return "(" + String.join(",", modifiers) + ")";
    }

    /**
     * Built-in names are written bare even where they are keywords ({@code integer}, {@code double precision}):
     * quoted, {@code "integer"} would name a different, non-existent type.
     */
    private static boolean isPlainSpelling(String name) {
        return name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == ' ');
    }

    @Override
    public String toString() {
        return sql();
    }

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** PostgreSQL's one-byte internal type {@code "char"}, which only the quoted spelling names. */
    private static final String INTERNAL_CHAR = "char";

    /**
     * Parses a type as written in SQL: {@code varchar(255)}, {@code numeric(10, 2)}, {@code timestamptz(3)},
     * {@code int[]}, {@code text[][]}, {@code public.mood}, {@code "My Schema"."My Type"}.
     */
    public static DataType parse(String text) {
        Objects.requireNonNull(text, "type");
        String rest = text.strip();
        int dimensions = 0;
        while (rest.endsWith("]")) {
            int open = rest.lastIndexOf('[');
            if (open < 0) {
                throw new IllegalArgumentException("unbalanced [ ] in type: " + text);
            }
            dimensions++;
            rest = rest.substring(0, open).strip();
        }
        if (rest.toLowerCase(Locale.ROOT).endsWith(" array")) {
            dimensions++;
            rest = rest.substring(0, rest.length() - " array".length()).strip();
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("empty type: '" + text + "'");
        }
        if (rest.indexOf('"') >= 0 || rest.indexOf('.') >= 0) {
            return parseUserDefined(rest, dimensions, text);
        }
        List<String> modifiers = new ArrayList<>();
        String name = rest;
        int open = rest.indexOf('(');
        if (open >= 0) {
            int close = rest.indexOf(')', open);
            if (close < 0) {
                throw new IllegalArgumentException("unbalanced ( ) in type: " + text);
            }
            for (String modifier : rest.substring(open + 1, close).split(",")) {
                modifiers.add(modifier.strip());
            }
            name = rest.substring(0, open) + " " + rest.substring(close + 1);
        }
        name = WHITE_SPACE.matcher(name.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
        name = ALIASES.getOrDefault(name, name);
        switch (name) {
            case "float" -> {
                name = !modifiers.isEmpty() && Integer.parseInt(modifiers.get(0)) <= 24 ? "real" : "double precision";
                modifiers.clear();
            }
            case "character", "bit" -> {
                if (modifiers.isEmpty()) {
                    modifiers.add("1");
                }
            }
            default -> {
            }
        }
        return new DataType(null, name, modifiers, dimensions);
    }

    private static DataType parseUserDefined(String rest, int dimensions, String original) {
        List<String> parts;
        try {
            parts = Identifiers.splitQualified(rest, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unterminated quoted identifier in type: " + original, e);
        }
        if (parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("expected a type or schema.type, got: " + original);
        }
        String schema = parts.size() == 2 ? parts.get(0) : null;
        String name = parts.get(parts.size() - 1);
        if ((schema == null || "pg_catalog".equals(schema)) && INTERNAL_CHAR.equals(name)) {
            return new DataType(null, INTERNAL_CHAR, List.of(), dimensions);
        }
        if ("pg_catalog".equals(schema)) {
            DataType builtIn = parse(name);
            return new DataType(null, builtIn.name(), builtIn.modifiers(), dimensions);
        }
        return new DataType(schema, name, List.of(), dimensions);
    }
}
