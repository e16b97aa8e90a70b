package dev.schemaguard.jpa.fidelity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;

/** Issue #20 point 2: every Java type Hibernate 6.6 maps by default, one attribute each. */
public final class BasicTypes {

    public static final List<Class<?>> ALL = List.of(Everything.class);

    private BasicTypes() {
    }

    @Entity(name = "Everything")
    public static class Everything {
        @Id
        Long id;
        Currency currency;
        Locale locale;
        TimeZone timeZone;
        ZoneId zoneId;
        ZoneOffset zoneOffset;
        URL url;
        Class<?> type;
        Duration duration;
        Year year;
        YearMonth yearMonth;
        MonthDay monthDay;
        OffsetTime offsetTime;
        char primitiveChar;
        Character boxedChar;
        UUID uuid;
        byte[] bytes;
        char[] chars;
        java.sql.Date sqlDate;
        java.sql.Time sqlTime;
        java.sql.Timestamp sqlTimestamp;
        java.sql.Blob blob;
        java.sql.Clob clob;
        Date utilDate;
        Calendar calendar;
        Instant instant;
        LocalDate localDate;
        LocalTime timeOfDay;
        LocalDateTime localDateTime;
        OffsetDateTime offsetDateTime;
        ZonedDateTime zonedDateTime;
        @TimeZoneStorage(TimeZoneStorageType.NORMALIZE_UTC)
        OffsetDateTime normalizedUtc;
        @TimeZoneStorage(TimeZoneStorageType.NORMALIZE)
        ZonedDateTime normalized;
        @TimeZoneStorage(TimeZoneStorageType.NATIVE)
        OffsetDateTime nativeZone;
        @TimeZoneStorage(TimeZoneStorageType.COLUMN)
        OffsetDateTime zoneColumn;
        @TimeZoneStorage(TimeZoneStorageType.NORMALIZE)
        Instant normalizedInstant;
        @TimeZoneStorage(TimeZoneStorageType.NORMALIZE)
        OffsetTime normalizedTime;
        BigDecimal bigDecimal;
        BigInteger bigInteger;
        boolean primitiveBoolean;
        Boolean boxedBoolean;
        byte primitiveByte;
        Short boxedShort;
        float primitiveFloat;
        Double boxedDouble;
        InetAddress inetAddress;
        int[] ints;
        String[] strings;
        Long[] boxedLongs;
    }
}
