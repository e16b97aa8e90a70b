package dev.schemaguard.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schemaguard.model.Database;
import dev.schemaguard.testkit.Databases;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the diff over any model (every object kind, hard spellings, declared renames). */
class SchemaDiffProperties {

    @Property(tries = 300)
    void aModelComparedWithItselfHasNoDifferences(@ForAll("databases") Database database) {
        assertEquals(List.of(), SchemaDiff.compare(database, database).changes());
    }

    @Provide
    Arbitrary<Database> databases() {
        return Databases.arbitrary();
    }
}
