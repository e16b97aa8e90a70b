package dev.schemaguard.sql;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Runs one catalog query of an introspection and hands its rows, in the query's order, to a reader. */
@FunctionalInterface
interface CatalogReads {

    /** {@code schemas}, when not null, is the query's only parameter (the included schema names). */
    void query(String what, String sql, Array schemas, RowReader reader) throws SQLException;

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }
}
