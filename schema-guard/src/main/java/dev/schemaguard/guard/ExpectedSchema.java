package dev.schemaguard.guard;

import dev.schemaguard.model.ComparisonScope;
import dev.schemaguard.model.Database;
import dev.schemaguard.yaml.DeclaredSchema;
import dev.schemaguard.yaml.YamlSchemaReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the expected schema comes from, and how to name that place in messages and fix commands, and what a
 * comparison with it leaves out ({@code scope}: the YAML's ignore rules and policies; the default for a model).
 */
record ExpectedSchema(Database database, String source, ComparisonScope scope) {

    ExpectedSchema withScope(ComparisonScope newScope) {
        return new ExpectedSchema(database, source, newScope);
    }

    static ExpectedSchema of(Database database) {
        return new ExpectedSchema(database, "schema.yaml", ComparisonScope.DEFAULT);
    }

    static ExpectedSchema yaml(Path path) {
        try {
            DeclaredSchema declared = YamlSchemaReader.readDeclared(path);
            return new ExpectedSchema(declared.database(), path.toString(), declared.scope());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the expected schema " + path + ": " + e.getMessage(), e);
        }
    }

    static ExpectedSchema resource(String resource, ClassLoader loader) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("the expected schema classpath:" + name
                        + " was not found; put the YAML file under src/main/resources/" + name);
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            DeclaredSchema declared = YamlSchemaReader.readDeclaredString(yaml, "classpath:" + name);
            return new ExpectedSchema(declared.database(), name, declared.scope());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the expected schema classpath:" + name + ": " + e.getMessage(), e);
        }
    }
}
