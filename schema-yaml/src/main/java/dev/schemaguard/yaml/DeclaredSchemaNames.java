package dev.schemaguard.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the schemas a YAML source declares, read from its lines without parsing it: a guess, so that the
 * command line can start reading the database (which needs those names) while the YAML is parsed. Only the plain
 * block style the snapshot writes and people usually write is understood: a top-level {@code schema: NAME}, or the
 * keys under a top-level {@code schemas:}. Anything else (flow style, anchors, several documents, quoted keys with
 * escapes, a file without either key) gives no guess. A guess is never trusted: the caller compares it with what
 * the parsed YAML declares and reads the database again when they differ.
 */
public final class DeclaredSchemaNames {

    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("([A-Za-z_]+):(?:[ \\t]+(.*))?");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern QUOTED_NAME = Pattern.compile("'([^']+)'|\"([^\"\\\\]+)\"");
    private static final Pattern NESTED_KEY = Pattern.compile("( +)([^ #'\"][^:#]*|'[^']+'|\"[^\"\\\\]+\"):(?:[ \\t].*)?");

    private DeclaredSchemaNames() {
    }

    /** The schema names {@code fileOrDirectory} declares, when its lines say so plainly; empty when in doubt. */
    public static Optional<Set<String>> guess(Path fileOrDirectory) {
        try {
            return guess(Files.isDirectory(fileOrDirectory) ? YamlSchemaReader.yamlFiles(fileOrDirectory)
                    : List.of(fileOrDirectory));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the reader will say what is wrong with the source
        }
    }

    private static Optional<Set<String>> guess(List<Path> files) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Path file : files) {
            Optional<Set<String>> inFile = guess(Utf8Files.read(file));
            if (inFile.isEmpty()) {
                return Optional.empty();
            }
            names.addAll(inFile.get());
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(names);
    }

    /** The guess for one YAML text. */
    static Optional<Set<String>> guess(String yaml) {
        Set<String> names = new LinkedHashSet<>();
        boolean inSchemas = false;
        int schemaIndent = -1;
        int next = 0;
        while (next < yaml.length()) {
            int start = next;
            int end = yaml.indexOf('\n', start);
            end = end < 0 ? yaml.length() : end;
            next = end + 1;
            int indent = 0;
            while (start + indent < end && yaml.charAt(start + indent) == ' ') {
                indent++;
            }
            if (indent > 0 && (!inSchemas || (schemaIndent >= 0 && indent > schemaIndent))) {
                continue; // deeper than what names schemas (most lines: looked at no further)
            }
            String line = yaml.substring(start, end > start && yaml.charAt(end - 1) == '\r' ? end - 1 : end);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            char first = line.charAt(0);
            if (first != ' ') {
                Matcher key = TOP_LEVEL_KEY.matcher(line);
                if (!key.matches()) {
                    return Optional.empty(); // flow style, a document marker, an anchor, a quoted key, a tab: in doubt
                }
                inSchemas = key.group(1).equals("schemas");
                String value = key.group(2) == null ? "" : key.group(2).strip();
                if (inSchemas && !value.isEmpty()) {
                    return Optional.empty(); // schemas: {...}
                }
                if (key.group(1).equals("schema")) {
                    Optional<String> name = name(value);
                    if (name.isEmpty()) {
                        return Optional.empty();
                    }
                    names.add(name.get());
                }
                continue;
            }
            Matcher nested = NESTED_KEY.matcher(line);
            if (schemaIndent < 0) {
                schemaIndent = indent;
            }
            if (indent < schemaIndent) {
                return Optional.empty();
            }
            if (indent == schemaIndent) {
                if (!nested.matches() || nested.group(1).length() != indent) {
                    return Optional.empty();
                }
                Optional<String> name = name(nested.group(2).strip());
                if (name.isEmpty()) {
                    return Optional.empty();
                }
                names.add(name.get());
            }
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(names);
    }

    private static Optional<String> name(String text) {
        if (PLAIN_NAME.matcher(text).matches()) {
            return Optional.of(text);
        }
        Matcher quoted = QUOTED_NAME.matcher(text);
        if (quoted.matches()) {
            return Optional.of(quoted.group(1) != null ? quoted.group(1) : quoted.group(2));
        }
        return Optional.empty();
    }
}
