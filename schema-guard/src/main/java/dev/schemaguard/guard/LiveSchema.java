package dev.schemaguard.guard;

import dev.schemaguard.model.Database;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/** Reads the parts of a live database that a guard or a verification looks at. */
final class LiveSchema {

    private LiveSchema() {
    }

    /**
     * The given schemas of the database, in one introspection (a constant number of catalog queries). Objects the
     * model cannot describe yet are left out silently: no guard asks about them.
     */
    static Database read(Connection connection, Set<String> schemas) throws SQLException {
        if (schemas.isEmpty()) {
            return Database.EMPTY;
        }
        return new PostgresIntrospector(new IntrospectionOptions(schemas, Set.of()))
                .introspectWithReport(connection).database();
    }

    /** The schema unqualified names resolve to: the first existing schema on the search path, else public. */
    static String currentSchema(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        return schema == null || schema.isEmpty() ? "public" : schema;
    }
}
