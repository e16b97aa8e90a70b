package dev.schemaguard.examples.builds;

import dev.schemaguard.testkit.TestPostgres;
import org.apache.maven.it.VerificationException;
import org.apache.maven.it.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #20 point 15 and #22's examples: examples/flyway-jpa-app, an application with Flyway 11, Hibernate 6.6 and
 * schemaguard and no Spring, built as its team builds it ({@code mvn verify}, a separate Maven process, offline)
 * against this build's schemaguard artifacts. Its tests start the application (Flyway migrates, schemaguard checks
 * the result, Hibernate starts and stores a row), check the migrations against db/schema.yaml and the entities
 * against the migrations, on the test server.
 */
class FlywayJpaAppIT {

    @TempDir
    Path project;

    @Test
    void theFlywayJpaExampleBuildsAndItsTestsPass() throws Exception {
        assumeTrue(System.getProperty("schemaguard.it.repo") != null, "runs in the integration-test phase (mvn verify),"
                + " after the invoker plugin installed this build's artifacts into target/it-repo");
        copy(Path.of(System.getProperty("schemaguard.it.examples"), "flyway-jpa-app"), project);

        Verifier verifier = new Verifier(project.toString());
        verifier.setForkJvm(true);
        verifier.setAutoclean(false);
        verifier.setLocalRepo(System.getProperty("schemaguard.it.repo"));
        verifier.addCliOption("-o");
        verifier.addCliOption("-B");
        // third-party artifacts (Flyway, Hibernate, Maven's plugins) from the user's repository, read-only
        verifier.addCliOption("-Dmaven.repo.local.tail=" + System.getProperty("schemaguard.it.userRepo"));
        verifier.addCliOption("-Dschemaguard.version=" + System.getProperty("schemaguard.it.version"));
        // the example's tests find their PostgreSQL as schemaguard's own do
        verifier.setEnvironmentVariable(TestPostgres.URL_VARIABLE, TestPostgres.primary().adminJdbcUrl());
        boolean succeeded = true;
        try {
            verifier.executeGoals(List.of("verify"));
        } catch (VerificationException failed) {
            succeeded = false;
        }
        verifier.resetStreams();
        String log = Files.readString(project.resolve(verifier.getLogFileName()));
        assertTrue(succeeded, log);
        for (String test : List.of("MigrationsTest", "EntitiesMatchMigrationsTest", "ShopApplicationTest", "JacksonTest")) {
            assertTrue(log.contains("-- in com.example.shop." + test), test + " did not run:\n" + log);
        }
        assertTrue(log.contains("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0"), log);
        assertFalse(log.contains("NoClassDefFoundError"), log);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
