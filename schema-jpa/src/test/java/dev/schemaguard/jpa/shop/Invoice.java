package dev.schemaguard.jpa.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

import java.math.BigDecimal;
import java.time.LocalDate;

@Entity
public class Invoice extends Document {
    @Column(precision = 12, scale = 2)
    BigDecimal amount;
    LocalDate dueDate;

    @ManyToOne
    Order order;
}
