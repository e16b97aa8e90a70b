package dev.schemaguard.diff;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.model.ForeignTable;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.schemaguard.model.DataTypes.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wrappers, servers and foreign tables compared: what differs, and which differences need a drop and create. */
class ForeignDataDiffTest {

    private static Database wrappers(ForeignDataWrapper... wrappers) {
        return Database.EMPTY.withForeignDataWrappers(List.of(wrappers));
    }

    private static Database servers(ForeignServer... servers) {
        return Database.EMPTY.withForeignServers(List.of(servers));
    }

    private static Database table(ForeignTable foreign) {
        Table table = Table.named("t", t -> t.column("id", integer()));
        return Database.of(Schema.named("app").table(foreign == null ? table : table.withForeign(foreign)).build());
    }

    @Test
    void aHandlerWrittenWithoutSchemaMatchesTheIntrospectedOne() {
        ForeignDataWrapper introspected = new ForeignDataWrapper("w", "public.postgres_fdw_handler", "public.v", Map.of(), null);
        ForeignDataWrapper handWritten = new ForeignDataWrapper("w", "postgres_fdw_handler", "v", Map.of(), null);
        assertTrue(SchemaDiff.compare(wrappers(handWritten), wrappers(introspected)).isEmpty());
        ForeignDataWrapper elsewhere = new ForeignDataWrapper("w", "other.postgres_fdw_handler", "public.v", Map.of(), null);
        List<SchemaChange> changes = SchemaDiff.compare(wrappers(elsewhere), wrappers(introspected)).changes();
        assertEquals(1, changes.size());
        assertEquals("foreign-data wrapper w differs: handler 'public.postgres_fdw_handler' (expected"
                + " 'other.postgres_fdw_handler')", changes.get(0).describe());
        assertEquals("unexpected foreign-data wrapper w",
                SchemaDiff.compare(Database.EMPTY, wrappers(introspected)).changes().get(0).describe());
    }

    @Test
    void aServerWithAnotherWrapperOrTypeIsCreatedAgain() {
        ForeignServer have = new ForeignServer("s", "w", "a", "1", Map.of("host", "h"), null);
        SchemaChange.ForeignServerAltered version = (SchemaChange.ForeignServerAltered) SchemaDiff.compare(
                servers(have.withVersion("2").withOptions(Map.of())), servers(have)).changes().get(0);
        assertFalse(version.needsRecreation());
        assertEquals("server s differs: version '1' (expected '2'); options {host=h} (expected {})", version.describe());
        assertTrue(((SchemaChange.ForeignServerAltered) SchemaDiff.compare(servers(ForeignServer.of("s", "w2")),
                servers(ForeignServer.of("s", "w"))).changes().get(0)).needsRecreation());
        assertTrue(((SchemaChange.ForeignServerAltered) SchemaDiff.compare(
                servers(new ForeignServer("s", "w", "b", "1", Map.of("host", "h"), null)), servers(have)).changes().get(0))
                .needsRecreation());
    }

    @Test
    void aForeignTableOnAnotherServerOrNotForeignIsCreatedAgain() {
        ForeignTable on = new ForeignTable("s", Map.of("table_name", "a"), Map.of("id", Map.of("column_name", "i")));
        SchemaChange.ForeignTableChanged options = (SchemaChange.ForeignTableChanged) SchemaDiff.compare(
                table(on.withOptions(Map.of())), table(on)).changes().get(0);
        assertFalse(options.needsRecreation());
        assertEquals("app.t differs: options {table_name=a} (expected {})", options.describe());
        assertTrue(((SchemaChange.ForeignTableChanged) SchemaDiff.compare(table(new ForeignTable("other", Map.of(), Map.of())),
                table(on)).changes().get(0)).needsRecreation());
        SchemaChange.ForeignTableChanged plain = (SchemaChange.ForeignTableChanged) SchemaDiff.compare(table(null), table(on))
                .changes().get(0);
        assertTrue(plain.needsRecreation());
        assertEquals("app.t differs: a foreign table on server s (expected a table)", plain.describe());
    }
}
