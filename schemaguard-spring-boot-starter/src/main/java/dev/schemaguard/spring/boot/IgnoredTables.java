package dev.schemaguard.spring.boot;

import java.util.List;

/**
 * Tables the checks leave out on both sides, besides {@code schemaguard.ignore-tables}: the auto-configuration
 * contributes the history tables of Flyway and Liquibase; an application may declare more beans of this type.
 */
@FunctionalInterface
public interface IgnoredTables {

    /** Table names: {@code name} in any schema, {@code schema.name} in one. */
    List<String> tables();
}
