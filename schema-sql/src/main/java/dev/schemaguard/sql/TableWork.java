package dev.schemaguard.sql;

/**
 * The work a plan statement does in proportion to a table's size, besides changing the catalog: the time it
 * holds its lock grows with the table.
 */
public enum TableWork {

    /**
     * Reads every row: validates a new or NOT VALID constraint (CHECK, foreign key, NOT NULL), builds an index
     * (CREATE INDEX, a new unique, primary key or exclusion constraint), or checks a partition's bound.
     */
    SCANS,

    /** Writes the table anew (a new {@code relfilenode}) with all its indexes: a type change, a volatile default. */
    REWRITES;

    /** The word the text report uses for it ({@code scans}, {@code rewrites}). */
    public String verb() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
