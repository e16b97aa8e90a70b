package dev.schemaguard.guard;

import dev.schemaguard.model.Database;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** Reads the parts of a live database that a guard or a verification looks at. */
final class LiveSchema {

    private LiveSchema() {
    }

    /**
     * What a guard reads of the database it compares with {@code expected}: the schemas it declares, as every
     * schemaguard comparison decides ({@link IntrospectionOptions#forComparisonWith}); nothing when it declares none.
     */
    static Database readFor(Connection connection, Database expected) throws SQLException {
        var reading = IntrospectionOptions.ALL.forComparisonWith(List.of(expected));
        return reading.isEmpty() ? Database.EMPTY
                : new PostgresIntrospector(reading.get()).introspectWithReport(connection).database();
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
