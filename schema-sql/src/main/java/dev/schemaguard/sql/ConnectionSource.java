package dev.schemaguard.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection to the database being introspected, for reads that use several at once. */
@FunctionalInterface
public interface ConnectionSource {

    Connection open() throws SQLException;
}
