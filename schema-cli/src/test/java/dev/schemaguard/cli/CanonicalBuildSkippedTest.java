package dev.schemaguard.cli;

import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A YAML schema equal to the live one (its snapshot) is compared without building it in a throwaway database, and
 * --verbose says so; one expression spelled differently, or really different, means a build, with the verdicts a
 * build gives.
 */
class CanonicalBuildSkippedTest {

    private static final String SQL = """
            create table customers (id bigint generated always as identity primary key, name text not null);
            create table orders (
                id bigint generated always as identity primary key,
                customer_id bigint not null references customers (id),
                total numeric(10,2) not null default 0 check (total >= 0)
            );
            """;
    private static final String SKIPPED = "not built in a throwaway database";
    private static final String CANONICAL_CHECK = "(total >= (0)::numeric)";

    @TempDir
    Path dir;

    @Test
    void aSnapshotIsComparedWithoutABuildAndOtherSpellingsWithOne() throws Exception {
        try (ThrowawayDatabase db = Fixtures.database(SQL)) {
            Path snapshot = dir.resolve("snapshot.yaml");
            assertEquals(ExitCode.OK, CliRun.of("snapshot", "--db", db.jdbcUrl(), "--output", snapshot.toString()).exitCode());
            String yaml = Files.readString(snapshot);
            assertTrue(yaml.contains(CANONICAL_CHECK), yaml);

            CliRun same = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", snapshot.toString(), "--verbose");
            assertEquals(ExitCode.OK, same.exitCode(), same::toString);
            assertTrue(same.err().contains(SKIPPED), same::toString);
            CliRun quiet = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", snapshot.toString());
            assertFalse(quiet.err().contains(SKIPPED), quiet::toString);

            // PostgreSQL adds the cast; only a build knows (text normalization drops it too, so --no-canonicalize is
            // not a witness here): equal after a build
            Path casual = dir.resolve("casual.yaml");
            Files.writeString(casual, yaml.replace(CANONICAL_CHECK, "total>=0"));
            CliRun built = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", casual.toString(), "--verbose");
            assertEquals(ExitCode.OK, built.exitCode(), built::toString);
            assertFalse(built.err().contains(SKIPPED), built::toString);

            Path different = dir.resolve("different.yaml");
            Files.writeString(different, yaml.replace(CANONICAL_CHECK, "total > 0"));
            CliRun drift = CliRun.of("check", "--db", db.jdbcUrl(), "--expected", different.toString(), "--verbose");
            assertEquals(ExitCode.DRIFT, drift.exitCode(), drift::toString);
            assertFalse(drift.err().contains(SKIPPED), drift::toString);
            assertTrue(drift.out().contains("orders_total_check"), drift::toString);
        }
    }
}
