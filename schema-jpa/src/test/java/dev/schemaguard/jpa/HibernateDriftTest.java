package dev.schemaguard.jpa;

import dev.schemaguard.diff.ConstraintNameAlignment;
import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaChange.ColumnAspect;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Each deliberate change to the schema Hibernate creates is reported as exactly that one change. */
class HibernateDriftTest {

    private static final QualifiedName CUSTOMERS = QualifiedName.of("public", "customers");
    private static String hibernateDdl;
    private static Database expected;

    @BeforeAll
    static void entities() throws Exception {
        hibernateDdl = HibernateDdl.createScript(ShopEntities.ALL, null);
        expected = new JpaSchemaReader().read(ShopEntities.ALL);
    }

    @Test
    void columnMissingInTheDatabase() throws Exception {
        SchemaChange change = onlyChangeAfter("alter table customers drop column birthdate");
        SchemaChange.ColumnAdded added = assertInstanceOf(SchemaChange.ColumnAdded.class, change);
        assertEquals(CUSTOMERS, added.table());
        assertEquals("birthdate", added.column().name());
        assertEquals("date", added.column().type().sql());
    }

    @Test
    void wrongType() throws Exception {
        SchemaChange change = onlyChangeAfter("alter table product alter column name type text");
        SchemaChange.ColumnAltered altered = assertInstanceOf(SchemaChange.ColumnAltered.class, change);
        assertEquals(QualifiedName.of("public", "product"), altered.table());
        assertEquals(Set.of(ColumnAspect.TYPE), altered.aspects());
        assertEquals("character varying(255)", altered.expected().type().sql());
        assertEquals("text", altered.actual().type().sql());
    }

    @Test
    void nullableDifference() throws Exception {
        SchemaChange change = onlyChangeAfter("alter table customers alter column firstname drop not null");
        SchemaChange.ColumnAltered altered = assertInstanceOf(SchemaChange.ColumnAltered.class, change);
        assertEquals(Set.of(ColumnAspect.NULLABILITY), altered.aspects());
        assertEquals("firstname", altered.expected().name());
    }

    @Test
    void missingForeignKey() throws Exception {
        SchemaChange change = onlyChangeAfter("""
                do $$ begin
                  execute (select format('alter table orders drop constraint %I', conname) from pg_constraint
                           where conrelid = 'orders'::regclass and contype = 'f');
                end $$""");
        SchemaChange.ConstraintAdded added = assertInstanceOf(SchemaChange.ConstraintAdded.class, change);
        ForeignKey foreignKey = assertInstanceOf(ForeignKey.class, added.constraint());
        assertEquals(QualifiedName.of("public", "orders"), added.table());
        assertEquals(List.of("customer_id"), foreignKey.columns());
        assertEquals(CUSTOMERS, foreignKey.referencedTable());
    }

    @Test
    void missingIndex() throws Exception {
        SchemaChange change = onlyChangeAfter("drop index customers_name_idx");
        SchemaChange.IndexAdded added = assertInstanceOf(SchemaChange.IndexAdded.class, change);
        assertEquals(CUSTOMERS, added.table());
        assertEquals("customers_name_idx", added.index().name());
    }

    private static SchemaChange onlyChangeAfter(String mutation) throws Exception {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute(hibernateDdl);
            db.execute(mutation);
            Database actual;
            try (Connection connection = db.connect()) {
                actual = new PostgresIntrospector(IntrospectionOptions.ALL).introspect(connection);
            }
            List<SchemaChange> changes = SchemaDiff.compare(
                            Models.tablesOnly(ConstraintNameAlignment.align(expected, actual)), Models.tablesOnly(actual))
                    .changes().stream()
                    .filter(c -> !(c instanceof SchemaChange.SchemaCommentChanged))
                    .toList();
            assertEquals(1, changes.size(), () -> "expected exactly one change, got " + changes);
            return changes.get(0);
        }
    }
}
