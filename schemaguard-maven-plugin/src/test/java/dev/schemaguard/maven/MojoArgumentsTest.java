package dev.schemaguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.List;

/** Parameters become the CLI's options, as the CLI spells them. */
class MojoArgumentsTest {

    private static final File PROJECT = new File("/work/app");

    @Test
    void checkPassesItsOwnAndTheSharedOptionsWithPathsFromTheProject() {
        CheckMojo check = new CheckMojo();
        check.basedir = PROJECT;
        check.expected = "src/main/schema/schema.yaml";
        check.format = "json";
        check.db = "postgres://app:secret@db/app";
        check.schemas = List.of("public", " audit ");
        check.excludeSchemas = List.of();
        check.privileges = true;
        check.connections = 4;
        assertEquals(List.of("check", "--expected", "/work/app/src/main/schema/schema.yaml", "--format", "json",
                "--db", "postgres://app:secret@db/app", "--schema", "public", "--schema", "audit", "--privileges",
                "--connections", "4"), check.arguments());
    }

    @Test
    void databaseUrlsAndAbsolutePathsAreLeftAsTheyAre() {
        CheckMojo check = new CheckMojo();
        check.basedir = PROJECT;
        check.connections = 1;
        check.expected = "jdbc:postgresql://localhost/reference?user=app";
        assertEquals(List.of("check", "--expected", "jdbc:postgresql://localhost/reference?user=app"), check.arguments());
        check.expected = "/srv/schema.sql";
        assertEquals(List.of("check", "--expected", "/srv/schema.sql"), check.arguments());
    }

    @Test
    void diffComparesFromAndToWithoutTheLiveDatabase() {
        DiffMojo diff = new DiffMojo();
        diff.basedir = PROJECT;
        diff.connections = 1;
        diff.db = "postgres://ignored/db";
        diff.from = "old.yaml";
        diff.to = "postgres://app@prod/app";
        diff.format = "sql";
        diff.allowDrops = true;
        assertEquals(List.of("diff", "--from", "/work/app/old.yaml", "--to", "postgres://app@prod/app", "--format", "sql",
                "--allow-drops"), diff.arguments());
    }

    @Test
    void baselineAppliesWithALockTimeoutOnlyWhenAsked() {
        BaselineMojo baseline = new BaselineMojo();
        baseline.basedir = PROJECT;
        baseline.connections = 1;
        baseline.expected = "schema.yaml";
        baseline.lockTimeout = "5s";
        assertEquals(List.of("baseline", "--expected", "/work/app/schema.yaml"), baseline.arguments());
        baseline.apply = true;
        baseline.db = "postgres://app@db/app";
        assertEquals(List.of("baseline", "--expected", "/work/app/schema.yaml", "--apply", "--lock-timeout", "5s",
                "--db", "postgres://app@db/app"), baseline.arguments());
    }

    @Test
    void docsReadTheDatabaseOrTheExpectedSchema() {
        DocsMojo docs = new DocsMojo();
        docs.basedir = PROJECT;
        docs.connections = 1;
        docs.docsDirectory = new File("/work/app/target/schema-docs");
        docs.db = "postgres://app@db/app";
        assertEquals(List.of("docs", "--output", "/work/app/target/schema-docs", "--db", "postgres://app@db/app"),
                docs.arguments());
        docs.expected = "schema.yaml";
        assertEquals(List.of("docs", "--output", "/work/app/target/schema-docs", "--expected", "/work/app/schema.yaml"),
                docs.arguments());
    }
}
