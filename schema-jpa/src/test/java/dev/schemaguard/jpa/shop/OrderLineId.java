package dev.schemaguard.jpa.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;

@Embeddable
public class OrderLineId implements Serializable {
    @Column(name = "order_id")
    Long orderId;
    int lineNo;
}
