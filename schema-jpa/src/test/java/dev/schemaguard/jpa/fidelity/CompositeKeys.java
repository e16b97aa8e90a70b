package dev.schemaguard.jpa.fidelity;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Issue #20 point 1: composite keys whose column order Hibernate 6.6 decides by size class, then name. */
public final class CompositeKeys {

    public static final List<Class<?>> ALL = List.of(Author.class, Genre.class, Slot.class, Seat.class, Booking.class);

    private CompositeKeys() {
    }

    /** The join table author_genre holds a uuid (16 bytes) and a bigint (8): Hibernate puts genres_id first. */
    @Entity(name = "Author")
    public static class Author {
        @Id
        UUID id;
        @ManyToMany
        Set<Genre> genres;
    }

    @Entity(name = "Genre")
    public static class Genre {
        @Id
        Long id;
    }

    /** An @IdClass key: the int (4 bytes) before the bigint, whatever the names say. */
    @Entity(name = "Slot")
    @IdClass(SlotKey.class)
    public static class Slot {
        @Id
        long area;
        @Id
        int zone;
    }

    public static class SlotKey implements Serializable {
        long area;
        int zone;

        @Override
        public boolean equals(Object o) {
            return o instanceof SlotKey k && k.area == area && k.zone == zone;
        }

        @Override
        public int hashCode() {
            return Objects.hash(area, zone);
        }
    }

    /** An @EmbeddedId key: the int before the bigint, the varchar last. */
    @Entity(name = "Seat")
    public static class Seat {
        @EmbeddedId
        SeatKey key;
    }

    @Embeddable
    public static class SeatKey implements Serializable {
        long block;
        String label;
        int number;

        @Override
        public boolean equals(Object o) {
            return o instanceof SeatKey k && k.block == block && k.number == number && Objects.equals(k.label, label);
        }

        @Override
        public int hashCode() {
            return Objects.hash(block, label, number);
        }
    }

    /** Foreign keys to both composite keys follow the referenced key's order. */
    @Entity(name = "Booking")
    public static class Booking {
        @Id
        Long id;
        @ManyToOne
        Slot slot;
        @ManyToOne
        Seat seat;
    }
}
