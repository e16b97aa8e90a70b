package dev.schemaguard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line without --dev-db: throwaway databases live on an embedded PostgreSQL that the run starts
 * itself (as an unprivileged account when it runs as root), so .sql sources and canonicalization need no set-up.
 */
class EmbeddedDefaultTest {

    @TempDir
    Path dir;

    @Test
    void sqlSourceNeedsNoDatabaseOfItsOwn() throws Exception {
        Path script = dir.resolve("shop.sql");
        Files.writeString(script, Fixtures.SHOP);
        try (ThrowawayDatabase partial = Fixtures.database(Fixtures.SHOP_PARTIAL);
             ThrowawayDatabase complete = Fixtures.database(Fixtures.SHOP)) {
            CliRun drift = CliRun.withEmbeddedDefault("check", "--db", partial.jdbcUrl(), "--expected", script.toString());
            assertEquals(ExitCode.DRIFT, drift.exitCode(), drift::toString);
            assertTrue(drift.out().contains("missing table public.orders"), drift::toString);
            assertEquals("", drift.err(), drift::toString);

            CliRun clean = CliRun.withEmbeddedDefault("check", "--db", complete.jdbcUrl(), "--expected", script.toString());
            assertEquals(ExitCode.OK, clean.exitCode(), clean::toString);
            assertEquals("", clean.err(), clean::toString);
        }
    }

    @Test
    void yamlInNaturalSpellingsIsCanonicalizedOnTheEmbeddedServer() throws Exception {
        Path yaml = dir.resolve("documents.yaml");
        Files.writeString(yaml, CanonicalComparisonTest.fullYaml());
        try (ThrowawayDatabase db = Fixtures.database(CanonicalComparisonTest.SQL
                + CanonicalComparisonTest.SQL_NEEDING_A_DATABASE)) {
            CliRun canonical = CliRun.withEmbeddedDefault("check", "--db", db.jdbcUrl(), "--expected", yaml.toString());
            assertEquals(ExitCode.OK, canonical.exitCode(), canonical::toString);
            assertEquals("", canonical.err(), canonical::toString);

            // an implicit cast inside a generated column and a sub-query in a policy: only a database spells
            // them as PostgreSQL stores them
            CliRun asWritten = CliRun.withEmbeddedDefault("check", "--db", db.jdbcUrl(), "--expected", yaml.toString(),
                    "--no-canonicalize", "--format", "json");
            assertEquals(ExitCode.DRIFT, asWritten.exitCode(), asWritten::toString);
            assertEquals(2, new ObjectMapper().readTree(asWritten.out()).get("summary").get("changes").asInt(),
                    asWritten::toString);
            assertTrue(asWritten.out().contains("total") && asWritten.out().contains("first_tenant"), asWritten::toString);
        }
    }
}
