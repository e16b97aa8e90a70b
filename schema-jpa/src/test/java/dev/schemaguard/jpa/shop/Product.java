package dev.schemaguard.jpa.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.UUID;

@Entity
public class Product {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    @Column(nullable = false, unique = true, length = 40)
    String sku;
    String name;
    @Column(precision = 10, scale = 2, nullable = false)
    BigDecimal price;
    BigDecimal weight;
    BigInteger serialNumber;
    Double rating;
    Float discount;
    double width;
    int stock;
    Integer reorderLevel;
    short shelf;
    Short aisle;
    byte bin;
    char grade;
    Character size;
    UUID externalId;
    byte[] thumbnail;

    @ManyToOne
    Category category;

    @ManyToMany
    @JoinTable(name = "product_tags",
            joinColumns = @JoinColumn(name = "product_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    Set<Tag> tags;

    @ManyToMany
    Set<Product> related;
}
