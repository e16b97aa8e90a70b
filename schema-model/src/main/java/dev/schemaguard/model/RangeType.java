package dev.schemaguard.model;

import java.util.Objects;

/**
 * {@code CREATE TYPE name AS RANGE (SUBTYPE = subtype, ...)}. The optional parts are null when left to PostgreSQL:
 * {@code subtypeOpclass} (the subtype's default btree operator class), {@code collation}, {@code canonical} and
 * {@code subtypeDiff} (function names) and {@code multirangeTypeName} (PostgreSQL 14 and later name the multirange
 * type {@link #defaultMultirangeName}). Names are held SQL-spelled, each part quoted where it needs it.
 */
public record RangeType(String name, DataType subtype, String subtypeOpclass, String collation, String canonical,
                        String subtypeDiff, String multirangeTypeName, String comment,
                        String renamedFrom) implements SchemaObject {

    public RangeType {
        Identifiers.requireValid(name, "range type name");
        Identifiers.requireRenamedFrom(renamedFrom, name, "range type");
        Objects.requireNonNull(subtype, () -> "subtype of range type " + name);
        subtypeOpclass = subtypeOpclass == null ? null : Identifiers.qualifiedSql(subtypeOpclass);
        collation = collation == null ? null : Identifiers.collation(collation);
        canonical = canonical == null ? null : Identifiers.qualifiedSql(canonical);
        subtypeDiff = subtypeDiff == null ? null : Identifiers.qualifiedSql(subtypeDiff);
        if (multirangeTypeName != null) {
            Identifiers.requireValid(multirangeTypeName, "multirange type name of range type " + name);
            if (multirangeTypeName.equals(defaultMultirangeName(name))) {
                multirangeTypeName = null;
            }
        }
    }

    /** A range over {@code subtype} with everything else left to PostgreSQL. */
    public static RangeType of(String name, DataType subtype) {
        return new RangeType(name, subtype, null, null, null, null, null, null, null);
    }

    public RangeType withComment(String newComment) {
        return new RangeType(name, subtype, subtypeOpclass, collation, canonical, subtypeDiff, multirangeTypeName,
                newComment, renamedFrom);
    }

    /** PostgreSQL's name for the multirange of a range type: {@code floatrange} gives {@code floatmultirange}. */
    public static String defaultMultirangeName(String rangeName) {
        int at = rangeName.indexOf("range");
        return at >= 0 ? rangeName.substring(0, at) + "multirange" + rangeName.substring(at + "range".length())
                : rangeName + "_multirange";
    }

    @Override
    public String kind() {
        return "range type";
    }

    public RangeType withName(String newName) {
        return new RangeType(newName, subtype, subtypeOpclass, collation, canonical, subtypeDiff,
                multirangeTypeName, comment, renamedFrom);
    }

    /** The same object declared renamed from {@code oldName} (null: not renamed). */
    public RangeType withRenamedFrom(String oldName) {
        return new RangeType(name, subtype, subtypeOpclass, collation, canonical, subtypeDiff, multirangeTypeName,
                comment, oldName);
    }
}
