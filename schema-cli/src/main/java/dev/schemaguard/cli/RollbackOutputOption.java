package dev.schemaguard.cli;

import dev.schemaguard.sql.Rollback;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code --rollback-output FILE}: where to write the way back ({@link Rollback}) as a SQL script. */
final class RollbackOutputOption {

    @Option(names = "--rollback-output", paramLabel = "FILE",
            description = "Also write the SQL script that turns the schema back into what it was (drops allowed),"
                    + " naming what cannot be undone (deleted data) in comments at its top.")
    Path file;

    boolean wanted() {
        return file != null;
    }

    /**
     * Fails unless the file can be written (an existing writable file, or a name in a writable directory, or one
     * the nearest existing ancestor lets us create): checked before anything is applied.
     */
    void requireWritable() {
        if (file == null) {
            return;
        }
        Path path = file.toAbsolutePath();
        if (Files.isDirectory(path)) {
            throw CliFailure.error("--rollback-output " + file + " is a directory: name a file");
        }
        if (Files.exists(path)) {
            if (!Files.isWritable(path)) {
                throw CliFailure.error("--rollback-output " + file + " is not writable; nothing was applied");
            }
            return;
        }
        Path ancestor = path.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor) || !Files.isWritable(ancestor)) {
            throw CliFailure.error("cannot create --rollback-output " + file + ": "
                    + (ancestor == null ? "no existing directory above it" : ancestor + " is not a writable directory")
                    + "; nothing was applied");
        }
    }

    /** Writes {@code rollback} as a script under a header naming the sources (displayed: passwords masked). */
    void write(Terminal terminal, Rollback rollback, String migratedDisplay, String originalDisplay, String when) {
        String script = rollback.script(List.of(
                "schemaguard rollback " + when,
                "turns " + migratedDisplay,
                "back into " + originalDisplay,
                rollback.irreversible().isEmpty() ? "everything the migration did can be undone"
                        : rollback.irreversible().size() + " effect(s) of the migration cannot be undone:"));
        terminal.writeResult(script, file);
    }
}
