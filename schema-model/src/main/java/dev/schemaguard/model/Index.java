package dev.schemaguard.model;

import java.util.List;
import java.util.Objects;

/**
 * An index that is not the backing index of a constraint. {@code method} is the access method
 * ({@code btree}, {@code gin}, ...); {@code predicate} is the WHERE clause of a partial index or null;
 * {@code include} lists INCLUDE columns; NULLS NOT DISTINCT needs PostgreSQL 15; {@code storageParameters} are
 * {@code WITH (fillfactor=70)} as {@code name=value} in pg_class.reloptions' order; {@code comment} may be null.
 * {@code valid} is false only for an index introspected with {@code pg_index.indisvalid} false: what a failed
 * {@code CREATE INDEX CONCURRENTLY} leaves behind, which answers no query and still slows every write; the diff
 * finds it different from any declared index, so a plan drops it and builds it again. Declared indexes are valid.
 */
public record Index(
        String name,
        boolean unique,
        String method,
        List<IndexKey> keys,
        List<String> include,
        String predicate,
        boolean nullsNotDistinct,
        List<String> storageParameters,
        String comment,
        String renamedFrom,
        boolean valid) {

    public Index withName(String newName) {
        return new Index(newName, unique, method, keys, include, predicate, nullsNotDistinct, storageParameters, comment, renamedFrom, valid);
    }

    public Index withStorageParameters(List<String> newStorageParameters) {
        return new Index(name, unique, method, keys, include, predicate, nullsNotDistinct, newStorageParameters, comment, renamedFrom, valid);
    }

    /** The index with column {@code oldName} (as a key or an INCLUDE column) called {@code newName}; expressions as they are. */
    public Index withColumnRenamed(String oldName, String newName) {
        List<IndexKey> newKeys = keys.stream().map(k -> oldName.equals(k.column())
                ? new IndexKey(newName, k.expression(), k.descending(), k.nullsFirst(), k.opclass()) : k).toList();
        List<String> newInclude = include.stream().map(c -> c.equals(oldName) ? newName : c).toList();
        return new Index(name, unique, method, newKeys, newInclude, predicate, nullsNotDistinct, storageParameters, comment, renamedFrom, valid);
    }

    /** The same index, valid or (as a failed concurrent build leaves it) invalid. */
    public Index withValid(boolean newValid) {
        return new Index(name, unique, method, keys, include, predicate, nullsNotDistinct, storageParameters, comment, renamedFrom, newValid);
    }

    public Index withComment(String newComment) {
        return new Index(name, unique, method, keys, include, predicate, nullsNotDistinct, storageParameters, newComment, renamedFrom, valid);
    }

    public Index {
        Identifiers.requireValid(name, "index name");
        Identifiers.requireRenamedFrom(renamedFrom, name, "index");
        method = method == null ? "btree" : method;
        keys = List.copyOf(keys);
        include = List.copyOf(include);
        storageParameters = StorageParameters.requireValid(storageParameters, "index " + name);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " needs at least one key");
        }
        Objects.requireNonNull(method);
    }

    /** The same index declared renamed from {@code oldName} (null: not renamed). */
    public Index withRenamedFrom(String oldName) {
        return new Index(name, unique, method, keys, include, predicate, nullsNotDistinct, storageParameters,
                comment, oldName, valid);
    }
}
