package dev.schemaguard.jpa;

import dev.schemaguard.testkit.ThrowawayDatabase;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The schema Hibernate itself creates for a set of entities on PostgreSQL. */
final class HibernateDdl {

    private HibernateDdl() {
    }

    /** The CREATE script Hibernate writes, offline, for the PostgreSQL dialect. */
    static String createScript(List<Class<?>> entities, PhysicalNamingStrategy naming) throws IOException {
        Path file = Files.createTempFile("hibernate-ddl", ".sql");
        Map<String, Object> settings = new HashMap<>(Map.of(
                "hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect",
                "jakarta.persistence.database-product-name", "PostgreSQL",
                "jakarta.persistence.database-major-version", "13",
                "hibernate.boot.allow_jdbc_metadata_access", "false",
                "jakarta.persistence.schema-generation.scripts.action", "create",
                "jakarta.persistence.schema-generation.scripts.create-target", file.toString(),
                "hibernate.hbm2ddl.delimiter", ";",
                "hibernate.hbm2ddl.create_namespaces", "true"));
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            var builder = sources.getMetadataBuilder();
            if (naming != null) {
                builder.applyPhysicalNamingStrategy(naming);
            }
            MetadataImplementor metadata = (MetadataImplementor) builder.build();
            // what SessionFactoryImpl does before it exports the schema: composite keys in Hibernate's column order
            metadata.orderColumns(false);
            SchemaManagementToolCoordinator.process(metadata, registry, settings, delayedDrop -> { });
            return Files.readString(file);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
            Files.deleteIfExists(file);
        }
    }

    /**
     * Creates the schema in {@code database} the way an application does: a SessionFactory booted with
     * {@code jakarta.persistence.schema-generation.database.action=create} (what {@code hibernate.hbm2ddl.auto=create} sets) on a real connection. Returns the script Hibernate ran, for messages.
     */
    static String createIn(ThrowawayDatabase database, List<Class<?>> entities, PhysicalNamingStrategy physical,
                           ImplicitNamingStrategy implicit) throws IOException {
        Path file = Files.createTempFile("hibernate-ddl", ".sql");
        // credentials as separate settings: Hibernate logs the URL
        String url = database.jdbcUrl();
        Map<String, String> parameters = new HashMap<>();
        for (String parameter : url.substring(url.indexOf('?') + 1).split("&")) {
            String[] pair = parameter.split("=", 2);
            parameters.put(pair[0], java.net.URLDecoder.decode(pair[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, Object> settings = new HashMap<>(Map.of(
                "jakarta.persistence.jdbc.url", url.substring(0, url.indexOf('?')),
                "jakarta.persistence.jdbc.user", parameters.get("user"),
                "jakarta.persistence.jdbc.password", parameters.get("password"),
                "jakarta.persistence.schema-generation.database.action", "create",
                "hibernate.connection.autocommit", "true",
                "jakarta.persistence.schema-generation.scripts.action", "create",
                "jakarta.persistence.schema-generation.scripts.create-target", file.toString(),
                "hibernate.hbm2ddl.delimiter", ";",
                "hibernate.connection.pool_size", "1",
                "hibernate.hbm2ddl.create_namespaces", "true"));
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            var builder = sources.getMetadataBuilder();
            if (physical != null) {
                builder.applyPhysicalNamingStrategy(physical);
            }
            if (implicit != null) {
                builder.applyImplicitNamingStrategy(implicit);
            }
            try (SessionFactory ignored = builder.build().buildSessionFactory()) {
                return Files.readString(file);
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
            Files.deleteIfExists(file);
        }
    }
}
