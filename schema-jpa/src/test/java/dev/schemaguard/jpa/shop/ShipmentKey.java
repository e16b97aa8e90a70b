package dev.schemaguard.jpa.shop;

import java.io.Serializable;

public class ShipmentKey implements Serializable {
    String carrier;
    String trackingNumber;
}
