package dev.schemaguard.junit;

import dev.schemaguard.yaml.DeclaredSchema;
import dev.schemaguard.yaml.YamlSchemaReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the expected YAML schema named by a test: a classpath resource first, else a file or directory path. */
final class ExpectedSchemaFile {

    private ExpectedSchemaFile() {
    }

    static DeclaredSchema load(String resourceOrPath) {
        String resource = resourceOrPath.startsWith("/") ? resourceOrPath.substring(1) : resourceOrPath;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : ExpectedSchemaFile.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return YamlSchemaReader.readDeclaredString(yaml, "classpath:" + resource);
            }
            Path path = Path.of(resourceOrPath);
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("the expected schema " + resourceOrPath + " is neither a classpath"
                        + " resource nor a file or directory (looked for classpath:" + resource + " and "
                        + path.toAbsolutePath() + ")");
            }
            return YamlSchemaReader.readDeclared(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the expected schema " + resourceOrPath + ": " + e.getMessage(), e);
        }
    }
}
