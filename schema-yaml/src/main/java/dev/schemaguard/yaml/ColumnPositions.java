package dev.schemaguard.yaml;

import dev.schemaguard.model.Identifiers;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each column was declared, by table and column as SQL spells them ({@code public.orders.id}), kept per table:
 * a 10,000-table schema has a hundred thousand columns, and a key text and a {@link Position} for each would be a
 * third of all that a read keeps. Read-only outside this package.
 */
final class ColumnPositions extends AbstractMap<String, Position> {

    /** The columns of one table: names as SQL spells them, and where each was written. */
    private record TableColumns(List<String> names, String source, int[] lines, int[] columns) {
    }

    private final Map<String, TableColumns> tables = new HashMap<>();
    private int size;

    /** Notes {@code columns} (the entries under {@code columns:}) of {@code table}, its name as SQL spells it. */
    void add(String table, Collection<YamlNode.Entry> columns) {
        String[] names = new String[columns.size()];
        int[] lines = new int[names.length];
        int[] columnNumbers = new int[names.length];
        String source = null;
        int i = 0;
        for (YamlNode.Entry column : columns) {
            Position position = column.value().position();
            names[i] = Identifiers.quote(column.key());
            lines[i] = position.line();
            columnNumbers[i] = position.column();
            source = position.source();
            i++;
        }
        TableColumns earlier = tables.put(table, new TableColumns(List.of(names), source, lines, columnNumbers));
        size += names.length - (earlier == null ? 0 : earlier.names().size());
    }

    /**
     * The position under {@code key}, table and column joined by a dot. Quoted names may hold dots too, so each dot
     * from the right is tried; only one split of a key names a table that has such a column.
     */
    @Override
    public Position get(Object key) {
        if (!(key instanceof String text)) {
            return null;
        }
        for (int dot = text.lastIndexOf('.'); dot > 0; dot = text.lastIndexOf('.', dot - 1)) {
            TableColumns table = tables.get(text.substring(0, dot));
            int at = table == null ? -1 : table.names().indexOf(text.substring(dot + 1));
            if (at >= 0) {
                return new Position(table.source(), table.lines()[at], table.columns()[at]);
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Map.Entry<String, Position>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Position>> iterator() {
                return tables.entrySet().stream().flatMap(table -> {
                    TableColumns columns = table.getValue();
                    return java.util.stream.IntStream.range(0, columns.names().size()).mapToObj(i -> Map.entry(
                            table.getKey() + "." + columns.names().get(i),
                            new Position(columns.source(), columns.lines()[i], columns.columns()[i])));
                }).iterator();
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
