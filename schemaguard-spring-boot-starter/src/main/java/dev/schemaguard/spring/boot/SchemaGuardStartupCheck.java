package dev.schemaguard.spring.boot;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the startup check when the context creates it. {@link SchemaGuardDatabaseInitializerDetector} makes it a
 * database initializer that comes after Flyway, Liquibase and the SQL scripts, so it checks the migrated database,
 * and beans that depend on database initialization (JPA's entity manager factory, jOOQ, ...) wait for it.
 */
public class SchemaGuardStartupCheck implements InitializingBean {

    private final SchemaDriftMonitor monitor;

    public SchemaGuardStartupCheck(SchemaDriftMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void afterPropertiesSet() {
        monitor.checkAtStartup();
    }
}
