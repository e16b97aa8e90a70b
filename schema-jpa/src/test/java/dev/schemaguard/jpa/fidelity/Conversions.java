package dev.schemaguard.jpa.fidelity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** Issue #20 point 5: converters, arrays, and a join column referencing a non-key column. */
public final class Conversions {

    public static final List<Class<?>> ALL = List.of(Settings.class, Account.class, Transfer.class);

    private Conversions() {
    }

    @Converter
    public static class YesNo implements AttributeConverter<Boolean, String> {
        @Override
        public String convertToDatabaseColumn(Boolean value) {
            return value == null ? null : value ? "Y" : "N";
        }

        @Override
        public Boolean convertToEntityAttribute(String value) {
            return value == null ? null : value.equals("Y");
        }
    }

    public abstract static class Base<X, Y> implements AttributeConverter<X, Y> {
    }

    @Converter
    public static class Cents extends Base<BigDecimal, Long> {
        @Override
        public Long convertToDatabaseColumn(BigDecimal value) {
            return value == null ? null : value.movePointRight(2).longValue();
        }

        @Override
        public BigDecimal convertToEntityAttribute(Long value) {
            return value == null ? null : BigDecimal.valueOf(value, 2);
        }
    }

    @Entity(name = "Settings")
    public static class Settings {
        @Id
        Long id;
        @Convert(converter = YesNo.class)
        Boolean active;
        @Convert(converter = YesNo.class)
        @Column(length = 1, nullable = false)
        Boolean visible;
        @Convert(converter = Cents.class)
        BigDecimal price;
        int[] scores;
        String[] labels;
    }

    @Entity(name = "Account")
    public static class Account implements Serializable {
        @Id
        Long id;
        @Column(nullable = false, unique = true, length = 34)
        String number;
    }

    @Entity(name = "Transfer")
    public static class Transfer {
        @Id
        Long id;
        @ManyToOne
        @JoinColumn(name = "account_number", referencedColumnName = "number")
        Account account;
    }
}
