package dev.schemaguard.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key the format knows, per kind of map. The reader accepts exactly these; the writer uses them; a test
 * checks that docs/schemaguard.schema.json lists the same keys under {@code $defs/<kind>/properties}.
 */
final class YamlKeys {

    static final String SCHEMAS = "schemas";
    static final String SCHEMA = "schema";
    static final String TABLES = "tables";
    static final String COMMENT = "comment";
    static final String COLUMNS = "columns";
    static final String PRIMARY_KEY = "primary_key";
    static final String UNIQUE = "unique";
    static final String FOREIGN_KEYS = "foreign_keys";
    static final String CHECKS = "checks";
    static final String INDEXES = "indexes";
    static final String ROW_LEVEL_SECURITY = "row_level_security";
    static final String POLICIES = "policies";
    static final String NAME = "name";
    static final String TYPE = "type";
    static final String NULLABLE = "nullable";
    static final String NOT_NULL = "not_null";
    static final String DEFAULT = "default";
    static final String IDENTITY = "identity";
    static final String GENERATED = "generated";
    static final String COLLATION = "collation";
    static final String STORAGE = "storage";
    static final String COMPRESSION = "compression";
    static final String REFERENCES = "references";
    static final String GENERATION = "generation";
    static final String START = "start";
    static final String INCREMENT = "increment";
    static final String MIN = "min";
    static final String MAX = "max";
    static final String CACHE = "cache";
    static final String CYCLE = "cycle";
    static final String NULLS_NOT_DISTINCT = "nulls_not_distinct";
    static final String DEFERRABLE = "deferrable";
    static final String INITIALLY_DEFERRED = "initially_deferred";
    static final String TABLE = "table";
    static final String ON_UPDATE = "on_update";
    static final String ON_DELETE = "on_delete";
    static final String MATCH = "match";
    static final String EXPRESSION = "expression";
    static final String NO_INHERIT = "no_inherit";
    static final String METHOD = "method";
    static final String INCLUDE = "include";
    static final String WHERE = "where";
    static final String COLUMN = "column";
    static final String ORDER = "order";
    static final String NULLS = "nulls";
    static final String OPCLASS = "opclass";
    static final String ENABLED = "enabled";
    static final String FORCED = "forced";
    static final String AS = "as";
    static final String FOR = "for";
    static final String TO = "to";
    static final String USING = "using";
    static final String WITH_CHECK = "with_check";
    static final String EXTENSIONS = "extensions";
    static final String VERSION = "version";
    static final String SEQUENCES = "sequences";
    static final String OWNED_BY = "owned_by";
    static final String ENUMS = "enums";
    static final String VALUES = "values";
    static final String DOMAINS = "domains";
    static final String COMPOSITE_TYPES = "composite_types";
    static final String RANGE_TYPES = "range_types";
    static final String PUBLICATIONS = "publications";
    static final String ALL_TABLES = "all_tables";
    static final String TABLES_IN_SCHEMAS = "tables_in_schemas";
    static final String PUBLISH = "publish";
    static final String VIA_PARTITION_ROOT = "via_partition_root";
    static final String SUBTYPE = "subtype";
    static final String SUBTYPE_OPCLASS = "subtype_opclass";
    static final String CANONICAL = "canonical";
    static final String SUBTYPE_DIFF = "subtype_diff";
    static final String MULTIRANGE_TYPE_NAME = "multirange_type_name";
    static final String ATTRIBUTES = "attributes";
    static final String VIEWS = "views";
    static final String QUERY = "query";
    static final String MATERIALIZED = "materialized";
    static final String FUNCTIONS = "functions";
    static final String PROCEDURES = "procedures";
    static final String AGGREGATES = "aggregates";
    static final String SFUNC = "sfunc";
    static final String STYPE = "stype";
    static final String SSPACE = "sspace";
    static final String FINALFUNC = "finalfunc";
    static final String FINALFUNC_EXTRA = "finalfunc_extra";
    static final String FINALFUNC_MODIFY = "finalfunc_modify";
    static final String COMBINEFUNC = "combinefunc";
    static final String SERIALFUNC = "serialfunc";
    static final String DESERIALFUNC = "deserialfunc";
    static final String INITCOND = "initcond";
    static final String MSFUNC = "msfunc";
    static final String MINVFUNC = "minvfunc";
    static final String MSTYPE = "mstype";
    static final String MSSPACE = "msspace";
    static final String MFINALFUNC = "mfinalfunc";
    static final String MFINALFUNC_EXTRA = "mfinalfunc_extra";
    static final String MFINALFUNC_MODIFY = "mfinalfunc_modify";
    static final String MINITCOND = "minitcond";
    static final String SORTOP = "sortop";
    static final String PARALLEL_KEY = "parallel";
    static final String HYPOTHETICAL = "hypothetical";
    static final String CASTS = "casts";
    static final String SOURCE = "source";
    static final String TARGET = "target";
    static final String FUNCTION = "function";
    static final String CONTEXT = "context";
    static final String DEFINITION = "definition";
    static final String EXCLUDE = "exclude";
    static final String TRIGGERS = "triggers";
    static final String RULES = "rules";
    static final String PARTITION_BY = "partition_by";
    static final String PARTITION_OF = "partition_of";
    static final String INHERITS = "inherits";
    static final String PARENT = "parent";
    static final String BOUND = "bound";
    static final String UNLOGGED = "unlogged";
    static final String NOT_VALID = "not_valid";
    static final String OPTIONS = "options";
    static final String CONSTRAINT_COMMENTS = "constraint_comments";
    static final String STORAGE_PARAMETERS = "storage_parameters";
    static final String REPLICA_IDENTITY = "replica_identity";
    static final String RENAMED_FROM = "renamed_from";
    static final String COLLATIONS = "collations";
    static final String PROVIDER = "provider";
    static final String LOCALE = "locale";
    static final String LC_COLLATE = "lc_collate";
    static final String LC_CTYPE = "lc_ctype";
    static final String DETERMINISTIC = "deterministic";
    static final String GRANTS = "grants";
    static final String GRANT = "grant";
    static final String REVOKE = "revoke";
    static final String OBJECT = "object";
    static final String FROM = "from";
    static final String WITH_GRANT_OPTION = "with_grant_option";
    static final String TEXT_SEARCH_DICTIONARIES = "text_search_dictionaries";
    static final String TEXT_SEARCH_CONFIGURATIONS = "text_search_configurations";
    static final String TEMPLATE = "template";
    static final String PARSER = "parser";
    static final String MAPPINGS = "mappings";
    static final List<String> TEXT_SEARCH_DICTIONARY_KEYS = List.of(TEMPLATE, OPTIONS, COMMENT);
    static final List<String> TEXT_SEARCH_CONFIGURATION_KEYS = List.of(PARSER, MAPPINGS, COMMENT);
    static final String FOREIGN_DATA_WRAPPERS = "foreign_data_wrappers";
    static final String SERVERS = "servers";
    static final String HANDLER = "handler";
    static final String VALIDATOR = "validator";
    static final String WRAPPER = "wrapper";
    static final String SERVER = "server";
    static final String FOREIGN = "foreign";
    static final String COLUMN_OPTIONS = "column_options";

