package dev.schemaguard.model;

/** Short factory methods for the DSL: {@code import static dev.schemaguard.model.DataTypes.*}. */
public final class DataTypes {

    private DataTypes() {
    }

    public static DataType type(String spelling) {
        return DataType.parse(spelling);
    }

    public static DataType smallint() {
        return type("smallint");
    }

    public static DataType integer() {
        return type("integer");
    }

    public static DataType bigint() {
        return type("bigint");
    }

    public static DataType serial() {
        return type("serial");
    }

    public static DataType bigserial() {
        return type("bigserial");
    }

    public static DataType numeric(int precision, int scale) {
        return type("numeric(" + precision + "," + scale + ")");
    }

    public static DataType numeric() {
        return type("numeric");
    }

    public static DataType real() {
        return type("real");
    }

    public static DataType doublePrecision() {
        return type("double precision");
    }

    public static DataType bool() {
        return type("boolean");
    }

    public static DataType text() {
        return type("text");
    }

    public static DataType varchar(int length) {
        return type("character varying(" + length + ")");
    }

    public static DataType varchar() {
        return type("character varying");
    }

    public static DataType character(int length) {
        return type("character(" + length + ")");
    }

    public static DataType uuid() {
        return type("uuid");
    }

    public static DataType date() {
        return type("date");
    }

    public static DataType timestamp() {
        return type("timestamp without time zone");
    }

    public static DataType timestamptz() {
        return type("timestamp with time zone");
    }

    public static DataType interval() {
        return type("interval");
    }

    public static DataType jsonb() {
        return type("jsonb");
    }

    public static DataType json() {
        return type("json");
    }

    public static DataType bytea() {
        return type("bytea");
    }

    public static DataType inet() {
        return type("inet");
    }

    public static DataType arrayOf(DataType element) {
        return element.asArray();
    }
}
