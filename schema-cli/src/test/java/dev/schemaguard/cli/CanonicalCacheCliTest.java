package dev.schemaguard.cli;

import dev.schemaguard.model.ComparisonScope;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.testkit.Databases;
import dev.schemaguard.testkit.ThrowawayDatabase;
import dev.schemaguard.yaml.YamlSchemaWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a real server: a canonical form read from the cache equals a fresh canonicalization, dependencies included,
 * and check and fix say the same with a hit, a miss and the cache switched off.
 */
class CanonicalCacheCliTest {

    private static final String HIT = "canonical form read from the cache";
    private static final String MISS = "canonical form not in the cache";

    @TempDir
    Path dir;

    /** {@code tables} tables spelled as casually as /tmp/hand-1000.yaml (the benchmark) spells them. */
    private static String handWritten(int tables, String token) {
        StringBuilder yaml = new StringBuilder("schema: hand\ntables:\n");
        for (int i = 0; i < tables; i++) {
            yaml.append("  item_").append(i).append(":\n");
            yaml.append("    comment: '").append(token).append("'\n");
            yaml.append("    columns:\n");
            yaml.append("      id: bigserial primary key\n");
            if (i > 0) {
                yaml.append("      previous_id: bigint references item_").append(i - 1).append("(id)\n");
            }
            yaml.append("""
                          name: varchar(100) not null
                          price: numeric(10,2) not null default 0 check (price>=0)
                          qty: int not null default 1 check (qty > 0 and qty<1000)
                          status: text not null default 'new'
                          created_at: timestamptz not null default current_timestamp
                          updated_at: timestamp default now()
                          active: bool default TRUE
                          total: numeric generated always as (price*qty) stored
                        checks:
                          - status in ('new','done','gone')
                        indexes:
                          - columns: [name]
                            where: active and status<>'gone'
                          - columns:
                              - expression: lower(name)
                    """);
        }
        return yaml.toString();
    }

    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Database expectedThroughLoader(Path yaml, CanonicalCache cache) {
        DatabaseUrl devDb = DatabaseUrl.parse(Fixtures.server().adminJdbcUrl());
        try (SchemaLoader loader = new SchemaLoader(new IntrospectionOptions(Set.of(), Set.of(), false), devDb, true,
                warnings::add).withScope(ComparisonScope.DEFAULT, notes::add).withCanonicalCache(cache)) {
            return loader.expected(new Source.YamlSource(yaml), devDb);
        }
    }

    private CanonicalCache cache() {
        return new CanonicalCache(dir.resolve("canonical"), warnings::add, notes::add);
    }

    @Test
    void aHitEqualsAFreshCanonicalizationOfAHandWrittenSchema() throws Exception {
        Path yaml = dir.resolve("hand.yaml");
        Files.writeString(yaml, handWritten(40, UUID.randomUUID().toString()));

        Database fresh = expectedThroughLoader(yaml, null);
        assertFalse(fresh.dependencies().isEmpty(), "introspection found dependencies; the cache must keep them");
        assertTrue(fresh.schemas().get(0).tables().get(0).checkConstraints().stream()
                .anyMatch(c -> c.expression().contains("ANY (ARRAY[")), "in PostgreSQL's spelling");

        Database miss = expectedThroughLoader(yaml, cache());
        assertTrue(notes.stream().anyMatch(n -> n.contains(MISS)), notes::toString);
        notes.clear();
        Database hit = expectedThroughLoader(yaml, cache());
        assertTrue(notes.stream().anyMatch(n -> n.contains(HIT)), notes::toString);
        assertEquals(fresh, miss);
        assertEquals(fresh, hit);
        assertEquals(List.of(), warnings);
    }

    @Test
    void aHitEqualsAFreshCanonicalizationOfGeneratedSchemas() throws Exception {
        List<Database> models = Databases.arbitrary().serverValid(Fixtures.server().majorVersion()).sampleStream()
                .filter(d -> !d.schemas().isEmpty() && d.foreignDataWrappers().isEmpty()) // the sandbox may create none
                .distinct().limit(12).toList();
        int i = 0;
        int stored = 0;
        for (Database model : models) {
            Path yaml = dir.resolve("generated-" + i++ + ".yaml");
            Files.writeString(yaml, YamlSchemaWriter.write(model));
            notes.clear();
            Database fresh = expectedThroughLoader(yaml, cache());
            Database hit = expectedThroughLoader(yaml, cache());
            // a schema that cannot be built (the generator may name an extension the server lacks) is compared as
            // written and not stored; any other is a hit the second time
            // (the generator may repeat a model: then the first load is a hit already)
            if (notes.stream().anyMatch(n -> n.startsWith("canonical form stored in the cache") || n.contains(HIT))) {
                assertTrue(notes.get(notes.size() - 1).contains(HIT), notes::toString);
                stored++;
            } else {
                assertFalse(warnings.isEmpty(), () -> "not stored, but why? " + notes);
            }
            warnings.clear();
            assertEquals(fresh, hit, yaml::toString);
        }
        assertTrue(stored >= models.size() * 3 / 4, stored + " of " + models.size() + " stored");
    }

