package com.example.shop;

import dev.schemaguard.flyway.SchemaGuardFlywayCallback;
import dev.schemaguard.guard.Mode;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.cfg.Configuration;

import javax.sql.DataSource;

/**
 * The application's start: Flyway migrates (schemaguard checks the result against db/schema.yaml and stops the
 * start on drift), then Hibernate starts on the migrated schema.
 */
public final class ShopApplication implements AutoCloseable {

    private final SessionFactory sessionFactory;

    private ShopApplication(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public static ShopApplication start(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .callbacks(SchemaGuardFlywayCallback.configure()
                        .afterMigrateMode(Mode.FAIL)
                        .expectedResource("db/schema.yaml")
                        .load())
                .load()
                .migrate();
        Configuration hibernate = new Configuration()
                .addAnnotatedClass(Customer.class)
                .addAnnotatedClass(PurchaseOrder.class)
                .setPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy())
                .setProperty("hibernate.hbm2ddl.auto", "validate");
        hibernate.getProperties().put("hibernate.connection.datasource", dataSource);
        return new ShopApplication(hibernate.buildSessionFactory());
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
