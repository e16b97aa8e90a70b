package dev.schemaguard.spring.boot;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.yaml.YamlSchemaReader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads the expected schema from a Spring resource location and keeps the schemas asked for. */
final class ExpectedSchemaLoader {

    private final ResourceLoader resources;

    ExpectedSchemaLoader(ResourceLoader resources) {
        this.resources = resources;
    }

    /**
     * The expected schema at {@code location} (a YAML file, or a directory of them when it is a file system
     * location), restricted to {@code schemas} unless that is empty. A YAML error fails here, with its position.
     */
    Database load(String location, List<String> schemas) {
        Database database = read(location);
        if (schemas.isEmpty()) {
            return database;
        }
        Set<String> declared = new TreeSet<>(database.schemas().stream().map(Schema::name).toList());
        for (String schema : schemas) {
            if (!declared.contains(schema)) {
                throw new IllegalStateException("schemaguard.schemas names the schema " + schema + ", which "
                        + location + " does not declare (it declares " + String.join(", ", declared) + ")");
            }
        }
        return database.retainSchemas(schema -> schemas.contains(schema.name()));
    }

    private Database read(String location) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("the expected schema " + location + " was not found: put the YAML file"
                    + " there (e.g. src/main/resources/db/schema.yaml for classpath:db/schema.yaml) or set"
                    + " schemaguard.expected");
        }
        try {
            if (resource.isFile()) {
                File file = resource.getFile();
                if (file.isDirectory()) {
                    return YamlSchemaReader.read(file.toPath());
                }
            }
            try (InputStream in = resource.getInputStream()) {
                return YamlSchemaReader.readString(new String(in.readAllBytes(), StandardCharsets.UTF_8), location);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the expected schema " + location + ": " + e.getMessage(), e);
        }
    }
}
