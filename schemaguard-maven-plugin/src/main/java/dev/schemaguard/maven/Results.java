package dev.schemaguard.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** A goal's result: into a file when one is given, into the build log otherwise. */
final class Results {

    private Results() {
    }

    static void write(Log log, String text, File output) throws MojoExecutionException {
        if (output == null) {
            text.lines().forEach(log::info);
            return;
        }
        try {
            File parent = output.getAbsoluteFile().getParentFile();
            if (parent != null) {
                Files.createDirectories(parent.toPath());
            }
            Files.writeString(output.toPath(), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("schemaguard: cannot write " + output + ": " + e.getMessage(), e);
        }
        log.info("schemaguard: wrote " + output);
    }
}
