package dev.schemaguard.model;

/** {@code CREATE EXTENSION name SCHEMA schema VERSION version}; version null means "whatever is installed". */
public record Extension(String name, String schema, String version) {

    public Extension {
        Identifiers.requireValid(name, "extension name");
    }
}
