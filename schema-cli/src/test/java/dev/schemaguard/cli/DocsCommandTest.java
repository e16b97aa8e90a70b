package dev.schemaguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code schemaguard docs} end to end: on a real-world schema of the corpus ({@code ../shared/corpus/realworld}),
 * loaded into a test server with psql, every table of every schema gets its section and an entity in a diagram,
 * and every foreign key is a relationship from the referenced table to its table; and on a YAML source.
 */
class DocsCommandTest {

    private static final Path CORPUS = Path.of("..", "..", "shared", "corpus", "realworld");
    /** onlook: 4 schemas, 29 tables, 33 foreign keys (some across schemas), 37 policies. */
    private static final String ENTRY = "onlook";
    private static final Pattern ENTITY = Pattern.compile("^    (e\\d+)\\[\"([^\"]*)\"]");
    private static final Pattern RELATIONSHIP = Pattern.compile("^    (e\\d+) \\S+ (e\\d+) : \"([^\"]*)\"$");

    @TempDir
    Path temp;

    @Test
    void documentsEveryTableAndForeignKeyOfARealWorldSchema() throws Exception {
        Path entry = CORPUS.resolve(ENTRY);
        assumeTrue(Files.isDirectory(entry), "no real-world corpus entry at " + entry.toAbsolutePath().normalize()
                + " (../shared beside the checkout)");
        Optional<Path> psql = CorpusLoader.psql();
        assumeTrue(psql.isPresent(), "no psql to load the corpus with (PATH or /usr/lib/postgresql/*/bin)");
        try (ThrowawayDatabase loaded = ThrowawayDatabase.create(Fixtures.server())) {
            CorpusLoader.load(psql.get(), loaded, entry, "docs of " + entry);
            Database database;
            try (Connection connection = loaded.connect()) {
                database = new PostgresIntrospector(IntrospectionOptions.ALL).introspect(connection);
            }
            Path output = temp.resolve("docs");
            CliRun run = CliRun.of("docs", "--db", loaded.jdbcUrl(), "--output", output.toString());
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.err().contains("wrote " + (database.schemas().size() + 1) + " pages"), run.toString());
            Matcher password = Pattern.compile("password=([^&]+)").matcher(loaded.jdbcUrl());
            assertTrue(!password.find() || !run.err().contains(URLDecoder.decode(password.group(1), StandardCharsets.UTF_8)),
                    "no password in the output\n" + run);

            String readme = Files.readString(output.resolve("README.md"));
            int tables = 0;
            int foreignKeys = 0;
            for (Schema schema : database.schemas()) {
                Matcher link = Pattern.compile("\\(([^)]+\\.md)\\)").matcher(readme.substring(readme.indexOf(
                        "[" + schema.name().replace("_", "\\_") + "]")));
                assertTrue(link.find(), "README links schema " + schema.name());
                String page = Files.readString(output.resolve(link.group(1)));
                Map<String, String> labels = new HashMap<>();
                Set<String> relationships = new TreeSet<>();
                // read diagram by diagram: aliases are per diagram
                for (String diagram : page.split("```mermaid\n")) {
                    Map<String, String> aliases = new HashMap<>();
                    for (String line : diagram.substring(0, Math.max(0, diagram.indexOf("```"))).lines().toList()) {
                        Matcher entity = ENTITY.matcher(line);
                        if (entity.find()) {
                            aliases.put(entity.group(1), entity.group(2));
                        }
                        Matcher relationship = RELATIONSHIP.matcher(line);
                        if (relationship.matches()) {
                            relationships.add(aliases.get(relationship.group(1)) + " <- "
                                    + aliases.get(relationship.group(2)) + " : " + relationship.group(3));
                        }
                    }
                    labels.putAll(aliases);
                }
                Set<String> expected = new TreeSet<>();
                for (Table table : schema.tables()) {
                    tables++;
                    assertTrue(page.contains("\n### " + table.name().replace("_", "\\_") + "\n"),
                            schema.name() + "." + table.name() + " has a section");
                    assertTrue(labels.containsValue(table.name()), schema.name() + "." + table.name() + " is in a diagram");
                    for (ForeignKey fk : table.foreignKeys()) {
                        foreignKeys++;
                        String parent = fk.referencedTable().schema().equals(schema.name()) ? fk.referencedTable().name()
                                : fk.referencedTable().schema() + "." + fk.referencedTable().name();
                        expected.add(parent + " <- " + table.name() + " : " + fk.name());
                    }
                }
                assertEquals(expected, relationships, "the relationships in the diagrams of schema " + schema.name());
            }
            assertTrue(tables >= 29 && foreignKeys >= 33, ENTRY + " has " + tables + " tables and " + foreignKeys
                    + " foreign keys");
        }
    }

    @Test
    void documentsAYamlSourceAndRefusesTwoSources() throws Exception {
        Path yaml = temp.resolve("shop.yaml");
        Files.writeString(yaml, """
                schemas:
                  shop:
                    tables:
                      customers:
                        columns:
                          id: bigint primary key
                      orders:
                        columns:
                          id: bigint primary key
                          customer_id: bigint references customers(id)
                """);
        Path output = temp.resolve("yaml-docs");
        CliRun run = CliRun.of("docs", "--expected", yaml.toString(), "--output", output.toString());
        assertEquals(0, run.exitCode(), run.toString());
        String page = Files.readString(output.resolve("shop.md"));
        assertTrue(page.contains("    e1 |o..o{ e2 : \"orders_customer_id_fkey\""), page);

        CliRun both = CliRun.of("docs", "--db", "postgres://u:secret@localhost/x", "--expected", yaml.toString(),
                "--output", output.toString());
        assertEquals(3, both.exitCode(), both.toString());
        assertTrue(both.err().contains("either --db or --expected"), both.toString());
        assertTrue(!both.err().contains("secret"), both.toString());
    }

}
