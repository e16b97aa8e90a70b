package dev.schemaguard.model;

/**
 * One key part of an index: a column or an expression (exactly one is set), with its sort order, NULLS
 * placement and operator class ({@code null} for the type's default class). {@code nullsFirst} is stored
 * resolved: PostgreSQL's default is NULLS LAST for ascending and NULLS FIRST for descending keys.
 */
public record IndexKey(String column, String expression, boolean descending, boolean nullsFirst, String opclass) {

    public IndexKey {
        if ((column == null) == (expression == null)) {
            throw new IllegalArgumentException("an index key is either a column or an expression");
        }
        opclass = opclass == null ? null : Identifiers.qualifiedSql(opclass);
    }

    public static IndexKey column(String column) {
        return new IndexKey(column, null, false, false, null);
    }

    public static IndexKey expression(String expression) {
        return new IndexKey(null, expression, false, false, null);
    }

    public IndexKey desc() {
        return new IndexKey(column, expression, true, true, opclass);
    }

    public IndexKey nullsFirst(boolean first) {
        return new IndexKey(column, expression, descending, first, opclass);
    }

    public IndexKey withOpclass(String newOpclass) {
        return new IndexKey(column, expression, descending, nullsFirst, newOpclass);
    }

    public boolean isExpression() {
        return expression != null;
    }

    /** Whether NULLS FIRST/LAST differs from the default for this direction and so must be spelled out. */
    public boolean hasNonDefaultNulls() {
        return nullsFirst != descending;
    }
}
