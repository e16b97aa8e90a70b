package dev.schemaguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.testkit.RandomDatabases;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Set;

/**
 * Selecting every schema of a declared model keeps all of it (extensions and publications included); leaving
 * privileges out removes the grants and nothing else; selecting one schema keeps that schema as it is, and the casts
 * that touch it.
 */
class SchemaSelectionProperties {

    @Property(tries = 100)
    void selectingEverythingKeepsEverything(@ForAll("databases") Database database) {
        assertEquals(database, new SchemaSelection(Set.of(), Set.of(), true).filter(database));
        assertEquals(database.withoutGrants(), new SchemaSelection(Set.of(), Set.of(), false).filter(database));
    }

    @Property(tries = 100)
    void selectingOneSchemaKeepsItWhole(@ForAll("databases") Database database) {
        Schema first = database.schemas().get(0);
        Database selected = new SchemaSelection(Set.of(first.name()), Set.of(), true).filter(database);
        assertEquals(java.util.List.of(first), selected.schemas());
        assertEquals(database.extensions(), selected.extensions());
        assertEquals(database.casts().stream().filter(c -> c.schemas().contains(first.name())).toList(), selected.casts(),
                "the casts whose types or function live in the schema");
    }

    @Provide
    Arbitrary<Database> databases() {
        return RandomDatabases.arbitrary();
    }
}
