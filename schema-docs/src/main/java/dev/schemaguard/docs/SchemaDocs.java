package dev.schemaguard.docs;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Markdown documentation of a schema model, as GitHub renders it: a {@code README.md} that lists the schemas, and
 * one page per schema with its Mermaid ER diagrams (see {@link ErDiagram}), its tables (columns with type,
 * nullability, default and comment; constraints, indexes, policies, triggers), views, functions and enums.
 *
 * <pre>{@code
 * List<Path> written = SchemaDocs.defaults().write(database, Path.of("docs/schema"));
 * }</pre>
 */
public final class SchemaDocs {

    private final int maxTablesPerDiagram;

    private SchemaDocs(int maxTablesPerDiagram) {
        if (maxTablesPerDiagram < 1) {
            throw new IllegalArgumentException("tables per diagram must be at least 1, was " + maxTablesPerDiagram);
        }
        this.maxTablesPerDiagram = maxTablesPerDiagram;
    }

    /** Diagrams of at most 60 tables; a larger schema is split by groups of tables linked by foreign keys. */
    public static SchemaDocs defaults() {
        return new SchemaDocs(ErDiagram.DEFAULT_MAX_TABLES);
    }

    /** These docs with at most {@code count} tables in one diagram. */
    public SchemaDocs withMaxTablesPerDiagram(int count) {
        return new SchemaDocs(count);
    }

    /** The pages by file name: {@code README.md} first, then one per schema in the model's order. */
    public Map<String, String> pages(Database database) {
        Map<String, String> fileNames = fileNames(database.schemas());
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("README.md", index(database, fileNames));
        for (Schema schema : database.schemas()) {
            pages.put(fileNames.get(schema.name()), new SchemaPage(database, schema, maxTablesPerDiagram).render());
        }
        return pages;
    }

    /** Writes {@link #pages} into {@code directory} (created when missing); returns the files written. */
    public List<Path> write(Database database, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> page : pages(database).entrySet()) {
            Path file = directory.resolve(page.getKey());
            Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    private static String index(Database database, Map<String, String> fileNames) {
        StringBuilder index = new StringBuilder("# Database schema\n\n");
        if (database.schemas().isEmpty()) {
            return index.append("No schemas.\n").toString();
        }
        index.append("| Schema | Tables | Views | Functions | Comment |\n| --- | --- | --- | --- | --- |\n");
        for (Schema schema : database.schemas()) {
            index.append("| [").append(Markdown.text(schema.name())).append("](").append(fileNames.get(schema.name()))
                    .append(") | ").append(schema.tables().size()).append(" | ").append(schema.views().size())
                    .append(" | ").append(schema.routines().size()).append(" | ").append(Markdown.cell(schema.comment()))
                    .append(" |\n");
        }
        return index.toString();
    }

    /**
     * A file name per schema: the name's letters, digits, {@code -} and {@code _} (anything else as {@code _}),
     * made unique case-insensitively (file systems that ignore case) with a number, and never README.
     */
    static Map<String, String> fileNames(List<Schema> schemas) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(Set.of("readme"));
        for (Schema schema : schemas) {
            String base = schema.name().codePoints()
                    .map(c -> (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) ? c : '_')
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            names.put(schema.name(), name + ".md");
        }
        return names;
    }
}
