package dev.schemaguard.jpa.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(schema = "inventory", name = "stock_items",
        uniqueConstraints = @UniqueConstraint(columnNames = {"warehouse_id", "product_id"}))
public class StockItem {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    Warehouse warehouse;

    @ManyToOne(optional = false)
    Product product;

    int quantity;
}
