package dev.schemaguard.jpa.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

@Entity
public class ShipmentEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    @JoinColumns({
            @JoinColumn(name = "shipment_carrier", referencedColumnName = "carrier"),
            @JoinColumn(name = "shipment_tracking", referencedColumnName = "trackingNumber")})
    Shipment shipment;

    Instant happenedAt;
    String description;
}
