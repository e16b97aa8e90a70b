package dev.schemaguard.jpa.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Label {
    @Id
    @Column(length = 30)
    String name;
}
