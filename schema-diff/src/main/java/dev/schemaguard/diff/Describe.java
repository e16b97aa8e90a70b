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

    static String wrapperDifferences(dev.schemaguard.model.ForeignDataWrapper expected,
                                     dev.schemaguard.model.ForeignDataWrapper actual) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (!ForeignData.sameFunction(expected.handler(), actual.handler())) {
            differs(parts, "handler", expected.handler(), actual.handler());
        }
        if (!ForeignData.sameFunction(expected.validator(), actual.validator())) {
            differs(parts, "validator", expected.validator(), actual.validator());
        }
        optionsDiffer(parts, "options", expected.options(), actual.options());
        differs(parts, "comment", expected.comment(), actual.comment());
        return String.join("; ", parts);
    }

    static String serverDifferences(dev.schemaguard.model.ForeignServer expected, dev.schemaguard.model.ForeignServer actual) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        differs(parts, "wrapper", expected.wrapper(), actual.wrapper());
        differs(parts, "type", expected.type(), actual.type());
        differs(parts, "version", expected.version(), actual.version());
        optionsDiffer(parts, "options", expected.options(), actual.options());
        differs(parts, "comment", expected.comment(), actual.comment());
        return String.join("; ", parts);
    }

    static String foreignTableDifferences(dev.schemaguard.model.ForeignTable expected, dev.schemaguard.model.ForeignTable actual) {
        if (expected == null) {
            return "a foreign table on server " + actual.server() + " (expected a table)";
        }
        if (actual == null) {
            return "a table (expected a foreign table on server " + expected.server() + ")";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        differs(parts, "server", expected.server(), actual.server());
        optionsDiffer(parts, "options", expected.options(), actual.options());
        java.util.Set<String> columns = new java.util.TreeSet<>(expected.columnOptions().keySet());
        columns.addAll(actual.columnOptions().keySet());
        for (String column : columns) {
            optionsDiffer(parts, "options of column " + column, expected.columnOptions(column), actual.columnOptions(column));
        }
        return String.join("; ", parts);
    }

    private static void differs(java.util.List<String> parts, String what, String expected, String actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            parts.add(what + " " + text(actual) + " (expected " + text(expected) + ")");
        }
    }

    private static void optionsDiffer(java.util.List<String> parts, String what, java.util.Map<String, String> expected,
                                      java.util.Map<String, String> actual) {
        if (!expected.equals(actual)) {
            parts.add(what + " " + actual + " (expected " + expected + ")");
        }
    }
}
