package dev.schemaguard.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.testkit.Databases;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Model → YAML → model is the identity, for models using every part the YAML format covers: every object kind of the model. */
class YamlRoundTripProperties {

    @Property(tries = 200)
    void writingThenReadingGivesTheSameModel(@ForAll("databases") Database database) {
        String yaml = YamlSchemaWriter.write(database);
        Database back = YamlSchemaReader.readString(yaml, "generated.yaml");
        if (!database.equals(back)) {
            String want = database.toString();
            String got = back.toString();
            int at = 0;
            while (at < Math.min(want.length(), got.length()) && want.charAt(at) == got.charAt(at)) {
                at++;
            }
            int from = Math.max(0, at - 150);
            throw new AssertionError("models differ at\n  expected ..." + want.substring(from, Math.min(want.length(), at + 150))
                    + "\n  actual   ..." + got.substring(from, Math.min(got.length(), at + 150)) + "\n" + yaml);
        }
        assertTrue(SchemaDiff.compare(database, back).isEmpty(), yaml);
        assertEquals(yaml, YamlSchemaWriter.write(back), "writing is deterministic");
    }

    @Provide
    Arbitrary<Database> databases() {
        return Databases.arbitrary();
    }
}