    /** What a schema holds besides its comment; a file may hold these at its top level for one schema. */
    static final List<String> SCHEMA_CONTENT_KEYS = List.of(
            TABLES, SEQUENCES, ENUMS, DOMAINS, COMPOSITE_TYPES, RANGE_TYPES, VIEWS, FUNCTIONS, PROCEDURES, AGGREGATES, COLLATIONS,
            GRANTS, TEXT_SEARCH_DICTIONARIES, TEXT_SEARCH_CONFIGURATIONS);
    static final String IGNORE = "ignore";
    static final String HISTORY_TABLES = "history_tables";
    static final String UNEXPECTED = "unexpected";
    static final String COMPARE = "compare";
    static final String NAMES = "names";
    static final List<String> HISTORY_TABLE_KEYS = List.of(COMPARE, NAMES);
    static final List<String> FILE_KEYS = concat(List.of(EXTENSIONS, PUBLICATIONS, SCHEMAS, SCHEMA, CASTS,
            FOREIGN_DATA_WRAPPERS, SERVERS, IGNORE, HISTORY_TABLES, UNEXPECTED), SCHEMA_CONTENT_KEYS);
    static final List<String> AGGREGATE_KEYS = List.of(SFUNC, STYPE, SSPACE, FINALFUNC, FINALFUNC_EXTRA, FINALFUNC_MODIFY,
            COMBINEFUNC, SERIALFUNC, DESERIALFUNC, INITCOND, MSFUNC, MINVFUNC, MSTYPE, MSSPACE, MFINALFUNC, MFINALFUNC_EXTRA,
            MFINALFUNC_MODIFY, MINITCOND, SORTOP, PARALLEL_KEY, HYPOTHETICAL, COMMENT);
    static final List<String> CAST_KEYS = List.of(SOURCE, TARGET, FUNCTION, METHOD, CONTEXT, COMMENT);
    static final List<String> FOREIGN_DATA_WRAPPER_KEYS = List.of(HANDLER, VALIDATOR, OPTIONS, COMMENT);
    static final List<String> SERVER_KEYS = List.of(WRAPPER, TYPE, VERSION, OPTIONS, COMMENT);
    static final List<String> FOREIGN_TABLE_KEYS = List.of(SERVER, OPTIONS, COLUMN_OPTIONS);
    static final List<String> PUBLICATION_KEYS = List.of(ALL_TABLES, TABLES, TABLES_IN_SCHEMAS, PUBLISH, VIA_PARTITION_ROOT, COMMENT);
    static final List<String> PUBLICATION_TABLE_KEYS = List.of(TABLE, COLUMNS, WHERE);
    static final List<String> SCHEMA_KEYS = concat(List.of(COMMENT, RENAMED_FROM), SCHEMA_CONTENT_KEYS);
    static final List<String> TABLE_KEYS = List.of(
            COMMENT, COLUMNS, PRIMARY_KEY, UNIQUE, FOREIGN_KEYS, CHECKS, INDEXES, ROW_LEVEL_SECURITY, POLICIES,
            EXCLUDE, TRIGGERS, PARTITION_BY, PARTITION_OF, UNLOGGED, INHERITS, STORAGE_PARAMETERS, REPLICA_IDENTITY,
            CONSTRAINT_COMMENTS, RULES, FOREIGN, RENAMED_FROM);
    static final List<String> COLUMN_KEYS = List.of(
            TYPE, NULLABLE, NOT_NULL, DEFAULT, IDENTITY, GENERATED, COLLATION, COMMENT, PRIMARY_KEY, UNIQUE, REFERENCES,
            STORAGE, COMPRESSION, RENAMED_FROM);
    static final List<String> IDENTITY_KEYS = List.of(GENERATION, START, INCREMENT, MIN, MAX, CACHE, CYCLE);
    static final List<String> PRIMARY_KEY_KEYS = List.of(NAME, COLUMNS, RENAMED_FROM);
    static final List<String> UNIQUE_KEYS = List.of(NAME, COLUMNS, NULLS_NOT_DISTINCT, DEFERRABLE, INITIALLY_DEFERRED, RENAMED_FROM);
    static final List<String> FOREIGN_KEY_KEYS = List.of(
            NAME, COLUMNS, REFERENCES, ON_UPDATE, ON_DELETE, MATCH, DEFERRABLE, INITIALLY_DEFERRED, NOT_VALID, RENAMED_FROM);
    static final List<String> REFERENCES_KEYS = List.of(SCHEMA, TABLE, COLUMNS);
    static final List<String> EXCLUSION_KEYS = List.of(DEFINITION, RENAMED_FROM);
    static final List<String> CHECK_KEYS = List.of(NAME, EXPRESSION, NO_INHERIT, NOT_VALID, RENAMED_FROM);
    static final List<String> INDEX_KEYS = List.of(
            NAME, COLUMNS, UNIQUE, METHOD, INCLUDE, WHERE, NULLS_NOT_DISTINCT, STORAGE_PARAMETERS, COMMENT, RENAMED_FROM);
    static final List<String> INDEX_KEY_KEYS = List.of(COLUMN, EXPRESSION, ORDER, NULLS, OPCLASS);
    static final List<String> ROW_LEVEL_SECURITY_KEYS = List.of(ENABLED, FORCED);
    static final List<String> POLICY_KEYS = List.of(AS, FOR, TO, USING, WITH_CHECK);
    static final List<String> TRIGGER_KEYS = List.of(DEFINITION, ENABLED, COMMENT);
    static final List<String> RULE_KEYS = List.of(DEFINITION, ENABLED, COMMENT);
    static final List<String> PARTITION_OF_KEYS = List.of(PARENT, BOUND);
    static final List<String> EXTENSION_KEYS = List.of(SCHEMA, VERSION);
    static final List<String> SEQUENCE_KEYS = List.of(TYPE, START, INCREMENT, MIN, MAX, CACHE, CYCLE, OWNED_BY, COMMENT);
    static final List<String> ENUM_KEYS = List.of(VALUES, COMMENT, RENAMED_FROM);
    static final List<String> DOMAIN_KEYS = List.of(TYPE, NOT_NULL, DEFAULT, COLLATION, CHECKS, COMMENT, CONSTRAINT_COMMENTS, RENAMED_FROM);
    static final List<String> COMPOSITE_TYPE_KEYS = List.of(ATTRIBUTES, COMMENT, RENAMED_FROM);
    static final List<String> ATTRIBUTE_KEYS = List.of(TYPE, COLLATION);
    static final List<String> RANGE_TYPE_KEYS = List.of(
            SUBTYPE, SUBTYPE_OPCLASS, COLLATION, CANONICAL, SUBTYPE_DIFF, MULTIRANGE_TYPE_NAME, COMMENT, RENAMED_FROM);
    static final List<String> VIEW_KEYS = List.of(QUERY, MATERIALIZED, INDEXES, TRIGGERS, RULES, OPTIONS, COMMENT);
    static final List<String> ROUTINE_KEYS = List.of(DEFINITION, COMMENT);
    static final List<String> COLLATION_KEYS = List.of(PROVIDER, LOCALE, LC_COLLATE, LC_CTYPE, DETERMINISTIC, COMMENT);
    static final List<String> GRANT_KEYS = List.of(GRANT, REVOKE, OBJECT, TO, FROM, WITH_GRANT_OPTION);

