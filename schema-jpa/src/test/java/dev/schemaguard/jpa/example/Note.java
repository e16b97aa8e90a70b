package dev.schemaguard.jpa.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

import java.util.Set;

@Entity
public class Note {
    public enum Visibility { PRIVATE, SHARED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    Account account;

    @Column(nullable = false, length = 200)
    String title;

    @Column(columnDefinition = "text")
    String body;

    boolean archived;

    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    Visibility visibility;

    @ManyToMany
    Set<Label> labels;
}
