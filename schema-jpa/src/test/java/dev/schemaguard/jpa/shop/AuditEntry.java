package dev.schemaguard.jpa.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.ZonedDateTime;

@Entity
public class AuditEntry {
    public enum Action { CREATE, UPDATE, DELETE }

    @Id
    @GeneratedValue
    Long id;

    Instant recordedAt;
    ZonedDateTime clientTime;

    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    Action action;

    String actor;
}
