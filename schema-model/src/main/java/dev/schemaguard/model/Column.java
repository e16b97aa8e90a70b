package dev.schemaguard.model;

import java.util.Objects;

/**
 * A table column. Optional parts are {@code null} when absent: {@code defaultExpression} (SQL, as PostgreSQL
 * prints it, e.g. {@code now()}), {@code identity}, {@code generatedExpression} (a STORED generated column),
 * {@code collation} (only when it differs from the type's default) and {@code comment}.
 */
public record Column(
        String name,
        DataType type,
        boolean nullable,
        String defaultExpression,
        Identity identity,
        String generatedExpression,
        String collation,
        String comment) {

    public Column {
        Identifiers.requireValid(name, "column name");
        Objects.requireNonNull(type, () -> "type of column " + name);
        if (identity != null && (defaultExpression != null || generatedExpression != null)) {
            throw new IllegalArgumentException("identity column " + name + " cannot also have a default or generation expression");
        }
        if (generatedExpression != null && defaultExpression != null) {
            throw new IllegalArgumentException("generated column " + name + " cannot also have a default");
        }
        if (identity != null || type.isSerial()) {
            nullable = false;
        }
    }

    /** A nullable column with nothing else set. */
    public static Column of(String name, DataType type) {
        return new Column(name, type, true, null, null, null, null, null);
    }

    public Column withType(DataType newType) {
        return new Column(name, newType, nullable, defaultExpression, identity, generatedExpression, collation, comment);
    }

    public Column withNullable(boolean newNullable) {
        return new Column(name, type, newNullable, defaultExpression, identity, generatedExpression, collation, comment);
    }

    public Column withDefault(String expression) {
        return new Column(name, type, nullable, expression, identity, generatedExpression, collation, comment);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(name, type, nullable, defaultExpression, newIdentity, generatedExpression, collation, comment);
    }

    public Column withGenerated(String expression) {
        return new Column(name, type, nullable, defaultExpression, identity, expression, collation, comment);
    }

    public Column withCollation(String newCollation) {
        return new Column(name, type, nullable, defaultExpression, identity, generatedExpression, newCollation, comment);
    }

    public Column withComment(String newComment) {
        return new Column(name, type, nullable, defaultExpression, identity, generatedExpression, collation, newComment);
    }
}
