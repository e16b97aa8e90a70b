package dev.schemaguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Example;

class DatabasesTest {

    @Example
    void theGeneratorCoversEveryKindOfObjectTheModelHas() {
        TreeSet<String> missing = new TreeSet<>(KindsOfObjects.ALL.keySet());
        missing.removeAll(KindsOfObjects.in(sample(Databases.arbitrary(), 300)));
        assertEquals(new TreeSet<>(), missing, "kinds no model of 300 holds");
    }

    @Example
    void serverValidModelsCoverTheKindsTheConvergencePropertiesTest() {
        TreeSet<String> missing = new TreeSet<>(SERVER_VALID_KINDS);
        missing.removeAll(KindsOfObjects.in(sample(Databases.arbitrary().serverValid(17), 300)));
        assertEquals(new TreeSet<>(), missing, "kinds no server-valid model of 300 holds");
    }

    /** When the drawn choices run out, every further choice is the smallest: the model shrinks to one empty schema. */
    @Example
    void theSmallestChoicesGiveTheSmallestModel() {
        assertEquals(Database.of(Schema.empty("id")), ModelDatabases.database(new Choices(List.of(), List.of())));
    }

    @Example
    void theSameChoicesGiveTheSameModel() {
        var generator = Databases.arbitrary().generator(1000);
        for (long seed = 0; seed < 20; seed++) {
            var drawn = generator.next(new Random(seed));
            assertEquals(drawn.value(), drawn.value(), "seed " + seed);
            assertEquals(drawn.value(), generator.next(new Random(seed)).value(), "seed " + seed);
        }
    }

    private static final List<String> SERVER_VALID_KINDS = List.of(
            "table", "foreign table", "foreign-data wrapper", "foreign server", "schema comment", "primary key",
            "unique constraint", "foreign key", "check constraint", "index", "row-level security", "policy",
            "table comment", "inheritance", "unlogged table", "column default", "column comment", "view",
            "materialized view", "sequence", "enum", "domain", "function", "grant", "text search dictionary",
            "text search configuration", "composite type", "table storage parameters", "replica identity", "identity column", "generated column",
            "trigger", "partitioned table", "partition");

    private static List<Database> sample(Arbitrary<Database> arbitrary, int count) {
        RandomGenerator<Database> generator = arbitrary.generator(1000);
        List<Database> databases = new ArrayList<>();
        for (long seed = 0; seed < count; seed++) {
            databases.add(generator.next(new Random(seed)).value());
        }
        return databases;
    }
}
