package dev.schemaguard.flyway;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.schemaguard.guard.SchemaGuard;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue #20 point 15: schemaguard next to Flyway 11, which depends on its own Jackson. With the Jackson BOM
 * imported (as the build does, and as the README tells applications to), one version of every Jackson module is
 * on the class path, and reading a YAML schema works.
 */
class JacksonAlignmentTest {

    @Test
    void oneJacksonVersionNextToFlyway() {
        // jackson-annotations is versioned by major.minor only since 2.20: compare major.minor
        Set<String> versions = List.of(
                        com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString(),
                        com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString(),
                        com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION.toString(),
                        JsonProperty.class.getPackage().getImplementationVersion())
                .stream().map(v -> v.replaceAll("^(\\d+\\.\\d+).*", "$1")).collect(Collectors.toSet());
        assertEquals(1, versions.size(), () -> "Jackson versions on the class path: " + versions
                + " (Flyway " + Flyway.class.getPackage().getImplementationVersion() + ")");
        // the YAML reader (jackson-dataformat-yaml over jackson-databind) works with that Jackson
        assertEquals(false, SchemaGuard.configure().expectedResource("db/schema.yaml").load()
                .expected().schemas().isEmpty());
    }
}
