package dev.schemaguard.sql;

import dev.schemaguard.model.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The estimated rows and bytes a statement reads or writes in full ({@link PlanStatement#work()}), from the sizes
 * of the database the plan runs on: a scan reads the table's own data, a rewrite writes it again with its indexes
 * and TOAST data. One {@link TableCost} per table worked on; the totals are empty when some part is unknown (no live
 * database, a table never analyzed). A table the plan creates has no size yet: it holds no rows.
 */
public record StatementCost(List<TableCost> tables) {

    /** The work on one table, and what the catalog says of the table. */
    public record TableCost(QualifiedName table, TableWork work, OptionalLong rows, OptionalLong bytes,
                            boolean analyzed, boolean sized) {
    }

    public StatementCost {
        tables = List.copyOf(tables);
    }

    static StatementCost of(PlanStatement statement, RelationSizes sizes) {
        List<TableCost> tables = new ArrayList<>();
        for (Map.Entry<QualifiedName, TableWork> entry : statement.work().entrySet()) {
            QualifiedName table = entry.getKey();
            TableWork work = entry.getValue();
            if (!sizes.known()) {
                tables.add(new TableCost(table, work, OptionalLong.empty(), OptionalLong.empty(), false, false));
                continue;
            }
            tables.add(sizes.of(table)
                    .map(size -> new TableCost(table, work, size.rows(),
                            OptionalLong.of(work == TableWork.REWRITES ? size.totalBytes() : size.tableBytes()),
                            size.analyzed(), true))
                    // created by an earlier statement of the plan: empty when this one runs
                    .orElse(new TableCost(table, work, OptionalLong.of(0), OptionalLong.of(0), true, true)));
        }
        return new StatementCost(tables);
    }

    /** The rows read or written over all tables; empty when any is unknown or there is no work. */
    public OptionalLong rows() {
        return sum(tables.stream().map(TableCost::rows).toList());
    }

    /** The bytes read or written over all tables; empty when any is unknown or there is no work. */
    public OptionalLong bytes() {
        return sum(tables.stream().map(TableCost::bytes).toList());
    }

    private static OptionalLong sum(List<OptionalLong> parts) {
        if (parts.isEmpty() || parts.stream().anyMatch(OptionalLong::isEmpty)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(parts.stream().mapToLong(OptionalLong::getAsLong).sum());
    }

    /**
     * One line per table for a person: {@code rewrites public.orders (~12 GB, ~48M rows) under ACCESS EXCLUSIVE};
     * {@code locks} names the mode the statement holds on each.
     */
    public List<String> describe(Map<QualifiedName, LockMode> locks) {
        List<String> lines = new ArrayList<>();
        for (TableCost cost : tables) {
            String size;
            if (!cost.sized()) {
                size = "size unknown: no live database";
            } else if (!cost.analyzed()) {
                size = "~" + bytes(cost.bytes().orElse(0)) + ", rows unknown (never analyzed)";
            } else {
                size = "~" + bytes(cost.bytes().orElse(0)) + ", ~" + count(cost.rows().orElse(0)) + " rows";
            }
            LockMode mode = locks.get(cost.table());
            lines.add(cost.work().verb() + " " + cost.table() + " (" + size + ")"
                    + (mode == null ? "" : " under " + mode.sqlName()));
        }
        return lines;
    }

    /** {@code 12 GB}, {@code 830 kB}, {@code 0 bytes}: powers of 1024 as PostgreSQL's pg_size_pretty. */
    static String bytes(long bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (unit == 0 || value >= 10 ? String.valueOf(Math.round(value)) : String.format(java.util.Locale.ROOT, "%.1f", value))
                + " " + units[unit];
    }

    /** {@code 48M}, {@code 1.2k}, {@code 312}. */
    static String count(long rows) {
        String[] units = {"", "k", "M", "G"};
        double value = rows;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return (unit == 0 || value >= 10 ? String.valueOf(Math.round(value)) : String.format(java.util.Locale.ROOT, "%.1f", value))
                + units[unit];
    }
}
