package dev.schemaguard.jpa.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;

@Entity
public class CustomerProfile {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "profile_ids")
    @SequenceGenerator(name = "profile_ids", sequenceName = "customer_profile_seq", allocationSize = 10, initialValue = 100)
    Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "customer_id")
    Customer customer;

    @Column(columnDefinition = "text")
    String bio;

    byte[] avatar;
}
