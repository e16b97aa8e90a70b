package dev.schemaguard.model;

import java.util.Map;

/**
 * {@code CREATE FOREIGN DATA WRAPPER name [HANDLER f | NO HANDLER] [VALIDATOR f | NO VALIDATOR] [OPTIONS (...)]}:
 * a database-wide object, like an extension. {@code handler} and {@code validator} are function names in SQL
 * spelling ({@code public.postgres_fdw_handler}), null for none. A wrapper an extension creates (postgres_fdw,
 * file_fdw) belongs to that extension and is not modelled on its own.
 */
public record ForeignDataWrapper(String name, String handler, String validator, Map<String, String> options,
                                 String comment) {

    public ForeignDataWrapper {
        Identifiers.requireValid(name, "foreign-data wrapper name");
        handler = handler == null ? null : Identifiers.qualifiedSql(handler);
        validator = validator == null ? null : Identifiers.qualifiedSql(validator);
        options = ForeignOptions.requireValid(options, "foreign-data wrapper " + name);
    }

    public static ForeignDataWrapper named(String name) {
        return new ForeignDataWrapper(name, null, null, Map.of(), null);
    }

    public ForeignDataWrapper withOptions(Map<String, String> newOptions) {
        return new ForeignDataWrapper(name, handler, validator, newOptions, comment);
    }

    public ForeignDataWrapper withComment(String newComment) {
        return new ForeignDataWrapper(name, handler, validator, options, newComment);
    }
}
