package dev.schemaguard.diff;

import dev.schemaguard.model.Cast;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.Publication;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RowSecurity;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Short human-readable renderings used by {@link SchemaChange#describe()}. */
final class Describe {

    private Describe() {
    }

    /** The subject of a grant change: the object's own subject, so that its grants group with its other changes. */
    static String grantSubject(Grant grant) {
        ObjectRef on = grant.on();
        return switch (on.kind()) {
            case SCHEMA -> on.name();
            case TABLE, COLUMN -> QualifiedName.of(on.schema(), on.name()).toString();
            default -> on.schema() + "." + on.name();
        };
    }

    static String column(Column column) {
        StringBuilder text = new StringBuilder(column.type().sql());
        if (column.collation() != null) {
            text.append(" COLLATE ").append(column.collation());
        }
        if (!column.nullable()) {
            text.append(" NOT NULL");
        }
        if (column.defaultExpression() != null) {
            text.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (column.identity() != null) {
            text.append(" GENERATED ").append(column.identity().generation().sql()).append(" AS IDENTITY");
        }
        if (column.generatedExpression() != null) {
            text.append(" GENERATED ALWAYS AS (").append(column.generatedExpression()).append(") STORED");
        }
        if (column.storage() != null) {
            text.append(" STORAGE ").append(column.storage().sql());
        }
        if (column.compression() != null) {
            text.append(" COMPRESSION ").append(column.compression().sql());
        }
        return text.toString();
    }

    static String aspects(Set<SchemaChange.ColumnAspect> aspects) {
        return aspects.stream().map(a -> a.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    static String rowSecurity(RowSecurity security) {
        if (!security.enabled()) {
            return security.forced() ? "disabled (forced)" : "disabled";
        }
        return security.forced() ? "enabled and forced" : "enabled";
    }

    static String persistence(boolean unlogged) {
        return unlogged ? "unlogged" : "logged";
    }

    /** {@code (fillfactor=70, autovacuum_enabled=false)}, or {@code (none)}. */
    static String parameters(java.util.List<String> parameters) {
        return parameters.isEmpty() ? "(none)" : "(" + String.join(", ", parameters) + ")";
    }

    /** What differs between two publications of one name, e.g. {@code tables [public.a] (expected [public.a, public.b])}. */
    static String publicationDifferences(Publication expected, Publication actual) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (expected.allTables() != actual.allTables()) {
            parts.add(actual.allTables() ? "FOR ALL TABLES (expected a list)" : "a list (expected FOR ALL TABLES)");
        }
        if (!Publications.sameTables(expected, actual)) {
            parts.add("tables " + Publications.tableList(actual) + " (expected " + Publications.tableList(expected) + ")");
        }
        if (!new java.util.TreeSet<>(expected.schemas()).equals(new java.util.TreeSet<>(actual.schemas()))) {
            parts.add("schemas " + actual.schemas() + " (expected " + expected.schemas() + ")");
        }
        if (!expected.publish().equals(actual.publish()) || expected.viaPartitionRoot() != actual.viaPartitionRoot()) {
            parts.add("publishes " + actual.publish() + (actual.viaPartitionRoot() ? " via the partition root" : "")
                    + " (expected " + expected.publish() + (expected.viaPartitionRoot() ? " via the partition root" : "") + ")");
        }
        if (!java.util.Objects.equals(expected.comment(), actual.comment())) {
            parts.add("comment " + text(actual.comment()) + " (expected " + text(expected.comment()) + ")");
        }
        return String.join("; ", parts);
    }

    /** What differs between two casts of one pair of types, e.g. {@code WITH INOUT (expected WITH FUNCTION app.f(integer))}. */
    static String castDifferences(Cast expected, Cast actual) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (expected.method() != actual.method()
                || !java.util.Objects.equals(expected.functionSignature(), actual.functionSignature())) {
            parts.add(castMethod(actual) + " (expected " + castMethod(expected) + ")");
        }
        if (expected.context() != actual.context()) {
            parts.add("context " + actual.context().name().toLowerCase(Locale.ROOT) + " (expected "
                    + expected.context().name().toLowerCase(Locale.ROOT) + ")");
        }
        if (!java.util.Objects.equals(expected.comment(), actual.comment())) {
            parts.add("comment " + text(actual.comment()) + " (expected " + text(expected.comment()) + ")");
        }
        return String.join("; ", parts);
    }

    private static String castMethod(Cast cast) {
        return switch (cast.method()) {
            case FUNCTION -> "WITH FUNCTION " + cast.functionSignature();
            case BINARY -> "WITHOUT FUNCTION";
            case INOUT -> "WITH INOUT";
        };
    }

    static String text(String value) {
        return value == null ? "absent" : "'" + value + "'";
    }
}
