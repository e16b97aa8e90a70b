package dev.schemaguard.jpa.shop;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "customers",
        indexes = @Index(name = "customers_name_idx", columnList = "lastName, firstName"),
        uniqueConstraints = @UniqueConstraint(name = "customers_email_key", columnNames = "email"))
public class Customer extends BaseEntity {
    public enum Status { ACTIVE, SUSPENDED, CLOSED }

    static int instances;

    @Column(nullable = false, length = 100)
    String firstName;
    @Column(nullable = false, length = 100)
    String lastName;
    String email;
    boolean active;
    @Enumerated(EnumType.STRING)
    Status status;
    LocalDate birthDate;

    @Embedded
    Address billingAddress;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "street", column = @Column(name = "ship_street")),
            @AttributeOverride(name = "city", column = @Column(name = "ship_city")),
            @AttributeOverride(name = "zip", column = @Column(name = "ship_zip", length = 12)),
            @AttributeOverride(name = "country", column = @Column(name = "ship_country", length = 2))})
    Address shippingAddress;

    @ElementCollection
    Set<String> nicknames;

    @ElementCollection
    @CollectionTable(name = "customer_phones", joinColumns = @JoinColumn(name = "customer_id"))
    List<Phone> phones;

    @Transient
    String displayName;

    transient int cachedHash;
}
