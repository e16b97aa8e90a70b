package dev.schemaguard.jpa.shop;

import jakarta.persistence.Entity;

@Entity
public class Video extends Media {
    int seconds;
}
