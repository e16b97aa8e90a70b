package dev.schemaguard.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.apache.maven.it.VerificationException;
import org.apache.maven.it.Verifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plugin in real Maven builds: a separate {@code mvn} process (maven-verifier, forked), offline, with the plugin
 * as the invoker plugin installed it into {@code target/it-repo}, against a throwaway database on the test server
 * (SCHEMAGUARD_TEST_DATABASE_URL). Throwaway databases for YAML canonicalization go to the test server too
 * (SCHEMAGUARD_DEV_DB in the build's environment), as a CI job would set it.
 */
class MavenPluginIT {

    private static final String PLUGIN = "dev.schemaguard:schemaguard-maven-plugin:" + System.getProperty("schemaguard.it.version");
    private static final String EXPECTED = """
            schema: public
            tables:
              customers:
                columns:
                  id: bigint primary key
                  email: text not null
            """;

    private static PostgresServer server;
    private static ThrowawayDatabase database;

    @TempDir
    Path project;

    @BeforeAll
    static void createDatabase() throws Exception {
        assumeTrue(System.getProperty("schemaguard.it.repo") != null, "runs in the integration-test phase (mvn verify),"
                + " after the invoker plugin installed the plugin into target/it-repo");
        server = TestPostgres.primary();
        database = ThrowawayDatabase.create(server);
        database.execute("CREATE TABLE public.customers (id bigint PRIMARY KEY, email text NOT NULL)");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    /** The invocation from a project with no plugin configuration: the command line names the goal and everything. */
    @Test
    void checkFromTheCommandLinePassesOnAMatchAndFailsOnDriftListingEveryDifference() throws Exception {
        writeProject(null);
        Files.writeString(project.resolve("expected.yaml"), EXPECTED);
        Build match = build(List.of(PLUGIN + ":check", "-Dschemaguard.db=" + database.jdbcUrl(),
                "-Dschemaguard.expected=expected.yaml"));
        assertTrue(match.succeeded(), match.log());
        assertTrue(match.log().contains("matches"), match.log());

        Files.writeString(project.resolve("drift.yaml"), EXPECTED + """
                      name: text
                  orders:
                    columns:
                      id: bigint primary key
                """);
        Build drift = build(List.of(PLUGIN + ":check", "-Dschemaguard.db=" + database.jdbcUrl(),
                "-Dschemaguard.expected=drift.yaml"));
        assertFalse(drift.succeeded(), drift.log());
        assertTrue(drift.log().contains("drift, the database does not match the expected schema"), drift.log());
        assertTrue(drift.log().contains("customers") && drift.log().contains("name"), "the missing column\n" + drift.log());
        assertTrue(drift.log().contains("orders"), "the missing table\n" + drift.log());
        assertNoPassword(drift.log(), database.jdbcUrl());
    }

    @Test
    void checkOfAnUnreachableDatabaseFailsWithItsOwnMessageAndNoPassword() throws Exception {
        writeProject(null);
        Files.writeString(project.resolve("expected.yaml"), EXPECTED);
        Build build = build(List.of(PLUGIN + ":check", "-Dschemaguard.db=postgres://app:s3cretPw@127.0.0.1:1/app",
                "-Dschemaguard.expected=expected.yaml"));
        assertFalse(build.succeeded(), build.log());
        assertTrue(build.log().contains("schemaguard cannot connect to the database"), build.log());
        assertFalse(build.log().contains("s3cretPw"), build.log());
        assertFalse(build.log().contains("drift"), "not reported as drift\n" + build.log());
    }

    /** Parameters in the POM: snapshot of the database, diff to the YAML as SQL, docs and baseline, in one build. */
    @Test
    void snapshotDiffDocsAndBaselineConfiguredInThePom() throws Exception {
        Files.writeString(project.resolve("target-schema.yaml"), EXPECTED + """
                  orders:
                    columns:
                      id: bigint primary key
                """);
        writeProject("""
                <plugin>
                  <groupId>dev.schemaguard</groupId>
                  <artifactId>schemaguard-maven-plugin</artifactId>
                  <version>%s</version>
                  <configuration>
                    <db>%s</db>
                    <expected>target-schema.yaml</expected>
                    <from>%s</from>
                    <to>target-schema.yaml</to>
                    <format>sql</format>
                  </configuration>
                  <executions>
                    <execution><id>snapshot</id><phase>validate</phase><goals><goal>snapshot</goal></goals>
                      <configuration><output>${project.build.directory}/live.yaml</output></configuration></execution>
                    <execution><id>diff</id><phase>validate</phase><goals><goal>diff</goal></goals>
                      <configuration><output>${project.build.directory}/to-target.sql</output></configuration></execution>
                    <execution><id>docs</id><phase>validate</phase><goals><goal>docs</goal></goals></execution>
                    <execution><id>baseline</id><phase>validate</phase><goals><goal>baseline</goal></goals>
                      <configuration><output>${project.build.directory}/baseline.sql</output></configuration></execution>
                  </executions>
                </plugin>
                """.formatted(System.getProperty("schemaguard.it.version"), xml(database.jdbcUrl()), xml(database.jdbcUrl())));
        Build build = build(List.of("validate"));
        assertTrue(build.succeeded(), build.log());
        String snapshot = Files.readString(project.resolve("target/live.yaml"));
        assertTrue(snapshot.contains("customers") && snapshot.contains("email"), snapshot);
        String diff = Files.readString(project.resolve("target/to-target.sql"));
        assertTrue(diff.contains("CREATE TABLE") && diff.contains("orders") && !diff.contains("customers ("), diff);
        String baseline = Files.readString(project.resolve("target/baseline.sql"));
        assertTrue(baseline.contains("customers") && baseline.contains("orders"), baseline);
        String docs = Files.readString(project.resolve("target/schema-docs/public.md"));
        assertTrue(docs.contains("```mermaid") && docs.contains("### customers"), docs);
        assertNoPassword(build.log(), database.jdbcUrl());
    }

    private record Build(boolean succeeded, String log) {
    }

    private Build build(List<String> goalsAndOptions) throws Exception {
        Verifier verifier = new Verifier(project.toString());
        verifier.setForkJvm(true);
        verifier.setAutoclean(false);
        verifier.setLocalRepo(System.getProperty("schemaguard.it.repo"));
        verifier.addCliOption("-o");
        // what the invoker plugin does not copy (the parent's imported BOMs) is read from the user's repository, read-only
        verifier.addCliOption("-Dmaven.repo.local.tail=" + System.getProperty("schemaguard.it.userRepo"));
        verifier.setEnvironmentVariable("SCHEMAGUARD_DEV_DB", server.adminJdbcUrl());
        boolean succeeded = true;
        try {
            verifier.executeGoals(goalsAndOptions);
        } catch (VerificationException failed) {
            succeeded = false;
        }
        verifier.resetStreams();
        return new Build(succeeded, Files.readString(project.resolve(verifier.getLogFileName())));
    }

    private void writeProject(String plugin) throws Exception {
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.schemaguard.it</groupId>
                  <artifactId>app</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  %s
                </project>
                """.formatted(plugin == null ? "" : "<build><plugins>" + plugin + "</plugins></build>"));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static void assertNoPassword(String log, String jdbcUrl) {
        Matcher password = Pattern.compile("password=([^&]+)").matcher(jdbcUrl);
        if (password.find()) {
            String secret = URLDecoder.decode(password.group(1), StandardCharsets.UTF_8);
            assertFalse(log.contains(secret), "the password is in the build log");
        }
    }
}
