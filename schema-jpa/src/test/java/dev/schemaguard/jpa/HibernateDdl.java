package dev.schemaguard.jpa;

import org.hibernate.boot.MetadataSources;
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

/** The CREATE script Hibernate itself writes for a set of entities, offline, for the PostgreSQL dialect. */
final class HibernateDdl {

    private HibernateDdl() {
    }

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
            SchemaManagementToolCoordinator.process(metadata, registry, settings, delayedDrop -> { });
            return Files.readString(file);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
            Files.deleteIfExists(file);
        }
    }
}
