package dev.schemaguard.jpa;

import dev.schemaguard.model.DataType;
import jakarta.persistence.Column;
import jakarta.persistence.Lob;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;

import java.lang.reflect.AnnotatedElement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Java attribute types mapped to PostgreSQL types as Hibernate 6 maps them by default (checked against the DDL
 * Hibernate 6.6 generates for the PostgreSQL dialect). {@code @Column(columnDefinition)} wins over everything.
 */
final class JavaTypes {

    private static final Map<Class<?>, String> FIXED = Map.ofEntries(
            Map.entry(Boolean.class, "boolean"), Map.entry(boolean.class, "boolean"),
            Map.entry(Byte.class, "smallint"), Map.entry(byte.class, "smallint"),
            Map.entry(Short.class, "smallint"), Map.entry(short.class, "smallint"),
            Map.entry(Integer.class, "integer"), Map.entry(int.class, "integer"),
            Map.entry(Long.class, "bigint"), Map.entry(long.class, "bigint"),
            Map.entry(Float.class, "real"), Map.entry(float.class, "real"),
            Map.entry(Double.class, "double precision"), Map.entry(double.class, "double precision"),
            Map.entry(Character.class, "character(1)"), Map.entry(char.class, "character(1)"),
            Map.entry(java.util.UUID.class, "uuid"),
            Map.entry(byte[].class, "bytea"),
            Map.entry(java.net.InetAddress.class, "inet"), Map.entry(java.net.Inet4Address.class, "inet"),
            Map.entry(java.net.Inet6Address.class, "inet"),
            // Hibernate 6's PostgreSQL dialect keeps BLOB and CLOB in large objects, referenced by oid.
            Map.entry(java.sql.Blob.class, "oid"), Map.entry(java.sql.Clob.class, "oid"), Map.entry(java.sql.NClob.class, "oid"),
            Map.entry(java.time.LocalDate.class, "date"), Map.entry(java.sql.Date.class, "date"),
            Map.entry(java.time.LocalTime.class, "time(6)"), Map.entry(java.sql.Time.class, "time(6)"),
            // Hibernate 6 normalizes OffsetTime to UTC and stores it without a zone.
            Map.entry(java.time.OffsetTime.class, "time(6)"),
            Map.entry(java.time.LocalDateTime.class, "timestamp(6)"), Map.entry(java.sql.Timestamp.class, "timestamp(6)"),
            Map.entry(java.util.Date.class, "timestamp(6)"), Map.entry(java.util.Calendar.class, "timestamp(6)"),
            Map.entry(java.time.Instant.class, "timestamp(6) with time zone"),
            Map.entry(java.time.OffsetDateTime.class, "timestamp(6) with time zone"),
            Map.entry(java.time.ZonedDateTime.class, "timestamp(6) with time zone"),
            Map.entry(java.time.Duration.class, "numeric(21,0)"),
            Map.entry(java.time.Year.class, "integer"),
            Map.entry(BigInteger.class, "numeric(38,0)"));

    /** Types Hibernate stores as their string form in {@code varchar(255)} (or the column's length). */
    private static final java.util.Set<Class<?>> STRING_LIKE = java.util.Set.of(
            String.class, char[].class, java.util.Locale.class, java.util.Currency.class,
            java.util.TimeZone.class, java.time.ZoneId.class, java.time.ZoneOffset.class, Class.class,
            java.net.URL.class);

    /** String-like types whose default length is not 255: ISO 4217 codes, and offsets such as {@code +05:30}. */
    private static final Map<Class<?>, Integer> DEFAULT_LENGTHS = Map.of(
            java.util.Currency.class, 3, java.time.ZoneOffset.class, 6);

    private JavaTypes() {
    }

    /** Whether Hibernate maps the type as a basic value (not an entity, embeddable or collection). */
    static boolean isBasic(Class<?> type) {
        return FIXED.containsKey(type) || STRING_LIKE.contains(type) || type == BigDecimal.class || type.isEnum()
                || java.time.ZoneId.class.isAssignableFrom(type);
    }

    static DataType typeOf(Class<?> type, Column column, AnnotatedElement attribute, String where) {
        if (column != null && !column.columnDefinition().isBlank()) {
            return DataType.parse(ColumnDefinition.parse(column.columnDefinition()).type());
        }
        if (attribute.isAnnotationPresent(Lob.class)) {
            // Hibernate 6's PostgreSQL dialect keeps BLOB and CLOB in large objects, referenced by oid.
            return DataType.of("oid");
        }
        Temporal temporal = attribute.getAnnotation(Temporal.class);
        if (temporal != null && temporal.value() != TemporalType.TIMESTAMP) {
            return DataType.of(temporal.value() == TemporalType.DATE ? "date" : "time(6)");
        }
        if (type == Byte[].class || type == Character[].class) {
            throw new UnmappableAttributeException(where + " is a " + type.getSimpleName() + ", which Hibernate 6.6 refuses"
                    + " unless hibernate.type.wrapper_array_handling is set (ALLOW: an array column, LEGACY: bytea or"
                    + " varchar); use " + (type == Byte[].class ? "byte[]" : "char[]") + " or declare the column");
        }
        if (type.isArray() && type != byte[].class && type != char[].class) {
            // Hibernate 6.6 maps arrays of basic values (also Byte[] and Character[]) to PostgreSQL arrays
            Class<?> element = type.getComponentType();
            if (element.isArray() || !(isBasic(element) || element.isEnum())) {
                throw new UnmappableAttributeException(where + " is an array of " + element.getName()
                        + ", which Hibernate does not map as a basic array");
            }
            DataType elementType = element.isEnum() ? DataType.of("smallint") : typeOf(element, null, element, where);
            return elementType.asArray();
        }
        if (STRING_LIKE.contains(type) || java.time.ZoneId.class.isAssignableFrom(type)) {
            int defaultLength = DEFAULT_LENGTHS.getOrDefault(type, 255);
            int length = column == null || column.length() == 255 ? defaultLength : column.length();
            return DataType.parse("varchar(" + length + ")");
        }
        if (type == BigDecimal.class) {
            int precision = column == null || column.precision() == 0 ? 38 : column.precision();
            int scale = column == null || column.precision() == 0 && column.scale() == 0 ? 2 : column.scale();
            return DataType.parse("numeric(" + precision + "," + scale + ")");
        }
        String fixed = FIXED.get(type);
        if (fixed == null && type != Object.class && java.io.Serializable.class.isAssignableFrom(type)
                && !type.isInterface()) {
            // any other Serializable value (YearMonth, MonthDay, a user's class) is stored serialized
            return DataType.of("bytea");
        }
        if (fixed == null) {
            throw new UnmappableAttributeException(where + " has type " + type.getName()
                    + ", which has no known PostgreSQL mapping; give it @Column(columnDefinition = \"...\")");
        }
        return DataType.parse(fixed);
    }
}
