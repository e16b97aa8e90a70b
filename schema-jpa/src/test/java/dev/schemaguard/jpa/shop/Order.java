package dev.schemaguard.jpa.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

@Entity
@Table(name = "orders")
public class Order {
    public enum State { NEW, PAID, SHIPPED, CANCELLED }

    @Id
    @GeneratedValue
    Long id;

    @ManyToOne(optional = false)
    Customer customer;

    OffsetDateTime placedAt;
    LocalDateTime shippedAt;

    @Enumerated
    State state;

    BigDecimal total;

    @OneToMany(mappedBy = "order")
    List<OrderLine> lines;
}
