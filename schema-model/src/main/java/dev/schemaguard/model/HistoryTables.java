package dev.schemaguard.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables migration tools keep their history in: Flyway's {@code flyway_schema_history}, Liquibase's
 * {@code databasechangelog} and {@code databasechangeloglock}, and {@code configured} names (a tool configured to
 * use another table; {@code schema.name} or a name in any schema). Unless {@code compared}, they are left out of
 * both sides of a comparison ({@link ComparisonScope}): they belong to the tool, not to the declared schema.
 */
public record HistoryTables(boolean compared, Set<String> configured) {

    public static final List<String> DEFAULT_NAMES = List.of("flyway_schema_history", "databasechangelog", "databasechangeloglock");

    /** The default: the well-known names, left out. */
    public static final HistoryTables LEFT_OUT = new HistoryTables(false, Set.of());

    public HistoryTables {
        configured = Set.copyOf(configured);
    }

    public boolean isHistoryTable(String schema, String table) {
        if (compared) {
            return false;
        }
        return DEFAULT_NAMES.contains(table) || configured.contains(table) || configured.contains(schema + "." + table);
    }

    /** Both settings together: compared when either says so, every configured name. */
    public HistoryTables and(HistoryTables other) {
        Set<String> names = new LinkedHashSet<>(configured);
        names.addAll(other.configured);
        return new HistoryTables(compared || other.compared, names);
    }
}
