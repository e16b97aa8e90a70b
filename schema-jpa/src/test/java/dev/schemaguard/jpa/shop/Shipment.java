package dev.schemaguard.jpa.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;

import java.time.LocalDate;

@Entity
@IdClass(ShipmentKey.class)
public class Shipment {
    @Id
    @Column(length = 20)
    String carrier;
    @Id
    String trackingNumber;

    LocalDate shippedOn;

    @ManyToOne
    Order order;
}
