package dev.schemaguard.sql;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table while {@link PostgresIntrospector} collects it: each catalog query adds its rows here, and
 * {@link #toTable()} builds the immutable model once every query has run.
 */
final class IntrospectedTable {

    final String schema;
    final String name;
    private final RowSecurity rowSecurity;
    private final String comment;
    final List<Column> columns = new ArrayList<>();
    PrimaryKey primaryKey;
    final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<CheckConstraint> checkConstraints = new ArrayList<>();
    private final Map<String, IntrospectedIndex> indexes = new LinkedHashMap<>();
    final List<Policy> policies = new ArrayList<>();

    IntrospectedTable(String schema, String name, RowSecurity rowSecurity, String comment) {
        this.schema = schema;
        this.name = name;
        this.rowSecurity = rowSecurity;
        this.comment = comment;
    }

    /** The index being collected under {@code indexName}, created on its first row. */
    IntrospectedIndex index(String indexName, boolean unique, String method, String predicate, boolean nullsNotDistinct) {
        return indexes.computeIfAbsent(indexName,
                n -> new IntrospectedIndex(n, unique, method, predicate, nullsNotDistinct));
    }

    Table toTable() {
        List<Index> builtIndexes = indexes.values().stream().map(IntrospectedIndex::toIndex).toList();
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checkConstraints, builtIndexes,
                rowSecurity, policies, comment);
    }

    /** An index whose key and INCLUDE columns arrive one row at a time, in position order. */
    static final class IntrospectedIndex {
        private final String name;
        private final boolean unique;
        private final String method;
        private final String predicate;
        private final boolean nullsNotDistinct;
        final List<IndexKey> keys = new ArrayList<>();
        final List<String> include = new ArrayList<>();

        private IntrospectedIndex(String name, boolean unique, String method, String predicate, boolean nullsNotDistinct) {
            this.name = name;
            this.unique = unique;
            this.method = method;
            this.predicate = predicate;
            this.nullsNotDistinct = nullsNotDistinct;
        }

        Index toIndex() {
            return new Index(name, unique, method, keys, include, predicate, nullsNotDistinct);
        }
    }
}
