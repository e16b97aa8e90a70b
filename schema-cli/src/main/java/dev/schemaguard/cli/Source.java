package dev.schemaguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a schema comes from: a live database, YAML (a file or a directory of files), or a {@code .sql} script
 * that is run in a throwaway database.
 */
sealed interface Source {

    /** For messages; passwords masked. */
    String display();

    record DatabaseSource(DatabaseUrl url) implements Source {
        public String display() {
            return url.display();
        }
    }

    record YamlSource(Path path) implements Source {
        public String display() {
            return path.toString();
        }
    }

    record SqlSource(Path path) implements Source {
        public String display() {
            return path.toString();
        }
    }

    static Source parse(String text, String option) {
        if (text == null || text.isBlank()) {
            throw CliFailure.error(option + " is empty: give a database URL, a YAML file or directory, or a .sql file");
        }
        if (DatabaseUrl.looksLikeUrl(text)) {
            return new DatabaseSource(DatabaseUrl.parse(text));
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw CliFailure.error(option + " " + PasswordMask.mask(text) + " is neither a database URL nor a valid path");
        }
        if (!Files.exists(path)) {
            throw CliFailure.error(option + " " + PasswordMask.mask(text) + " does not exist (give a database URL, a YAML file or"
                    + " directory, or a .sql file)");
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
            return new SqlSource(path);
        }
        return new YamlSource(path);
    }
}
