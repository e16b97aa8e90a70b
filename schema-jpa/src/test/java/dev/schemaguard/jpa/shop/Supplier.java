package dev.schemaguard.jpa.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;

import java.util.List;
import java.util.Set;

import java.util.UUID;

@Entity
public class Supplier {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    UUID id;

    String name;
    java.time.Duration leadTime;
    java.time.OffsetTime cutoff;

    @Lob
    String notes;

    @Lob
    byte[] contract;

    @OneToMany
    @JoinColumn(name = "supplier_id")
    List<Warehouse> warehouses;

    @OneToMany
    Set<Tag> favouriteTags;
}
