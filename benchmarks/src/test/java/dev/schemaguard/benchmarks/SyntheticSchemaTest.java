package dev.schemaguard.benchmarks;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.sql.MigrationPlan;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator makes what its documentation promises; pure, no database. */
class SyntheticSchemaTest {

    @Test
    void everyTableHasTheDocumentedShape() {
        Schema schema = SyntheticSchema.model(200).schema(SyntheticSchema.SCHEMA).orElseThrow();
        assertEquals(200, schema.tables().size());
        for (Table table : schema.tables()) {
            assertEquals(10, table.columns().size(), table.name());
            assertNotNull(table.primaryKey(), table.name());
            assertEquals(1, table.foreignKeys().size(), table.name());
            assertEquals(1, table.checkConstraints().size(), table.name());
            assertTrue(table.indexes().size() == 1 || table.indexes().size() == 2, table.name());
        }
        assertEquals(50, schema.tables().stream().filter(t -> t.rowSecurity().enabled()).count(), "RLS on every fourth table");
        assertEquals(75, schema.tables().stream().mapToInt(t -> t.policies().size()).sum(), "policies");
        assertEquals(100, schema.tables().stream().filter(t -> t.indexes().size() == 2).count(), "two indexes on every other table");
    }

    @Test
    void foreignKeysPointAtTablesOfTheModel() {
        Database model = SyntheticSchema.model(50);
        for (Table table : model.schema(SyntheticSchema.SCHEMA).orElseThrow().tables()) {
            QualifiedName target = table.foreignKeys().get(0).referencedTable();
            assertTrue(model.table(target).isPresent(), table.name() + " references " + target);
        }
    }

    @Test
    void sameCountSameModel() {
        assertEquals(SyntheticSchema.model(120), SyntheticSchema.model(120));
        assertTrue(SchemaDiff.compare(SyntheticSchema.model(120), SyntheticSchema.model(120)).isEmpty());
    }

    @Test
    void variantChangesFivePercentOfTheTables() {
        SchemaDiff diff = SchemaDiff.compare(SyntheticSchema.variant(400), SyntheticSchema.model(400));
        Set<String> changedTables = diff.changes().stream()
                .map(c -> ((SchemaChange.TableChange) c).table().name())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = IntStream.range(0, 400).filter(SyntheticSchema::isChanged)
                .mapToObj(SyntheticSchema::tableName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(20, expected.size());
        assertEquals(expected, changedTables);
        Set<Class<?>> kinds = diff.changes().stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(4, kinds.size(), "four kinds of change: " + kinds);
    }

    @Test
    void ddlCreatesEveryTable() {
        MigrationPlan ddl = SyntheticSchema.ddl(30);
        assertEquals(30, ddl.statements().stream().filter(s -> s.sql().startsWith("CREATE TABLE")).count(), ddl.sql());
        assertTrue(ddl.skipped().isEmpty(), ddl.skippedSummary());
    }

    @Test
    void refusesAnEmptyDatabase() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticSchema.model(0));
    }
}
