package dev.schemaguard.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that gets a throwaway PostgreSQL database with the migrations applied: inject
 * {@link MigratedDatabase} (or a {@link javax.sql.DataSource}) into test methods, {@code @BeforeEach} methods or the
 * constructor, and assert that the migrations built the expected schema.
 *
 * <pre>{@code
 * @SchemaGuardTest(migrations = "classpath:db/migration", expected = "db/schema.yaml")
 * class SchemaTest {
 *     @Test
 *     void migrationsBuildTheDeclaredSchema(MigratedDatabase database) {
 *         database.assertMatches();
 *     }
 *
 *     @Test
 *     void aRepositoryOnTheMigratedSchema(DataSource dataSource) { ... }
 * }
 * }</pre>
 *
 * The server is found as {@link Migrations} finds one: {@code SCHEMAGUARD_TEST_DATABASE_URL}, else Testcontainers
 * when Docker answers, else an embedded PostgreSQL. The database is created before the first test that needs it and
 * dropped after the class ({@link DatabasePer#CLASS}, the default) or after each test ({@link DatabasePer#METHOD}),
 * whatever the outcome.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SchemaGuardExtension.class)
public @interface SchemaGuardTest {

    /** Flyway locations run on the new database, e.g. {@code classpath:db/migration}; none by default. */
    String[] migrations() default {};

    /** A Liquibase changelog on the classpath run on the new database instead of Flyway migrations. */
    String liquibase() default "";

    /**
     * The schema {@link MigratedDatabase#assertMatches()} compares with: a classpath resource
     * ({@code db/schema.yaml}), else a file or a directory of YAML files.
     */
    String expected() default "";

    /** One database per test class (the default) or per test method. */
    DatabasePer databasePer() default DatabasePer.CLASS;
}
