package dev.schemaguard.junit;

import dev.schemaguard.testkit.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;

import javax.sql.DataSource;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * What JUnit reports for test classes that use {@link SchemaGuardTest} (the fixtures below, run through the JUnit
 * Platform launcher), and that their throwaway databases are dropped whatever the outcome.
 */
class SchemaGuardExtensionTest {

    /** Names of the databases the fixtures saw, in the order they saw them. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void resolveTheServerOnce() {
        TestPostgres.primary();
    }

    @Test
    void migrationsThatFallShortFailTheTestWithEveryDifferenceAndItsSql() throws SQLException {
        Map<String, TestExecutionResult> results = run(ShortMigrations.class);
        Throwable failure = results.get("assertMatches").getThrowable().orElseThrow();
        assertInstanceOf(AssertionFailedError.class, failure);
        String message = failure.getMessage();
        assertTrue(message.contains(" does not match junitkit/schema.yaml: 2 differences"), message);
        assertTrue(message.contains("ALTER TABLE public.orders ADD COLUMN note text;"), message);
        assertTrue(message.contains("CREATE INDEX orders_customer_idx ON public.orders"), message);
        assertEquals(1, SEEN.size());
        assertFalse(exists(SEEN.get(0)), "dropped after the class, though its test failed");
    }

    @Test
    void oneDatabasePerClassByDefaultAndOnePerMethodWhenAsked() throws SQLException {
        Map<String, TestExecutionResult> perClass = run(PerClass.class);
        assertSuccessful(perClass);
        assertEquals(2, SEEN.size());
        assertEquals(SEEN.get(0), SEEN.get(1));
        assertFalse(exists(SEEN.get(0)));

        Map<String, TestExecutionResult> perMethod = run(PerMethod.class);
        assertSuccessful(perMethod);
        assertEquals(2, SEEN.size());
        assertNotEquals(SEEN.get(0), SEEN.get(1));
        assertFalse(exists(SEEN.get(0)) || exists(SEEN.get(1)));
    }

    @Test
    void aLiquibaseChangelogAndAnEmptyDatabaseWithoutTheAnnotation() throws SQLException {
        assertSuccessful(run(LiquibaseChangelog.class));
        assertEquals(1, SEEN.size());
        assertFalse(exists(SEEN.get(0)));
        assertSuccessful(run(PlainExtendWith.class));
        assertEquals(1, SEEN.size());
        assertFalse(exists(SEEN.get(0)));
    }

    @Test
    void aFailingMigrationFailsTheClassNamingTheMigrationsAndDropsTheDatabase() throws SQLException {
        Map<String, TestExecutionResult> results = run(BrokenMigrations.class);
        Throwable failure = results.get(CLASS).getThrowable().orElseThrow();
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        String message = failure.getMessage();
        assertTrue(message.startsWith("Flyway migrations [classpath:junitkit/migration/broken] failed on the throwaway"
                + " database sg_test_"), message);
        assertTrue(message.contains("no_such_table"), message);
        Matcher name = Pattern.compile("database (sg_test_[0-9a-f]+) ").matcher(message);
        assertTrue(name.find(), message);
        assertFalse(exists(name.group(1)));
        assertFalse(results.containsKey("neverRuns"), "no test ran: " + results.keySet());
        assertFalse(message.contains("password="), message);
    }

    @Test
    void settingsThatCannotWorkAreErrorsThatSayWhatToChange() {
        Throwable both = run(FlywayAndLiquibase.class).get(CLASS)
                .getThrowable().orElseThrow();
        assertTrue(both.getMessage().contains("names both Flyway migrations and a Liquibase changelog"), both.getMessage());

        Throwable constructor = run(PerMethodIntoConstructor.class).get("test").getThrowable().orElseThrow();
        assertInstanceOf(ParameterResolutionException.class, constructor);
        assertTrue(constructor.getMessage().contains("inject it into test methods or @BeforeEach methods"),
                constructor.getMessage());

        Throwable noExpected = run(NoExpectedSchema.class).get("test").getThrowable().orElseThrow();
        assertTrue(noExpected.getMessage().startsWith("no expected schema to compare with: name one in"
                + " @SchemaGuardTest(expected = \"db/schema.yaml\")"), noExpected.getMessage());
    }

    // ---- the fixtures: run only through run(...), which sets the configuration parameter FIXTURES ----

    private static final String FIXTURES = "schemaguard.junit.fixtures";

    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(OnlyThroughRun.class)
    @interface Fixture {
    }

    /** Disables a fixture that a test runner found on its own (e.g. {@code -Dtest=SchemaGuard*}). */
    static final class OnlyThroughRun implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(FIXTURES).isPresent()
                    ? ConditionEvaluationResult.enabled("run by SchemaGuardExtensionTest")
                    : ConditionEvaluationResult.disabled("a fixture of SchemaGuardExtensionTest");
        }
    }

    @Fixture
    @SchemaGuardTest(migrations = "classpath:junitkit/migration/short", expected = "junitkit/schema.yaml")
    static class ShortMigrations {
        @Test
        void assertMatches(MigratedDatabase database) {
            SEEN.add(database.name());
            database.assertMatches();
        }
    }

    @Fixture
    @SchemaGuardTest(migrations = "classpath:junitkit/migration/complete")
    static class PerClass {
        @Test
        void first(MigratedDatabase database) {
            SEEN.add(database.name());
            database.assertMatches("junitkit/schema.yaml");
        }

        @Test
        void second(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                SEEN.add(connection.getCatalog());
            }
        }
    }

    @Fixture
    @SchemaGuardTest(migrations = "classpath:junitkit/migration/complete", expected = "junitkit/schema.yaml",
            databasePer = DatabasePer.METHOD)
    static class PerMethod {
        @Test
        void first(MigratedDatabase database) {
            SEEN.add(database.name());
            database.assertMatches();
        }

        @Test
        void second(MigratedDatabase database) {
            SEEN.add(database.name());
            database.assertMatches();
        }
    }

    @Fixture
    @SchemaGuardTest(liquibase = "junitkit/liquibase/complete.sql", expected = "junitkit/schema.yaml")
    static class LiquibaseChangelog {
        @Test
        void test(MigratedDatabase database) {
            SEEN.add(database.name());
            database.assertMatches();
        }
    }

    @Fixture
    @ExtendWith(SchemaGuardExtension.class)
    static class PlainExtendWith {
        @Test
        void test(MigratedDatabase database) throws SQLException {
            SEEN.add(database.name());
            try (Connection connection = database.connect();
                 ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM pg_class"
                         + " WHERE relnamespace = 'public'::regnamespace")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "an empty database");
            }
        }
    }

    @Fixture
    @SchemaGuardTest(migrations = "classpath:junitkit/migration/broken")
    static class BrokenMigrations {
        @Test
        void neverRuns() {
        }
    }

    @Fixture
    @SchemaGuardTest(migrations = "classpath:junitkit/migration/complete", liquibase = "junitkit/liquibase/complete.sql")
    static class FlywayAndLiquibase {
        @Test
        void test() {
        }
    }

    @Fixture
    @SchemaGuardTest(databasePer = DatabasePer.METHOD)
    static class PerMethodIntoConstructor {
        PerMethodIntoConstructor(MigratedDatabase database) {
        }

        @Test
        void test() {
        }
    }

    @Fixture
    @SchemaGuardTest(migrations = "classpath:junitkit/migration/complete")
    static class NoExpectedSchema {
        @Test
        void test(MigratedDatabase database) {
            database.assertMatches();
        }
    }

    /** The key of the fixture class's own result in what {@link #run} returns. */
    private static final String CLASS = "(class)";

    /** Runs {@code fixture}; the results by the name of the test method, the class's own under {@link #CLASS}. */
    private static Map<String, TestExecutionResult> run(Class<?> fixture) {
        SEEN.clear();
        Map<String, TestExecutionResult> results = new LinkedHashMap<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
                        .configurationParameter(FIXTURES, "true").build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        test.getSource().ifPresent(source -> {
                            if (source instanceof MethodSource method) {
                                results.put(method.getMethodName(), result);
                            } else if (source instanceof ClassSource) {
                                results.put(CLASS, result);
                            }
                        });
                    }
                });
        return results;
    }

    private static void assertSuccessful(Map<String, TestExecutionResult> results) {
        List<String> failed = new ArrayList<>();
        results.forEach((name, result) -> {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failed.add(name + ": " + result.getThrowable().map(Throwable::toString).orElse("?"));
            }
        });
        assertEquals(List.of(), failed);
    }

    private static boolean exists(String database) throws SQLException {
        try (Connection connection = TestPostgres.primary().connect();
             PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
