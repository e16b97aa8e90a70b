package dev.schemaguard.sql;

/**
 * Execution order of a plan: statements run phase by phase, and those of one phase in the order they were planned.
 * This enum is the whole order of a plan, read top to bottom.
 */
enum PlanPhase {
    PRELUDE,
    /** Declared renames, before anything else: every other statement names the object by its new name. */
    RENAME_SCHEMAS, RENAME_TYPES, RENAME_TABLES, RENAME_COLUMNS, RENAME_INDEXES, RENAME_CONSTRAINTS,
    DROP_DEPENDENTS, DROP_FOREIGN_KEYS, DROP_POLICIES, DROP_INDEXES, DROP_CONSTRAINTS,
    /** DETACH PARTITION and NO INHERIT, which keep the child's columns: before its parent drops any. */
    DETACH_PARTITIONS,
    /** The CHECK constraints a detached child keeps from its former parent, before columns they use go. */
    DROP_DETACHED_CHECKS,
    DROP_COLUMNS,
    /** A child's own columns, once its parents no longer give them (after their drops and the detaches). */
    DROP_CHILD_COLUMNS,
    DROP_PARTITIONS, DROP_TABLES,
    /** Casts, before the functions and types they use. */
    DROP_CASTS,
    /** Servers once the foreign tables on them are gone, then the wrappers once their servers are. */
    DROP_SERVERS, DROP_FOREIGN_DATA_WRAPPERS,
    DROP_ROUTINES,
    /** Text search configurations and dictionaries dropped to be created again, once nothing that stays uses them. */
    DROP_REBUILT_TEXT_SEARCH,
    CREATE_SCHEMAS, CREATE_EXTENSIONS, ALTER_EXTENSIONS, CREATE_COLLATIONS,
    /** Before anything that names a configuration ('english'::regconfig in a default, check, index or view). */
    CREATE_TEXT_SEARCH_DICTIONARIES, CREATE_TEXT_SEARCH_CONFIGURATIONS,
    CREATE_ENUMS, CREATE_DOMAINS, CREATE_COMPOSITES,
    /** Domains over a composite or range type, once those exist (domains come first otherwise: types use them). */
    CREATE_DOMAINS_ON_TYPES,
    CREATE_SEQUENCES, CREATE_ROUTINES,
    /** Aggregates, once their support functions exist; then casts, once their types and functions do. */
    CREATE_AGGREGATES, CREATE_CASTS,
    /** Foreign-data wrappers (whose handler and validator are routines), then the servers that use them. */
    CREATE_FOREIGN_DATA_WRAPPERS, CREATE_SERVERS,
    ALTER_COLUMNS,
    /** What a child changes about its columns (NOT NULL, default), after its parents' changes, which recurse. */
    ALTER_CHILD_COLUMNS,
    TABLE_PERSISTENCE,
    CREATE_TABLES, ADD_COLUMNS,
    /** A foreign table's options and its columns' options, once the table and its columns exist. */
    FOREIGN_TABLE_OPTIONS,
    /** Routines whose arguments or result use a table's row type (RETURNS SETOF orders), once the tables exist. */
    CREATE_ROUTINES_ON_TABLES,
    /** ATTACH PARTITION and INHERIT, once the child has every column of its new parent. */
    ATTACH_PARTITIONS, ADD_CONSTRAINTS, CREATE_INDEXES, ADD_FOREIGN_KEYS,
    /** VALIDATE CONSTRAINT, storage parameters and replica identity: once the constraints and indexes exist. */
    VALIDATE_CONSTRAINTS, STORAGE_PARAMETERS, REPLICA_IDENTITY,
    SEQUENCE_OWNERSHIP, ROW_SECURITY, POLICIES, CREATE_VIEWS,
    /** Routines whose arguments or result use a view's row type, once the views exist. */
    CREATE_ROUTINES_ON_VIEWS,
    CREATE_TRIGGERS,
    /** Publications and the tables they publish, once every table and column exists. */
    PUBLICATIONS,
    REVOKES, GRANTS,
    /**
     * Types dropped in the reverse of their creation order: domains over composite or range types, the composite
     * and range types (and old types a rebuild replaced), plain domains (composites use them), enums.
     */
    DROP_DOMAINS_ON_TYPES, DROP_TYPES, DROP_DOMAINS, DROP_ENUMS,
    /** Configurations before the dictionaries they map; after everything that used them is gone. */
    DROP_TEXT_SEARCH_CONFIGURATIONS, DROP_TEXT_SEARCH_DICTIONARIES,
    DROP_COLLATIONS, DROP_SEQUENCES, DROP_EXTENSIONS, DROP_SCHEMAS, COMMENTS
}
