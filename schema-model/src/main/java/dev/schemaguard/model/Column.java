package dev.schemaguard.model;

import java.util.Objects;

/**
 * A table column. Optional parts are {@code null} when absent: {@code defaultExpression} (SQL, as PostgreSQL
 * prints it, e.g. {@code now()}), {@code identity}, {@code generatedExpression} (a STORED generated column),
 * {@code collation} (only when it differs from the type's default), {@code comment}, {@code storage} (only when
 * it differs from the type's, {@code ALTER COLUMN ... SET STORAGE}) and {@code compression} (only when set on the
 * column, {@code SET COMPRESSION}; PostgreSQL 14 and later), and the name it was declared renamed from
 * ({@code renamedFrom}, null unless declared; see {@link #withRenamedFrom}).
 */
public record Column(
        String name,
        DataType type,
        boolean nullable,
        String defaultExpression,
        Identity identity,
        String generatedExpression,
        String collation,
        String comment,
        Storage storage,
        Compression compression,
        String renamedFrom) {

    /** How PostgreSQL stores (and TOASTs) the column's values; {@code sql()} is the word after SET STORAGE. */
    public enum Storage {
        PLAIN, EXTERNAL, EXTENDED, MAIN;

        public String sql() {
            return name();
        }
    }

    /** The compression method of the column's large values; {@code sql()} is the word after SET COMPRESSION. */
    public enum Compression {
        PGLZ, LZ4;

        public String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Column {
        Identifiers.requireValid(name, "column name");
        if (renamedFrom != null) {
            Identifiers.requireValid(renamedFrom, "old name of column " + name);
            if (renamedFrom.equals(name)) {
                throw new IllegalArgumentException("column " + name + " is declared renamed from itself");
            }
        }
        Objects.requireNonNull(type, () -> "type of column " + name);
        if (identity != null && (defaultExpression != null || generatedExpression != null)) {
            throw new IllegalArgumentException("identity column " + name + " cannot also have a default or generation expression");
        }
        if (generatedExpression != null && defaultExpression != null) {
            throw new IllegalArgumentException("generated column " + name + " cannot also have a default");
        }
        if (type.isSerial() && (defaultExpression != null || identity != null || generatedExpression != null)) {
            // serial is a default (nextval of its own sequence): PostgreSQL refuses a second one
            throw new IllegalArgumentException("column " + name + " of type " + type.sql() + " cannot also have a"
                    + " default, identity or generation expression (serial already is a default: nextval of its"
                    + " own sequence); use " + type.storageType().sql() + " with the default, or " + type.sql()
                    + " alone");
        }
        if (identity != null || type.isSerial()) {
            nullable = false;
        }
    }

    /**
     * Written out, not generated: a comparison of two 10,000-table models calls this 100,000 times, and the
     * generated record equals (a method handle per component) was most of that comparison's time in a short run.
     * {@code ModelEqualityTest} checks that every component takes part.
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Column o
                && nullable == o.nullable
                && name.equals(o.name)
                && type.equals(o.type)
                && Objects.equals(defaultExpression, o.defaultExpression)
                && Objects.equals(identity, o.identity)
                && Objects.equals(generatedExpression, o.generatedExpression)
                && Objects.equals(collation, o.collation)
                && Objects.equals(comment, o.comment)
                && storage == o.storage
                && compression == o.compression
                && Objects.equals(renamedFrom, o.renamedFrom);
    }

    @Override
    public int hashCode() {
        int hash = name.hashCode();
        hash = 31 * hash + type.hashCode();
        hash = 31 * hash + Boolean.hashCode(nullable);
        hash = 31 * hash + Objects.hashCode(defaultExpression);
        hash = 31 * hash + Objects.hashCode(identity);
        hash = 31 * hash + Objects.hashCode(generatedExpression);
        hash = 31 * hash + Objects.hashCode(collation);
        hash = 31 * hash + Objects.hashCode(comment);
        hash = 31 * hash + Objects.hashCode(storage);
        hash = 31 * hash + Objects.hashCode(compression);
        return 31 * hash + Objects.hashCode(renamedFrom);
    }

    /** A nullable column with nothing else set. */
    public static Column of(String name, DataType type) {
        return new Column(name, type, true, null, null, null, null, null, null, null, null);
    }

    public Column withType(DataType newType) {
        return new Column(name, newType, nullable, defaultExpression, identity, generatedExpression, collation, comment,
                storage, compression, renamedFrom);
    }

    public Column withNullable(boolean newNullable) {
        if (newNullable == nullable) {
            return this;
        }
        return new Column(name, type, newNullable, defaultExpression, identity, generatedExpression, collation, comment,
                storage, compression, renamedFrom);
    }

    public Column withDefault(String expression) {
        return new Column(name, type, nullable, expression, identity, generatedExpression, collation, comment,
                storage, compression, renamedFrom);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(name, type, nullable, defaultExpression, newIdentity, generatedExpression, collation, comment,
                storage, compression, renamedFrom);
    }

    public Column withGenerated(String expression) {
        return new Column(name, type, nullable, defaultExpression, identity, expression, collation, comment,
                storage, compression, renamedFrom);
    }

    public Column withCollation(String newCollation) {
        return new Column(name, type, nullable, defaultExpression, identity, generatedExpression, newCollation, comment,
                storage, compression, renamedFrom);
    }

    public Column withComment(String newComment) {
        return new Column(name, type, nullable, defaultExpression, identity, generatedExpression, collation, newComment,
                storage, compression, renamedFrom);
    }

    public Column withStorage(Storage newStorage) {
        return new Column(name, type, nullable, defaultExpression, identity, generatedExpression, collation, comment,
                newStorage, compression, renamedFrom);
    }

    public Column withCompression(Compression newCompression) {
        return new Column(name, type, nullable, defaultExpression, identity, generatedExpression, collation, comment,
                storage, newCompression, renamedFrom);
    }

    /** The same column under another name (what a rename makes of it). */
    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultExpression, identity, generatedExpression, collation, comment,
                storage, compression, renamedFrom);
    }

    /**
     * The column as declared renamed from {@code oldName} (null: not renamed): when the table has a column
     * {@code oldName} and none of this name, the plan renames it instead of dropping it and adding this one.
     */
    public Column withRenamedFrom(String oldName) {
        return new Column(name, type, nullable, defaultExpression, identity, generatedExpression, collation, comment,
                storage, compression, oldName);
    }
}
