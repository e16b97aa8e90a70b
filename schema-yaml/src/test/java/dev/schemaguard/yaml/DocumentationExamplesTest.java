package dev.schemaguard.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schemaguard.model.Database;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every ```yaml example in docs/yaml-format.md reads without error and survives a write/read round trip. */
class DocumentationExamplesTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyExampleReadsAndRoundTrips() throws IOException {
        String markdown = Files.readString(Path.of("..", "docs", "yaml-format.md"));
        List<String> examples = new ArrayList<>();
        Matcher matcher = YAML_BLOCK.matcher(markdown);
        while (matcher.find()) {
            examples.add(matcher.group(1));
        }
        assertFalse(examples.isEmpty(), "docs/yaml-format.md has no yaml examples");
        for (int i = 0; i < examples.size(); i++) {
            Database database = YamlSchemaReader.readString(examples.get(i), "yaml-format.md example " + (i + 1));
            boolean declaresSomething = database.schemas().stream().anyMatch(s -> !s.tables().isEmpty() || !s.objects().isEmpty())
                    || !database.extensions().isEmpty() || !database.publications().isEmpty()
                    || !database.foreignDataWrappers().isEmpty() || !database.foreignServers().isEmpty();
            assertTrue(declaresSomething, "example " + (i + 1) + " declares nothing");
            assertEquals(database, YamlSchemaReader.readString(YamlSchemaWriter.write(database), "written"));
        }
    }
}
