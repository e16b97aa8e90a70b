package dev.schemaguard.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown documentation of a schema, one page per schema with a Mermaid ER diagram ({@code schemaguard docs}):
 * of the live database {@code db}, or of the declared schema {@code expected} when that is given.
 */
@Mojo(name = "docs", requiresProject = false, threadSafe = true)
public class DocsMojo extends SchemaguardMojo {

    /** Document this declared schema (YAML, .sql or a database URL) instead of {@code db}. */
    @Parameter(property = "schemaguard.expected")
    String expected;

    /** Where the pages go. */
    @Parameter(property = "schemaguard.docsDirectory", defaultValue = "${project.build.directory}/schema-docs")
    File docsDirectory;

    @Override
    boolean readsTheLiveDatabase() {
        return expected == null || expected.isBlank();
    }

    @Override
    List<String> commandArguments() {
        List<String> arguments = new ArrayList<>(List.of("docs", "--output", docsDirectory.getPath()));
        optional(arguments, "--expected", source(expected));
        return arguments;
    }

    @Override
    void handle(Run run) {
        // the command said on stderr what it wrote, and execute logged that
    }
}
