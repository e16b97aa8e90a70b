package dev.schemaguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.testkit.Databases;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Selecting every schema of a declared model keeps all of it (extensions and publications included); leaving
 * privileges out removes the grants and nothing else; selecting one schema keeps that schema as it is. A database
 * compared with declared schemas is read for those of them the selection keeps, and for nothing when they declare
 * none; on its own, or for named schemas, as selected.
 */
class SchemaSelectionProperties {

    @Property(tries = 100)
    void selectingEverythingKeepsEverything(@ForAll("databases") Database database) {
        assertEquals(database, new IntrospectionOptions(Set.of(), Set.of(), true).select(database));
        assertEquals(database.withoutGrants(), new IntrospectionOptions(Set.of(), Set.of(), false).select(database));
    }

    @Property(tries = 100)
    void selectingOneSchemaKeepsItWhole(@ForAll("databases") Database database) {
        Schema first = database.schemas().get(0);
        Database selected = new IntrospectionOptions(Set.of(first.name()), Set.of(), true).select(database);
        assertEquals(List.of(first), selected.schemas());
        assertEquals(database.extensions(), selected.extensions());
        assertEquals(database.casts().stream().filter(c -> c.schemas().contains(first.name())).toList(), selected.casts(),
                "the casts whose types or function live in the schema");
    }

    @Property(tries = 100)
    void aDatabaseComparedWithADeclaredModelIsReadForTheDeclaredSchemas(@ForAll("databases") Database database) {
        Schema first = database.schemas().get(0);
        IntrospectionOptions excludingFirst = new IntrospectionOptions(Set.of(), Set.of(first.name()), true);
        IntrospectionOptions reading = excludingFirst.forComparisonWith(List.of(database)).orElseThrow();
        for (Schema schema : database.schemas()) {
            assertEquals(!schema.name().equals(first.name()), reading.includes(schema.name()), schema.name());
        }
        assertFalse(reading.includes("a schema nobody declared"));
        assertTrue(reading.privileges());
    }

    @Example
    void withoutADeclaredSideOrWithNamedSchemasTheSelectionIsReadAsItIs() {
        IntrospectionOptions all = new IntrospectionOptions(Set.of(), Set.of("audit"), false);
        assertEquals(Optional.of(all), all.forComparisonWith(List.of()));
        Database declared = Schema.named("app").toDatabase();
        IntrospectionOptions named = new IntrospectionOptions(Set.of("billing"), Set.of(), false);
        assertEquals(Optional.of(named), named.forComparisonWith(List.of(declared)));
        assertEquals(Optional.of(new IntrospectionOptions(Set.of("app"), Set.of("audit"), false)),
                all.forComparisonWith(List.of(declared)));
        assertEquals(Optional.empty(), all.forComparisonWith(List.of(Database.EMPTY)), "nothing declared, nothing read");
    }

    @Provide
    Arbitrary<Database> databases() {
        return Databases.arbitrary();
    }
}
