package dev.schemaguard.jpa.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

@Entity
@Table(indexes = @Index(name = "coupon_valid_until_idx", columnList = "validUntil", unique = true))
public class Coupon {
    @Id
    @Column(length = 32)
    String code;

    @Column(precision = 5, scale = 2)
    BigDecimal percent;

    LocalDate validUntil;
    boolean singleUse;
    Boolean stackable;
    long timesUsed;
}
