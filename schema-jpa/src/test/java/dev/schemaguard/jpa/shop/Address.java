package dev.schemaguard.jpa.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
    String street;
    String city;
    @Column(name = "zip_code", length = 10)
    String zip;
    @Column(length = 2, nullable = false)
    String country;
}
