package dev.schemaguard.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into {@link YamlNode}s with positions, rejecting what the schema format has no use for and
 * what YAML parsers would otherwise accept silently: duplicate keys, aliases, several documents in one file.
 */
final class YamlTreeReader {

    /**
     * No limit on the document's size: the text is already in memory, and SnakeYAML's default of 3 MB rejected the
     * snapshot of a 10,000-table schema (6.5 MB). Aliases, what such limits protect against, are rejected below.
     */
    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(unlimitedSize()).build();

    /** Far deeper than any schema, far shallower than what would exhaust the stack of the recursive reading. */
    private static final int MAX_DEPTH = 64;

    private final String source;
    /**
     * One instance of each key and text: a schema repeats its keys and most values thousands of times, and the tree,
     * held until the whole file is read, is the larger for each copy.
     */
    private final Map<String, String> strings = new HashMap<>();
    private boolean renames;

    private YamlTreeReader(String source) {
        this.source = source;
    }

    /**
     * A document's root (null for an empty document), and whether any map in it has a {@code renamed_from} key (when
     * none does, there are no {@link RenamedFromKeys} to look for).
     */
    record Document(YamlNode root, boolean hasRenames) {
    }

    private static LoaderOptions unlimitedSize() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
    }

    static Document read(String yaml, String source) {
        YamlTreeReader reader = new YamlTreeReader(source);
        return new Document(reader.read(yaml), reader.renames);
    }

    private YamlNode read(String yaml) {
        try (YAMLParser parser = FACTORY.createParser(yaml)) {
            if (parser.nextToken() == null) {
                return null;
            }
            YamlNode root = readValue(parser, 1);
            if (parser.nextToken() != null) {
                throw new YamlSchemaException(position(parser.currentTokenLocation()),
                        "a second YAML document (after ---); put each part in its own file");
            }
            return root;
        } catch (JsonProcessingException e) {
            String message = "invalid YAML: " + e.getOriginalMessage().strip();
            JsonLocation location = e.getLocation();
            throw location == null || location.getLineNr() < 1 ? new YamlSchemaException(source, message)
                    : new YamlSchemaException(position(location), message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private YamlNode readValue(YAMLParser parser, int depth) throws IOException {
        JsonLocation location = parser.currentTokenLocation();
        int line = line(location);
        int column = column(location);
        if (depth > MAX_DEPTH) {
            throw new YamlSchemaException(position(location), "YAML nested deeper than " + MAX_DEPTH
                    + " levels; a schema needs fewer than 10");
        }
        if (parser.isCurrentAlias()) {
            throw new YamlSchemaException(position(location), "YAML aliases (*name) are not supported; write the value out");
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                List<YamlNode.Entry> entries = new ArrayList<>();
                Map<String, YamlNode.Entry> index = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = intern(parser.currentName());
                    JsonLocation keyLocation = parser.currentTokenLocation();
                    if (entries.size() == YamlNode.EntryMap.SEARCHED) {
                        index = new HashMap<>();
                        for (YamlNode.Entry entry : entries) {
                            index.put(entry.key(), entry);
                        }
                    }
                    YamlNode.Entry earlier = index != null ? index.get(key) : find(entries, key);
                    if (earlier != null) {
                        throw new YamlSchemaException(position(keyLocation), "duplicate key '" + key + "' (first at "
                                + earlier.keyPosition() + "); each key may appear once in a map");
                    }
                    renames |= key.equals(YamlKeys.RENAMED_FROM);
                    parser.nextToken();
                    YamlNode.Entry entry = new YamlNode.Entry(key, source, line(keyLocation), column(keyLocation),
                            readValue(parser, depth + 1));
                    entries.add(entry);
                    if (index != null) {
                        index.put(key, entry);
                    }
                }
                return new YamlNode.MapNode(new YamlNode.EntryMap(entries, index), source, line, column);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, depth + 1));
                }
                return new YamlNode.ListNode(items, source, line, column);
            }
            case VALUE_NULL -> {
                return new YamlNode.ScalarNode(null, source, line, column);
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.ScalarNode(intern(parser.getText()), source, line, column);
            }
            default -> throw new YamlSchemaException(position(location), "unexpected YAML value (" + token
                    + "); expected a map, a list or text");
        }
    }

    private static YamlNode.Entry find(List<YamlNode.Entry> entries, String key) {
        for (YamlNode.Entry entry : entries) {
            if (entry.key().equals(key)) {
                return entry;
            }
        }
        return null;
    }

    private String intern(String text) {
        String earlier = strings.putIfAbsent(text, text);
        return earlier != null ? earlier : text;
    }

    /** Line and column as the parser reports them, never below 1 (some parser errors come without a place). */
    private Position position(JsonLocation location) {
        return new Position(source, line(location), column(location));
    }

    private static int line(JsonLocation location) {
        return location == null ? 1 : Math.max(1, location.getLineNr());
    }

    private static int column(JsonLocation location) {
        return location == null ? 1 : Math.max(1, location.getColumnNr());
    }
}
