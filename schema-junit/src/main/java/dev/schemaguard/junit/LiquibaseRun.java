package dev.schemaguard.junit;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs a Liquibase changelog (a classpath resource); kept apart so that Liquibase's classes load only when asked for. */
final class LiquibaseRun {

    private LiquibaseRun() {
    }

    @SuppressWarnings("deprecation") // Liquibase.update stays the plain embedding API of Liquibase 4
    static void update(Connection connection, String changelog) throws SQLException {
        try {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            try (Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(
                    context != null ? context : LiquibaseRun.class.getClassLoader()), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        } catch (LiquibaseException e) {
            throw new SQLException("Liquibase changelog " + changelog + " failed: " + e.getMessage(), e);
        }
    }
}
