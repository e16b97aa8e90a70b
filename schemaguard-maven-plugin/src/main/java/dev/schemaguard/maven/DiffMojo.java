package dev.schemaguard.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * Compares two schemas — databases, YAML or .sql in any combination ({@code schemaguard diff}); with
 * {@code format=sql}, the statements that turn {@code from} into {@code to}. A difference does not fail the build.
 */
@Mojo(name = "diff", requiresProject = false, threadSafe = true)
public class DiffMojo extends SchemaguardMojo {

    /** The schema as it is: a database URL, a YAML file or directory, or a .sql file. */
    @Parameter(property = "schemaguard.from", required = true)
    String from;

    /** The schema as it should be. */
    @Parameter(property = "schemaguard.to", required = true)
    String to;

    /** {@code text} (default), {@code json} or {@code sql}. */
    @Parameter(property = "schemaguard.format", defaultValue = "text")
    String format;

    /** With {@code format=sql}: include statements that delete data. */
    @Parameter(property = "schemaguard.allowDrops", defaultValue = "false")
    boolean allowDrops;

    /** Write the result to this file instead of the build log. */
    @Parameter(property = "schemaguard.output")
    File output;

    @Override
    boolean readsTheLiveDatabase() {
        return false;
    }

    @Override
    List<String> commandArguments() {
        List<String> arguments = new ArrayList<>(List.of("diff", "--from", source(from), "--to", source(to)));
        optional(arguments, "--format", format);
        if (allowDrops) {
            arguments.add("--allow-drops");
        }
        return arguments;
    }

    @Override
    void handle(Run run) throws MojoExecutionException {
        Results.write(getLog(), run.out(), output);
    }
}
