package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DSL for an index; returned by {@link TableBuilder#index(String...)}. */
public final class IndexBuilder {

    private static final Pattern FUNCTION_CALL = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    private final List<IndexKey> keys;
    private String name;
    private boolean unique;
    private String method = "btree";
    private final List<String> include = new ArrayList<>();
    private String predicate;
    private boolean nullsNotDistinct;
    private final List<String> storageParameters = new ArrayList<>();
    private String comment;
    private String renamedFrom;

    IndexBuilder(List<IndexKey> keys) {
        this.keys = keys;
    }

    public IndexBuilder named(String indexName) {
        name = indexName;
        return this;
    }

    /** Declares the index renamed from {@code oldName}: the plan renames that index instead of re-creating it. */
    public IndexBuilder renamedFrom(String oldName) {
        renamedFrom = oldName;
        return this;
    }

    public IndexBuilder unique() {
        unique = true;
        return this;
    }

    /** The access method: {@code btree} (default), {@code hash}, {@code gin}, {@code gist}, {@code brin}, ... */
    public IndexBuilder using(String accessMethod) {
        method = accessMethod;
        return this;
    }

    public IndexBuilder include(String... columns) {
        include.addAll(List.of(columns));
        return this;
    }

    /** Makes this a partial index: {@code WHERE predicate}. */
    public IndexBuilder where(String condition) {
        predicate = condition;
        return this;
    }

    /** A storage parameter, {@code WITH (name=value)}: {@code storageParameter("fillfactor", "70")}. */
    public IndexBuilder storageParameter(String parameter, String value) {
        storageParameters.add(parameter + "=" + value);
        return this;
    }

    public IndexBuilder comment(String text) {
        comment = text;
        return this;
    }

    public IndexBuilder nullsNotDistinct() {
        nullsNotDistinct = true;
        return this;
    }

    /** The column part of PostgreSQL's default index name: key names (function name for an expression), then INCLUDE columns. */
    String defaultNamePart() {
        List<String> parts = new ArrayList<>();
        for (IndexKey key : keys) {
            if (key.column() != null) {
                parts.add(key.column());
            } else {
                Matcher call = FUNCTION_CALL.matcher(key.expression());
                parts.add(call.find() ? call.group(1).toLowerCase() : "expr");
            }
        }
        parts.addAll(include);
        return TableBuilder.joined(parts);
    }

    Index build(String defaultName) {
        return new Index(name != null ? name : defaultName, unique, method, keys, include, predicate, nullsNotDistinct, storageParameters,
                comment, renamedFrom, true);
    }
}
