package dev.schemaguard.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * The complete DDL that creates the expected schema from nothing ({@code schemaguard baseline}); with
 * {@code apply}, run against {@code db} in one transaction.
 */
@Mojo(name = "baseline", requiresProject = false, threadSafe = true)
public class BaselineMojo extends SchemaguardMojo {

    /** The expected schema: a YAML file or directory, a .sql file, or a database URL. */
    @Parameter(property = "schemaguard.expected", required = true)
    String expected;

    /** Write the SQL to this file instead of the build log. */
    @Parameter(property = "schemaguard.output")
    File output;

    /** Run the DDL against {@code db} (all or nothing). */
    @Parameter(property = "schemaguard.apply", defaultValue = "false")
    boolean apply;

    /** How long a statement may wait for a table lock when applying, e.g. 5s, 500ms, 1min. */
    @Parameter(property = "schemaguard.lockTimeout", defaultValue = "5s")
    String lockTimeout;

    @Override
    List<String> commandArguments() {
        List<String> arguments = new ArrayList<>(List.of("baseline", "--expected", source(expected)));
        if (apply) {
            arguments.add("--apply");
            optional(arguments, "--lock-timeout", lockTimeout);
        }
        return arguments;
    }

    @Override
    void handle(Run run) throws MojoExecutionException {
        Results.write(getLog(), run.out(), output);
    }
}
