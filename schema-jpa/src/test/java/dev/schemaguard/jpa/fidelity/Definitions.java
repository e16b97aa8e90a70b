package dev.schemaguard.jpa.fidelity;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import org.hibernate.annotations.Check;

import java.math.BigDecimal;
import java.util.List;

/** Issue #20 point 6: column definitions with default and nullability, @Check, @OrderColumn. */
public final class Definitions {

    public static final List<Class<?>> ALL = List.of(Item.class, Part.class);

    private Definitions() {
    }

    @Entity(name = "Item")
    @Check(constraints = "price <= 1000")
    public static class Item {
        @Id
        Long id;
        @Column(columnDefinition = "numeric(5,2) default 0 not null")
        BigDecimal price;
        @Column(columnDefinition = "text default 'new'")
        String state;
        @Check(constraints = "quantity > 0")
        int quantity;
        @ManyToMany
        @OrderColumn
        List<Part> parts;
        @ElementCollection
        @OrderColumn(name = "position")
        List<String> notes;
    }

    @Entity(name = "Part")
    public static class Part {
        @Id
        Long id;
    }
}
