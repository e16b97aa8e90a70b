package dev.schemaguard.spring.boot;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

import java.util.Set;

/**
 * Makes {@link SchemaGuardStartupCheck} a database initializer of the latest batch: Boot orders initializers by
 * their detector's order, so it runs after Flyway (order 0 and 1), Liquibase (0) and the SQL scripts
 * ({@code LOWEST_PRECEDENCE - 100}), and every bean that depends on database initialization runs after it.
 */
class SchemaGuardDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 50;

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(SchemaGuardStartupCheck.class);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
