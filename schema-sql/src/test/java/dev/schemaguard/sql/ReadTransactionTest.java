package dev.schemaguard.sql;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A read on an auto-commit connection sees one snapshot and leaves the connection as it found it. */
class ReadTransactionTest {

    @Test
    void changesCommittedDuringTheReadAreNotSeenAndTheConnectionIsGivenBack() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary())) {
            db.execute("create schema app; create table app.t (id int)");
            PostgresIntrospector introspector = new PostgresIntrospector(IntrospectionOptions.only("app"));
            try (Connection connection = db.connect(); Connection other = db.connect()) {
                String workMemBefore = setting(connection, "work_mem");
                connection.createStatement().execute("set jit = on");
                Connection changedAfterRelations = afterRelationsQuery(connection, () -> other.createStatement().execute(
                        "set lock_timeout = '10s'; alter table app.t add column late int; create table app.u (id int)"));

                Database during = introspector.introspect(changedAfterRelations);
                assertEquals(List.of("id"), columnNames(during, "t"),
                        "the column added after the relations query is not in the columns query's snapshot either");
                assertFalse(during.table(QualifiedName.of("app", "u")).isPresent());

                assertTrue(connection.getAutoCommit(), "auto-commit is switched back on");
                assertEquals(workMemBefore, setting(connection, "work_mem"), "work_mem was raised for the read alone");
                assertEquals("on", setting(connection, "jit"), "jit was off for the read alone");
                assertEquals("read committed", setting(connection, "transaction_isolation"));
                assertEquals("off", setting(connection, "transaction_read_only"));

                Database after = introspector.introspect(connection);
                assertEquals(List.of("id", "late"), columnNames(after, "t"));
                assertTrue(after.table(QualifiedName.of("app", "u")).isPresent());
            }
        }
    }

    @Test
    void turnsJitOffAndRaisesWorkMemOnlyWhereTheServerSettingIsLower() throws SQLException {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("set local work_mem = '1MB'; set local jit = on");
            connection.createStatement().execute(ReadTransaction.SETTINGS);
            assertEquals("64MB", setting(connection, "work_mem"));
            assertEquals("off", setting(connection, "jit"));
            connection.createStatement().execute("set local work_mem = '1GB'");
            connection.createStatement().execute(ReadTransaction.SETTINGS);
            assertEquals("1GB", setting(connection, "work_mem"), "a higher setting is kept");
            connection.rollback();
        }
    }

    @FunctionalInterface
    private interface Change {
        void run() throws SQLException;
    }

    /** {@code real}, except that {@code change} runs right after the relations query has returned. */
    private static Connection afterRelationsQuery(Connection real, Change change) {
        String relationsQuery = CatalogQueries.relations(false);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (method.getName().equals("prepareStatement") && relationsQuery.equals(args[0])) {
                        PreparedStatement statement = (PreparedStatement) result;
                        return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                                    Object r = invoke(m, statement, a);
                                    if (m.getName().equals("executeQuery")) {
                                        change.run();
                                    }
                                    return r;
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("select current_setting('" + name + "')")) {
            row.next();
            return row.getString(1);
        }
    }

    private static List<String> columnNames(Database database, String table) {
        return database.table(QualifiedName.of("app", table)).orElseThrow().columns().stream().map(Column::name).toList();
    }
}
