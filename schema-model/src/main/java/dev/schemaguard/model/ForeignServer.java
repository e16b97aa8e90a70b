package dev.schemaguard.model;

import java.util.Map;

/**
 * {@code CREATE SERVER name [TYPE 't'] [VERSION 'v'] FOREIGN DATA WRAPPER wrapper [OPTIONS (...)]}: a
 * database-wide object. {@code type} and {@code version} are null when not given. User mappings (whose options
 * usually hold passwords) are not part of the model.
 */
public record ForeignServer(String name, String wrapper, String type, String version, Map<String, String> options,
                            String comment) {

    public ForeignServer {
        Identifiers.requireValid(name, "server name");
        Identifiers.requireValid(wrapper, "foreign-data wrapper of server " + name);
        options = ForeignOptions.requireValid(options, "server " + name);
    }

    public static ForeignServer of(String name, String wrapper) {
        return new ForeignServer(name, wrapper, null, null, Map.of(), null);
    }

    public ForeignServer withOptions(Map<String, String> newOptions) {
        return new ForeignServer(name, wrapper, type, version, newOptions, comment);
    }

    public ForeignServer withVersion(String newVersion) {
        return new ForeignServer(name, wrapper, type, newVersion, options, comment);
    }

    public ForeignServer withComment(String newComment) {
        return new ForeignServer(name, wrapper, type, version, options, newComment);
    }
}
