package dev.schemaguard.jpa.shop;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.math.BigDecimal;

@Entity
public class OrderLine {
    @EmbeddedId
    OrderLineId id;

    @ManyToOne
    @JoinColumn(name = "order_id", insertable = false, updatable = false)
    Order order;

    @ManyToOne(optional = false)
    Product product;

    int quantity;
    BigDecimal unitPrice;
}
