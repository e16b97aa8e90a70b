package dev.schemaguard.sql;

import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.model.ForeignTable;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.schemaguard.model.DataTypes.integer;
import static dev.schemaguard.model.DataTypes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The SQL of wrappers, servers and foreign tables: option names as identifiers, values as literals, nothing else. */
class DdlForeignDataTest {

    @Test
    void wrappersAndServers() {
        assertEquals("CREATE FOREIGN DATA WRAPPER \"Plain FDW\"", DdlForeignData.createWrapper(ForeignDataWrapper.named("Plain FDW")));
        assertEquals("CREATE FOREIGN DATA WRAPPER my_pg HANDLER public.postgres_fdw_handler VALIDATOR \"Odd\".v"
                        + " OPTIONS (\"Debug Mode\" 'it''s', path E'c:\\\\x')",
                DdlForeignData.createWrapper(new ForeignDataWrapper("my_pg", "public.postgres_fdw_handler", "\"Odd\".v",
                        Map.of("path", "c:\\x", "Debug Mode", "it's"), null)));
        assertEquals("CREATE SERVER remote TYPE 'postgres' VERSION '16' FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'h')",
                DdlForeignData.createServer(new ForeignServer("remote", "postgres_fdw", "postgres", "16", Map.of("host", "h"), null)));
        ForeignServer have = new ForeignServer("remote", "w", null, "15", Map.of("host", "a", "port", "1"), null);
        ForeignServer want = new ForeignServer("remote", "w", null, null, Map.of("host", "b", "dbname", "d"), null);
        assertEquals("ALTER SERVER remote VERSION NULL OPTIONS (ADD dbname 'd', SET host 'b', DROP port)",
                DdlForeignData.alterServer(want, have));
        assertNull(DdlForeignData.alterServer(have.withComment("only the comment"), have));
        assertEquals("ALTER FOREIGN DATA WRAPPER w NO HANDLER VALIDATOR public.v",
                DdlForeignData.alterWrapper(new ForeignDataWrapper("w", null, "public.v", Map.of(), null),
                        new ForeignDataWrapper("w", "public.h", null, Map.of(), null)));
        assertEquals("COMMENT ON SERVER remote IS NULL", DdlForeignData.commentOnServer(have));
        assertEquals("DROP FOREIGN DATA WRAPPER \"Plain FDW\"", DdlForeignData.dropWrapper(ForeignDataWrapper.named("Plain FDW")));
    }

    @Test
    void foreignTables() {
        QualifiedName name = QualifiedName.of("app", "Items");
        Table items = Table.named("Items", t -> {
            t.column("id", integer()).notNull().defaultValue("1");
            t.column("label", text());
            t.check("id > 0").named("items_id_check");
        }).withForeign(new ForeignTable("remote", Map.of("table_name", "items"), Map.of("label", Map.of("column_name", "name"))));
        assertEquals("""
                CREATE FOREIGN TABLE app."Items" (
                    id integer DEFAULT 1 NOT NULL,
                    label text,
                    CONSTRAINT items_id_check CHECK (id > 0)
                ) SERVER remote OPTIONS (table_name 'items')""", DdlRenderer.createTable(name, items));
        assertEquals("ALTER FOREIGN TABLE app.\"Items\" ALTER COLUMN label OPTIONS (ADD column_name 'name')",
                DdlForeignData.alterColumnOptions(name, items.foreign(), null, List.of("label")));
        Table partition = Table.empty("p").withPartitionOf(new PartitionBound(QualifiedName.of("app", "events"), "DEFAULT"))
                .withForeign(ForeignTable.on("remote"));
        assertEquals("CREATE FOREIGN TABLE app.p PARTITION OF app.events DEFAULT SERVER remote",
                DdlRenderer.createTable(QualifiedName.of("app", "p"), partition));
        Table child = Table.empty("c").withInherits(List.of(QualifiedName.of("app", "base"))).withForeign(ForeignTable.on("s"));
        assertEquals("CREATE FOREIGN TABLE app.c () INHERITS (app.base) SERVER s", DdlRenderer.createTable(QualifiedName.of("app", "c"), child));
        assertEquals("ALTER FOREIGN TABLE app.c OPTIONS (DROP a)",
                DdlForeignData.alterTableOptions(QualifiedName.of("app", "c"), Map.of(), Map.of("a", "x")));
    }

    @Test
    void theModelRefusesWhatPostgresRefusesOnAForeignTable() {
        Table keyed = Table.named("t", t -> t.column("id", integer()).primaryKey());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> keyed.withForeign(ForeignTable.on("s")));
        assertEquals("table t is a foreign table, which PostgreSQL does not allow a primary key", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Table.empty("t").withUnlogged(true).withForeign(ForeignTable.on("s")));
        assertThrows(IllegalArgumentException.class, () -> new ForeignTable("s", Map.of("", "x"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new ForeignServer("s", "w", null, null, Map.of("a", "nul\0"), null));
    }
}
