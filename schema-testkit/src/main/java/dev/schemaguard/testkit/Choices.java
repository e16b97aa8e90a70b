package dev.schemaguard.testkit;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * The choices a generator makes, drawn by jqwik and read in order (as Hypothesis draws its examples): numbers for
 * the choices of one object, and the choices of its parts (a database's schemas, a schema's objects), each of
 * its own. Past the end of the numbers every choice is the smallest one (zero, false, the first value, none), and
 * past the end of the parts every part is made of such choices. So when a property fails, jqwik shrinks the model
 * by dropping parts and by shrinking each part's numbers, toward a model with fewer and simpler objects — which a
 * {@link java.util.Random} inside the generator could not give.
 */
final class Choices {

    private static final Choices SMALLEST = new Choices(List.of(), List.of());

    /** Above every bound the generators ask for, so that a choice modulo its bound is about uniform. */
    private static final int MAX_VALUE = 1 << 16;

    private final List<Integer> values;
    private final List<Choices> parts;
    private int nextValue;
    private int nextPart;

    Choices(List<Integer> values, List<Choices> parts) {
        this.values = values;
        this.parts = parts;
    }

    /**
     * The choices of a database: numbers for its own objects (extensions, casts, wrappers, servers, publications)
     * and up to three schemas; a schema's numbers (its counts, grants, text search objects) and up to 80 parts,
     * one per object (view, sequence, type, routine...) and eleven per table: its own, and ten sections it reads
     * its constraints, indexes, triggers, rules... from (see {@link #nextPartWithSections}), so that each shrinks
     * on its own. A list of numbers is at most about as long as its reader needs (measured over 300 models: a
     * database 111, a schema 114, an object 82, a section 45) and of a uniformly drawn length, so many parts end
     * early in smallest choices: small models come often, and jqwik can shrink a list to nothing in one step.
     */
    static Arbitrary<Choices> arbitrary() {
        Arbitrary<Choices> part = values(90).map(values -> new Choices(values, List.of()));
        Arbitrary<Choices> schema = Combinators.combine(values(160), part.list().ofMaxSize(80)).as(Choices::new);
        // edge cases of nested lists of numbers are many and mean nothing here (the smallest choices are one)
        return Combinators.combine(values(160), schema.list().ofMinSize(1).ofMaxSize(3)).as(Choices::new).withoutEdgeCases();
    }

    private static Arbitrary<List<Integer>> values(int count) {
        return Arbitraries.integers().between(0, MAX_VALUE).list().ofMaxSize(count).withSizeDistribution(RandomDistribution.uniform());
    }

    /** The same choices, to be read again from the first (reading them moves on). */
    Choices fromStart() {
        return new Choices(values, parts.stream().map(Choices::fromStart).toList());
    }

    /** Whether every drawn choice has been read (every later one, and every later part, is the smallest). */
    boolean exhausted() {
        return nextValue >= values.size() && nextPart >= parts.size();
    }

    /** The choices of the next part; the smallest ones when there are no more parts. */
    Choices nextPart() {
        return nextPart < parts.size() ? parts.get(nextPart++) : SMALLEST;
    }

    /**
     * The choices of the next part, with the {@code sections} parts after it as its parts: one object's choices
     * in sections (a table's uniques, foreign keys, ...), each of which shrinks without moving the others.
     */
    Choices nextPartWithSections(int sections) {
        Choices own = nextPart();
        List<Choices> ownSections = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            ownSections.add(nextPart());
        }
        return new Choices(own.values, ownSections);
    }

    /** How many parts were drawn (the count of schemas of a database). */
    int partCount() {
        return parts.size();
    }

    /** A number from 0 to {@code bound - 1}. */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return nextValue < values.size() ? values.get(nextValue++) % bound : 0;
    }

    /** True one time in {@code n}; false is the smaller choice. */
    boolean oneIn(int n) {
        return nextInt(n) == n - 1;
    }

    /** False is the smaller choice. */
    boolean nextBoolean() {
        return nextInt(2) == 1;
    }

    <T> T pick(List<T> values) {
        return values.get(nextInt(values.size()));
    }

    /** Null (the smaller choice) or one of {@code values}. */
    <T> T maybe(List<T> values) {
        return nextBoolean() ? pick(values) : null;
    }

    /** {@code count} distinct values (fewer when there are not so many), in the order drawn. */
    <T> List<T> distinct(List<T> values, int count) {
        List<T> left = new ArrayList<>(values.stream().distinct().toList());
        List<T> chosen = new ArrayList<>();
        while (chosen.size() < count && !left.isEmpty()) {
            chosen.add(left.remove(nextInt(left.size())));
        }
        return chosen;
    }
}
