package dev.schemaguard.jpa.fidelity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;

import java.util.List;

/** Issue #20 points 3 and 4: an abstract TABLE_PER_CLASS root, and SINGLE_TABLE subclass nullability. */
public final class Inheritances {

    public static final List<Class<?>> ALL = List.of(Animal.class, Dog.class, Cat.class, Owner.class, Vehicle.class,
            Car.class);

    private Inheritances() {
    }

    /** Abstract: Hibernate creates no table for it. */
    @Entity(name = "Animal")
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    public abstract static class Animal {
        @Id
        Long id;
        @Column(nullable = false)
        String name;
    }

    @Entity(name = "Dog")
    public static class Dog extends Animal {
        String breed;
    }

    @Entity(name = "Cat")
    public static class Cat extends Animal {
        int lives;
    }

    /** A reference to the abstract root: a column, but no foreign key (there is no table to reference). */
    @Entity(name = "Owner")
    public static class Owner {
        @Id
        Long id;
        @ManyToOne
        Animal pet;
    }

    @Entity(name = "Vehicle")
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    public static class Vehicle {
        @Id
        Long id;
        @Column(nullable = false)
        String maker;
    }

    @Entity(name = "Car")
    public static class Car extends Vehicle {
        @Column(nullable = false)
        String plate;
        int seats;
        @Basic(optional = false)
        String model;
        @ManyToOne(optional = false)
        Vehicle towedBy;
    }
}
