package dev.schemaguard.spring.boot;

import dev.schemaguard.guard.Mode;
import dev.schemaguard.guard.SchemaGuard;
import dev.schemaguard.model.Database;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks the application's data source against the expected schema ({@code schemaguard.expected}) once the
 * database is initialized (after Flyway, Liquibase and the SQL scripts), in the mode {@code schemaguard.mode}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
        LiquibaseAutoConfiguration.class})
@ConditionalOnClass(SchemaGuard.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "schemaguard.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SchemaGuardProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class SchemaGuardAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SchemaDriftMonitor schemaDriftMonitor(DataSource dataSource, SchemaGuardProperties properties,
                                          ResourceLoader resourceLoader, ObjectProvider<IgnoredTables> ignoredTables) {
        Database expected = new ExpectedSchemaLoader(resourceLoader).load(properties.getExpected(), properties.getSchemas());
        List<String> ignored = new ArrayList<>(properties.getIgnoreTables());
        ignoredTables.orderedStream().forEach(tables -> ignored.addAll(tables.tables()));
        String[] ignoredArray = ignored.toArray(String[]::new);
        String fixHint = "Fix: run `schemaguard fix --db $DATABASE_URL --expected " + properties.getExpected()
                + "` and apply its SQL, or start once with schemaguard.mode=repair.";
        SchemaGuard startup = guard(dataSource, expected, properties.getMode(), ignoredArray, fixHint);
        SchemaGuard recheck = guard(dataSource, expected, Mode.WARN, ignoredArray, fixHint);
        if (!properties.isIgnoreMigrationHistory()) { // the guard leaves the well-known history tables out by default
            startup = startup.comparingHistoryTables();
            recheck = recheck.comparingHistoryTables();
        }
        return new SchemaDriftMonitor(startup, recheck, Clock.systemUTC());
    }

    private static SchemaGuard guard(DataSource dataSource, Database expected, Mode mode, String[] ignoredTables,
                                     String fixHint) {
        return SchemaGuard.configure().dataSource(dataSource).expected(expected).mode(mode)
                .ignoreTables(ignoredTables).fixHint(fixHint).load();
    }

    @Bean
    @ConditionalOnMissingBean
    SchemaGuardStartupCheck schemaGuardStartupCheck(SchemaDriftMonitor monitor) {
        return new SchemaGuardStartupCheck(monitor);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("schemaguard.recheck.interval")
    SchemaDriftRecheck schemaDriftRecheck(SchemaDriftMonitor monitor, SchemaGuardProperties properties) {
        return new SchemaDriftRecheck(monitor, properties.getRecheck().getInterval());
    }

    /** Leaves Flyway's history table (as the Flyway bean names it) out of the comparison. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Flyway.class)
    @ConditionalOnBean(Flyway.class)
    @ConditionalOnBooleanProperty(name = "schemaguard.ignore-migration-history", matchIfMissing = true)
    static class FlywayHistoryTable {

        @Bean
        IgnoredTables schemaGuardFlywayHistoryTable(Flyway flyway) {
            String table = flyway.getConfiguration().getTable();
            return () -> List.of(table);
        }
    }

    /** Leaves Liquibase's change log and lock tables (as {@code spring.liquibase.*} names them) out of the comparison. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "liquibase.integration.spring.SpringLiquibase")
    @ConditionalOnBean(type = "liquibase.integration.spring.SpringLiquibase")
    @ConditionalOnBooleanProperty(name = "schemaguard.ignore-migration-history", matchIfMissing = true)
    static class LiquibaseHistoryTables {

        @Bean
        IgnoredTables schemaGuardLiquibaseHistoryTables(Environment environment) {
            // Liquibase creates its tables unquoted, so PostgreSQL folds the names to lower case
            String changeLog = environment.getProperty("spring.liquibase.database-change-log-table", "DATABASECHANGELOG");
            String lock = environment.getProperty("spring.liquibase.database-change-log-lock-table",
                    "DATABASECHANGELOGLOCK");
            return () -> List.of(changeLog.toLowerCase(Locale.ROOT), lock.toLowerCase(Locale.ROOT));
        }
    }
}
