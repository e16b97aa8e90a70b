package dev.schemaguard.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Writes the live schema as YAML, the format {@code expected} reads ({@code schemaguard snapshot}). */
@Mojo(name = "snapshot", requiresProject = false, threadSafe = true)
public class SnapshotMojo extends SchemaguardMojo {

    /** Write the YAML to this file instead of the build log. */
    @Parameter(property = "schemaguard.output")
    File output;

    @Override
    List<String> commandArguments() {
        return new ArrayList<>(List.of("snapshot"));
    }

    @Override
    void handle(Run run) throws MojoExecutionException {
        Results.write(getLog(), run.out(), output);
    }
}
