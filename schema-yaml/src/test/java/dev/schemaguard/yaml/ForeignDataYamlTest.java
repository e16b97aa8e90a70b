package dev.schemaguard.yaml;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignDataWrapper;
import dev.schemaguard.model.ForeignServer;
import dev.schemaguard.model.ForeignTable;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** foreign_data_wrappers:, servers: and a table's foreign: read, written, and refused at file:line:col when wrong. */
class ForeignDataYamlTest {

    private static final String YAML = """
            foreign_data_wrappers:
              plain_fdw:
              my_pg:
                handler: public.postgres_fdw_handler
                validator: public.postgres_fdw_validator
                options: {debug: 'true'}
                comment: ours
            servers:
              warehouse:
                wrapper: postgres_fdw
                type: postgres
                version: '16'
                options: {host: warehouse.internal, port: 5432, "Odd Name": "it's"}
            tables:
              orders_remote:
                columns:
                  id: bigint not null
                  total: numeric(12,2)
                checks: ["total >= 0"]
                foreign:
                  server: warehouse
                  options: {table_name: orders, empty: ''}
                  column_options: {total: {column_name: amount}}
            """;

    @Test
    void readsWrappersServersAndForeignTables() {
        Database database = YamlSchemaReader.readString(YAML, "foreign.yaml");
        assertEquals(List.of(new ForeignDataWrapper("my_pg", "public.postgres_fdw_handler", "public.postgres_fdw_validator",
                        Map.of("debug", "true"), "ours"), ForeignDataWrapper.named("plain_fdw")),
                database.foreignDataWrappers());
        assertEquals(List.of(new ForeignServer("warehouse", "postgres_fdw", "postgres", "16",
                Map.of("host", "warehouse.internal", "port", "5432", "Odd Name", "it's"), null)), database.foreignServers());
        Table table = database.table(QualifiedName.of("public", "orders_remote")).orElseThrow();
        assertEquals(new ForeignTable("warehouse", Map.of("table_name", "orders", "empty", ""),
                Map.of("total", Map.of("column_name", "amount"))), table.foreign());
        assertEquals(1, table.checkConstraints().size());

        String written = YamlSchemaWriter.write(database);
        assertEquals(database, YamlSchemaReader.readString(written, "written.yaml"), written);
        assertTrue(written.contains("  plain_fdw: {}\n"), written);
    }

    /** The generator YamlRoundTripProperties draws from makes foreign data often; those models round-trip. */
    @net.jqwik.api.Example
    void generatedForeignDataRoundTrips() {
        int foreignTables = 0;
        int servers = 0;
        int wrappers = 0;
        var models = dev.schemaguard.testkit.Databases.arbitrary().generator(1000);
        for (long seed = 0; seed < 200; seed++) {
            Database database = models.next(new java.util.Random(seed)).value();
            long tables = database.schemas().stream().flatMap(s -> s.tables().stream()).filter(Table::isForeign).count();
            foreignTables += tables;
            servers += database.foreignServers().size();
            wrappers += database.foreignDataWrappers().size();
            if (tables > 0 || !database.foreignServers().isEmpty()) {
                assertEquals(database, YamlSchemaReader.readString(YamlSchemaWriter.write(database), "seed " + seed));
            }
        }
        assertTrue(foreignTables > 20 && servers > 20 && wrappers > 20,
                "foreign tables " + foreignTables + ", servers " + servers + ", wrappers " + wrappers + " in 200 models");
    }

    @Test
    void whatPostgresRefusesOnAForeignTableIsAnErrorAtTheTable() {
        YamlSchemaException error = error("""
                tables:
                  remote:
                    columns:
                      id: int primary key
                      code: text unique
                    foreign: {server: s}
                """);
        assertMessage(error, "2:3", "table public.remote",
                "is a foreign table, which PostgreSQL does not allow a primary key, unique constraints");
        assertMessage(error("""
                tables:
                  remote:
                    columns: {id: int}
                    row_level_security: true
                    foreign: {server: s}
                """), "4:25", "table public.remote is a foreign table ('foreign'), which PostgreSQL does not allow"
                + " row-level security; remove 'row_level_security'");
        assertMessage(error("""
                tables:
                  remote:
                    columns: {id: int}
                    foreign: {server: s}
                    storage_parameters: {fillfactor: 70}
                """), "5:25", "does not allow storage parameters");
    }

    @Test
    void aForeignKeyToAForeignTableIsAnErrorAtTheReferencingTable() {
        assertMessage(error("""
                tables:
                  remote:
                    columns: {id: int}
                    foreign: {server: s}
                  local:
                    columns:
                      remote_id: int references remote(id)
                """), "5:3", "table public.local: foreign key", "references public.remote, a foreign table");
    }

    @Test
    void aForeignTableOnAServerNoFileDeclaresIsAnError() {
        assertMessage(error("""
                servers:
                  declared: {wrapper: w}
                tables:
                  remote:
                    columns: {id: int}
                    foreign: {server: elsewhere}
                """), "4:3", "table public.remote is a foreign table on server elsewhere, which no file declares");
    }

    @Test
    void optionsAreTextUnderNames() {
        assertMessage(error("""
                servers:
                  s:
                    wrapper: w
                    options: {host: [a, b]}
                """), "4:21", "expected option host in 'options' of server s as text, found a list");
        assertMessage(error("""
                servers:
                  s:
                    wrapper: w
                    options: [host]
                """), "4:14", "'options' of server s must be a map of option names to values");
        assertMessage(error("""
                foreign_data_wrappers:
                  w:
                    options:
                      host: null
                """), "4:13", "option host in 'options' of foreign-data wrapper w has no value");
        assertMessage(error("""
                tables:
                  t:
                    columns: {id: int}
                    foreign:
                      server: s
                      column_options: {id: {"": x}}
                """), "6:29", "option name of the options of column id must not be empty");
    }

    @Test
    void namesAndRequiredKeysAreChecked() {
        assertMessage(error("""
                servers:
                  s:
                    type: postgres
                """), "3:5", "server s needs 'wrapper'");
        assertMessage(error("""
                tables:
                  t:
                    columns: {id: int}
                    foreign: {options: {a: b}}
                """), "4:14", "needs 'server'");
        assertMessage(error("""
                tables:
                  t:
                    foreign: {server: s, colum_options: {}}
                """), "3:26", "unknown key 'colum_options'", "did you mean 'column_options'?");
        assertMessage(error("""
                foreign_data_wrappers:
                  w: {handler: "a.b.c"}
                """), "2:3", "foreign-data wrapper w", "is not a name or schema.name");
        assertMessage(error("""
                servers:
                  s: {wrapper: w}
                ---
                """.replace("---\n", "") + """
                foreign_data_wrappers:
                  w:
                  w:
                """), "5:3", "w");
    }

    private static YamlSchemaException error(String yaml) {
        return assertThrows(YamlSchemaException.class, () -> YamlSchemaReader.readString(yaml, "schema.yaml"));
    }

    private static void assertMessage(YamlSchemaException error, String position, String... parts) {
        assertTrue(error.getMessage().startsWith("schema.yaml:" + position + ": "), error.getMessage());
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), () -> "'" + part + "' missing from: " + error.getMessage());
        }
    }
}
