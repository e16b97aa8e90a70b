package dev.schemaguard.maven;

import dev.schemaguard.cli.ExitCode;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares the live database with the expected schema ({@code schemaguard check}). Drift fails the build with every
 * difference listed (each with the SQL that fixes it); a database that cannot be reached fails it with a message of
 * its own. {@code mvn dev.schemaguard:schemaguard-maven-plugin:VERSION:check -Dschemaguard.db=URL
 * -Dschemaguard.expected=schema.yaml}.
 */
@Mojo(name = "check", requiresProject = false, threadSafe = true)
public class CheckMojo extends SchemaguardMojo {

    /** The expected schema: a YAML file or directory, a .sql file, or a database URL. */
    @Parameter(property = "schemaguard.expected", required = true)
    String expected;

    /** {@code text} (default), {@code json} or {@code github} (GitHub Actions annotations). */
    @Parameter(property = "schemaguard.format", defaultValue = "text")
    String format;

    /** Report drift without failing the build. */
    @Parameter(property = "schemaguard.failOnDrift", defaultValue = "true")
    boolean failOnDrift;

    @Override
    List<String> commandArguments() {
        List<String> arguments = new ArrayList<>(List.of("check", "--expected", source(expected)));
        optional(arguments, "--format", format);
        return arguments;
    }

    @Override
    void handle(Run run) throws MojoFailureException {
        if (run.exitCode() == ExitCode.OK) {
            run.out().lines().forEach(line -> getLog().info(line));
            return;
        }
        if (!failOnDrift) {
            run.out().lines().forEach(line -> getLog().warn(line));
            return;
        }
        // the report names both sides, passwords masked (the parameters may hold one)
        throw new MojoFailureException("schemaguard: drift, the database does not match the expected schema\n"
                + run.out().strip());
    }
}
