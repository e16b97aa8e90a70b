package dev.schemaguard.sql;

import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An index whose key and INCLUDE columns arrive one row at a time, in position order. */
final class IntrospectedIndex {

    private final String name;
    private final boolean unique;
    private final String method;
    private final String predicate;
    private final boolean nullsNotDistinct;
    private final List<String> storageParameters;
    private final String comment;
    private final boolean valid;
    final List<IndexKey> keys = new ArrayList<>();
    final List<String> include = new ArrayList<>();

    private IntrospectedIndex(String name, boolean unique, String method, String predicate, boolean nullsNotDistinct,
                              List<String> storageParameters, String comment, boolean valid) {
        this.name = name;
        this.valid = valid;
        this.storageParameters = storageParameters;
        this.comment = comment;
        this.unique = unique;
        this.method = method;
        this.predicate = predicate;
        this.nullsNotDistinct = nullsNotDistinct;
    }

    /** The index collected under {@code name} in {@code indexes}, created on its first row. */
    static IntrospectedIndex in(Map<String, IntrospectedIndex> indexes, String name, boolean unique, String method,
                                String predicate, boolean nullsNotDistinct, List<String> storageParameters,
                                String comment, boolean valid) {
        return indexes.computeIfAbsent(name, n -> new IntrospectedIndex(n, unique, method, predicate, nullsNotDistinct,
                storageParameters, comment, valid));
    }

    static List<Index> build(Map<String, IntrospectedIndex> indexes) {
        return indexes.values().stream().map(IntrospectedIndex::toIndex).toList();
    }

    Index toIndex() {
        return new Index(name, unique, method, keys, include, predicate, nullsNotDistinct, storageParameters, comment, null, valid);
    }
}
