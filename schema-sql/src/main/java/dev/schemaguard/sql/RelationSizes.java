package dev.schemaguard.sql;

import dev.schemaguard.model.QualifiedName;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sizes of the tables a plan works on, read from the database it runs on in one catalog query, whatever the
 * plan's size; {@link #UNKNOWN} when there is no such database (a plan between two declared schemas).
 */
public final class RelationSizes {

    /** No live database: no estimate. */
    public static final RelationSizes UNKNOWN = new RelationSizes(false, Map.of());

    /**
     * The rows the statistics count, scaled to the table's current size as PostgreSQL's planner does (the
     * statistics were taken when the table had {@code relpages} pages); null when never analyzed (PostgreSQL 14+
     * says so with -1; 13 says 0 rows of 0 pages, which a table that has pages now cannot be taken at).
     */
    private static final String SIZES = """
            SELECT n.nspname, c.relname,
                   CASE WHEN c.reltuples < 0 THEN NULL
                        WHEN c.relpages = 0 AND pg_relation_size(c.oid) > 0 THEN NULL
                        WHEN c.relpages > 0 THEN c.reltuples / c.relpages
                             * (pg_relation_size(c.oid) / current_setting('block_size')::bigint)
                        ELSE c.reltuples END::bigint,
                   pg_relation_size(c.oid), pg_total_relation_size(c.oid)
            FROM unnest(?::text[], ?::text[]) AS wanted(schema_name, table_name)
            JOIN pg_namespace n ON n.nspname = wanted.schema_name
            JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = wanted.table_name
            WHERE c.relkind IN ('r', 'm', 'p', 'f')""";

    private final boolean known;
    private final Map<QualifiedName, RelationSize> sizes;

    private RelationSizes(boolean known, Map<QualifiedName, RelationSize> sizes) {
        this.known = known;
        this.sizes = Map.copyOf(sizes);
    }

    /** Sizes given directly (tests, callers that read them elsewhere). */
    public static RelationSizes of(Collection<RelationSize> sizes) {
        Map<QualifiedName, RelationSize> byTable = new TreeMap<>();
        sizes.forEach(size -> byTable.put(size.table(), size));
        return new RelationSizes(true, byTable);
    }

    /** The sizes of the tables {@code plan}'s statements (and skipped ones) work on or lock, on {@code connection}. */
    public static RelationSizes read(Connection connection, MigrationPlan plan) throws SQLException {
        return read(connection, touched(plan));
    }

    /** The sizes of {@code tables} (those that exist) on {@code connection}: one query. */
    public static RelationSizes read(Connection connection, Collection<QualifiedName> tables) throws SQLException {
        Map<QualifiedName, RelationSize> sizes = new TreeMap<>();
        if (tables.isEmpty()) {
            return new RelationSizes(true, sizes);
        }
        List<String> schemas = new ArrayList<>();
        List<String> names = new ArrayList<>();
        tables.forEach(table -> {
            schemas.add(table.schema());
            names.add(table.name());
        });
        Array schemaArray = connection.createArrayOf("text", schemas.toArray());
        Array nameArray = connection.createArrayOf("text", names.toArray());
        try (PreparedStatement query = connection.prepareStatement(SIZES)) {
            query.setArray(1, schemaArray);
            query.setArray(2, nameArray);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    QualifiedName table = new QualifiedName(rows.getString(1), rows.getString(2));
                    long estimated = rows.getLong(3);
                    OptionalLong rowCount = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(estimated);
                    sizes.put(table, new RelationSize(table, rowCount, rows.getLong(4), rows.getLong(5)));
                }
            }
        }
        return new RelationSizes(true, sizes);
    }

    /** Every relation a statement of {@code plan} locks or works on. */
    static Collection<QualifiedName> touched(MigrationPlan plan) {
        TreeSet<QualifiedName> tables = new TreeSet<>();
        List<PlanStatement> all = new ArrayList<>(plan.statements());
        all.addAll(plan.skipped());
        for (PlanStatement statement : all) {
            tables.addAll(statement.locks().keySet());
            tables.addAll(statement.work().keySet());
        }
        return tables;
    }

    /** Whether these sizes come from a live database (else every estimate is unknown). */
    public boolean known() {
        return known;
    }

    /** The size of {@code table}; empty when unknown, or when the table does not exist yet. */
    public Optional<RelationSize> of(QualifiedName table) {
        return Optional.ofNullable(sizes.get(table));
    }

    /** What {@code statement} reads or writes, by its {@link PlanStatement#work()} on these sizes. */
    public StatementCost cost(PlanStatement statement) {
        return StatementCost.of(statement, this);
    }
}
