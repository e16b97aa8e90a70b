package dev.schemaguard.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schemaguard.model.Database;
import dev.schemaguard.testkit.Databases;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Merging a model with itself loses and adds nothing, whatever parts it has (extensions, parents, publications...). */
class SchemaMergeProperties {

    @Property(tries = 100)
    void mergingAModelWithItselfGivesTheModel(@ForAll("databases") Database database) {
        assertEquals(database, SchemaMerge.merge(database, database));
    }

    @Provide
    Arbitrary<Database> databases() {
        return Databases.arbitrary();
    }
}