    /** The key lists by the name of their definition in the JSON Schema ({@code $defs}). */
    static final Map<String, List<String>> BY_DEFINITION = byDefinition();

    private YamlKeys() {
    }

    private static Map<String, List<String>> byDefinition() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("file", FILE_KEYS);
        all.put("schema", SCHEMA_KEYS);
        all.put("table", TABLE_KEYS);
        all.put("columnLong", COLUMN_KEYS);
        all.put("identityOptions", IDENTITY_KEYS);
        all.put("primaryKeyLong", PRIMARY_KEY_KEYS);
        all.put("uniqueLong", UNIQUE_KEYS);
        all.put("foreignKey", FOREIGN_KEY_KEYS);
        all.put("referencesLong", REFERENCES_KEYS);
        all.put("checkLong", CHECK_KEYS);
        all.put("exclusionLong", EXCLUSION_KEYS);
        all.put("indexLong", INDEX_KEYS);
        all.put("indexKeyLong", INDEX_KEY_KEYS);
        all.put("rowLevelSecurityLong", ROW_LEVEL_SECURITY_KEYS);
        all.put("policy", POLICY_KEYS);
        all.put("triggerLong", TRIGGER_KEYS);
        all.put("ruleLong", RULE_KEYS);
        all.put("partitionOf", PARTITION_OF_KEYS);
        all.put("extensionLong", EXTENSION_KEYS);
        all.put("publication", PUBLICATION_KEYS);
        all.put("rangeType", RANGE_TYPE_KEYS);
        all.put("aggregate", AGGREGATE_KEYS);
        all.put("cast", CAST_KEYS);
        all.put("sequence", SEQUENCE_KEYS);
        all.put("enumLong", ENUM_KEYS);
        all.put("domainLong", DOMAIN_KEYS);
        all.put("compositeType", COMPOSITE_TYPE_KEYS);
        all.put("attributeLong", ATTRIBUTE_KEYS);
        all.put("viewLong", VIEW_KEYS);
        all.put("routineLong", ROUTINE_KEYS);
        all.put("collation", COLLATION_KEYS);
        all.put("grant", GRANT_KEYS);
        all.put("textSearchDictionary", TEXT_SEARCH_DICTIONARY_KEYS);
        all.put("textSearchConfiguration", TEXT_SEARCH_CONFIGURATION_KEYS);
        all.put("foreignDataWrapper", FOREIGN_DATA_WRAPPER_KEYS);
        all.put("server", SERVER_KEYS);
        all.put("foreignTable", FOREIGN_TABLE_KEYS);
        all.put("historyTables", HISTORY_TABLE_KEYS);
        return Map.copyOf(all);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
