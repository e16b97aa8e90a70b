package dev.schemaguard.junit;

import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The JUnit 5 extension behind {@link SchemaGuardTest}: creates a throwaway PostgreSQL database, runs the class's
 * migrations on it, injects it as {@link MigratedDatabase} or {@link DataSource}, and drops it when its class (or
 * method, {@link DatabasePer#METHOD}) is done. Registered with {@code @ExtendWith(SchemaGuardExtension.class)} and no
 * {@link SchemaGuardTest} annotation, it hands out an empty database per class.
 */
public final class SchemaGuardExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SchemaGuardExtension.class);
    private static final String KEY = "database";

    /** The settings of the class, from its (or an enclosing class's) annotation. */
    private record Settings(Optional<Migrations> migrations, String expected, DatabasePer databasePer) {

        static final Settings NONE = new Settings(Optional.empty(), null, DatabasePer.CLASS);

        static Settings of(SchemaGuardTest annotation, Class<?> testClass) {
            boolean flyway = annotation.migrations().length > 0;
            boolean liquibase = !annotation.liquibase().isBlank();
            if (flyway && liquibase) {
                throw new ExtensionConfigurationException("@SchemaGuardTest on " + testClass.getName() + " names both"
                        + " Flyway migrations and a Liquibase changelog: name one of them");
            }
            Optional<Migrations> migrations = flyway ? Optional.of(Migrations.flyway(annotation.migrations()))
                    : liquibase ? Optional.of(Migrations.liquibase(annotation.liquibase())) : Optional.empty();
            String expected = annotation.expected().isBlank() ? null : annotation.expected();
            return new Settings(migrations, expected, annotation.databasePer());
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (settings(context).databasePer() == DatabasePer.CLASS) {
            database(context); // created here, so that a failing migration fails the class, not its first test
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (settings(context).databasePer() == DatabasePer.METHOD) {
            database(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MigratedDatabase.class || type == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        MigratedDatabase database = database(context);
        return parameter.getParameter().getType() == DataSource.class ? database.dataSource() : database;
    }

    /** The database of {@code context}, created (and its migrations run) the first time it is asked for. */
    private static MigratedDatabase database(ExtensionContext context) {
        Settings settings = settings(context);
        ExtensionContext owner = owner(context, settings);
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, key -> create(settings, owner), Created.class)
                .database();
    }

    /** Where the database lives: the test method's context, or the context of the class that configures it. */
    private static ExtensionContext owner(ExtensionContext context, Settings settings) {
        if (settings.databasePer() == DatabasePer.METHOD) {
            if (context.getTestMethod().isEmpty()) {
                throw new ParameterResolutionException("@SchemaGuardTest(databasePer = METHOD) makes a database per"
                        + " test method: inject it into test methods or @BeforeEach methods, not into constructors or"
                        + " @BeforeAll methods (or use databasePer = CLASS)");
            }
            return context;
        }
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        // @Nested classes share the database of the class whose annotation configures it
        for (ExtensionContext c = classContext; c.getTestClass().isPresent(); c = c.getParent().orElseThrow()) {
            if (AnnotationSupport.isAnnotated(c.getTestClass().get(), SchemaGuardTest.class)) {
                return c;
            }
        }
        return classContext;
    }

    private static Settings settings(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent() && c.get().getTestClass().isPresent();
             c = c.get().getParent()) {
            Class<?> testClass = c.get().getTestClass().get();
            Optional<SchemaGuardTest> annotation = AnnotationSupport.findAnnotation(testClass, SchemaGuardTest.class);
            if (annotation.isPresent()) {
                return Settings.of(annotation.get(), testClass);
            }
        }
        return Settings.NONE;
    }

    private static Created create(Settings settings, ExtensionContext owner) {
        PostgresServer server = TestPostgres.primary();
        ThrowawayDatabase database;
        try {
            database = ThrowawayDatabase.create(server);
        } catch (SQLException e) {
            throw new ExtensionConfigurationException("cannot create a throwaway database on " + server.label()
                    + " for " + owner.getDisplayName() + ": " + e.getMessage(), e);
        }
        try {
            if (settings.migrations().isPresent()) {
                settings.migrations().get().migrate(database);
            }
        } catch (SQLException | RuntimeException e) {
            close(database, e);
            String what = settings.migrations().get().describe();
            throw new ExtensionConfigurationException(what + " failed on the throwaway database " + database.name()
                    + " (" + server.label() + "): " + e.getMessage(), e);
        }
        return new Created(new MigratedDatabase(database, settings.expected()), database);
    }

    private static void close(ThrowawayDatabase database, Exception failure) {
        try {
            database.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * What the store holds: JUnit closes it when the owning context ends. Both interfaces: JUnit 5.13 and later
     * close an {@link AutoCloseable}, earlier versions (Spring Boot 3.5 brings 5.12) a {@code CloseableResource};
     * dropping twice is harmless.
     */
    @SuppressWarnings("deprecation")
    private record Created(MigratedDatabase database, ThrowawayDatabase throwaway)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() throws SQLException {
            throwaway.close();
        }
    }
}