    @Test
    void checkAndFixSayTheSameWithAHitAMissAndNoCache() throws Exception {
        String token = UUID.randomUUID().toString();
        Path yaml = dir.resolve("hand.yaml");
        Files.writeString(yaml, handWritten(6, token));
        try (ThrowawayDatabase db = Fixtures.database("")) {
            // the live database: the same tables, with a little drift (a check, an index, a default)
            CliRun baseline = CliRun.of("baseline", "--expected", yaml.toString(), "--db", db.jdbcUrl(), "--apply",
                    "--no-canonical-cache");
            assertEquals(ExitCode.OK, baseline.exitCode(), baseline::toString);
            db.execute("""
                    alter table hand.item_2 drop constraint item_2_price_check;
                    alter table hand.item_2 add constraint item_2_price_check check (price > 0);
                    drop index hand.item_3_name_idx;
                    alter table hand.item_4 alter column status set default 'old';
                    """);

            String[] check = {"check", "--db", db.jdbcUrl(), "--expected", yaml.toString(), "--verbose"};
            CliRun miss = CliRun.of(check);
            CliRun hit = CliRun.of(check);
            CliRun off = CliRun.of(append(check, "--no-canonical-cache"));
            assertTrue(miss.err().contains(MISS), miss::toString);
            assertTrue(hit.err().contains(HIT), hit::toString);
            assertFalse(off.err().contains(HIT) || off.err().contains(MISS), off::toString);
            assertEquals(ExitCode.DRIFT, miss.exitCode(), miss::toString);
            assertTrue(miss.out().contains("item_2_price_check") && miss.out().contains("item_3_name_idx"), miss::toString);
            assertFalse(miss.out().contains("item_1"), "no false drift from casual spelling: " + miss);
            assertEquals(miss.exitCode(), hit.exitCode());
            assertEquals(miss.out(), hit.out());
            assertEquals(off.out(), hit.out());

            String[] fix = {"fix", "--db", db.jdbcUrl(), "--expected", yaml.toString()};
            CliRun fixHit = CliRun.of(fix);
            CliRun fixOff = CliRun.of(append(fix, "--no-canonical-cache"));
            assertEquals(fixOff.exitCode(), fixHit.exitCode(), fixHit::toString);
            assertTrue(fixHit.out().contains("item_2_price_check"), fixHit::toString);
            assertEquals(fixOff.out(), fixHit.out());
        }
    }

    @Test
    void onTheEmbeddedServerTheKeyIsItsReleaseAndAHitStartsNoServer() throws Exception {
        Path yaml = dir.resolve("hand.yaml");
        Files.writeString(yaml, handWritten(3, UUID.randomUUID().toString()));
        try (ThrowawayDatabase db = Fixtures.database("")) {
            String[] check = {"check", "--db", db.jdbcUrl(), "--expected", yaml.toString(), "--verbose"};
            CliRun miss = CliRun.withEmbeddedDefault(check);
            CliRun hit = CliRun.withEmbeddedDefault(check);
            String release = "embedded PostgreSQL " + dev.schemaguard.embedded.PostgresRelease.matching(
                    Fixtures.server().majorVersion()).artifactVersion();
            assertTrue(miss.err().contains(MISS) && miss.err().contains(release), miss::toString);
            assertTrue(miss.err().contains("canonical form stored in the cache"), miss::toString);
            assertTrue(hit.err().contains(HIT) && hit.err().contains(release), hit::toString);
            assertFalse(hit.err().contains("stored in the cache"), hit::toString);
            assertEquals(ExitCode.DRIFT, miss.exitCode(), miss::toString); // the database is empty
            assertEquals(miss.out(), hit.out());
        }
    }

    private static String[] append(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }
}
