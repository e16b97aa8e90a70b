package dev.schemaguard.benchmarks;

import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.PlanStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The database {@code sg_bench_<tables>} holding {@link SyntheticSchema#model(int)}, created once and reused
 * across runs. A database comment written after the last batch commits marks it complete; a database without
 * it (an interrupted load, an older generator) is dropped and loaded again, as is any with {@code recreate}.
 */
public final class BenchmarkDatabase {

    /** Bump when {@link SyntheticSchema} changes what it generates, so older databases are reloaded. */
    private static final String GENERATOR_VERSION = "1";
    private static final int STATEMENTS_PER_TRANSACTION = 1_000;

    private BenchmarkDatabase() {
    }

    public static String name(int tables) {
        return "sg_bench_" + tables;
    }

    /** Makes sure {@code sg_bench_<tables>} exists and is complete; returns its name. */
    public static String ensure(ServerAddress server, int tables, boolean recreate) throws SQLException {
        String database = name(tables);
        String marker = "schemaguard benchmark: " + tables + " tables, generator " + GENERATOR_VERSION + ", complete";
        try (Connection admin = server.connect("postgres")) {
            String comment = databaseComment(admin, database);
            if (!recreate && marker.equals(comment)) {
                return database;
            }
            try (Statement sql = admin.createStatement()) {
                sql.execute("drop database if exists " + database + " with (force)");
                sql.execute("create database " + database);
            }
            load(server, database, tables);
            try (Statement sql = admin.createStatement()) {
                sql.execute("comment on database " + database + " is '" + marker + "'");
            }
        }
        return database;
    }

    private static String databaseComment(Connection admin, String database) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement(
                "select shobj_description(oid, 'pg_database') from pg_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Runs the generator's DDL in transactions of {@value #STATEMENTS_PER_TRANSACTION} statements, each sent as one script. */
    private static void load(ServerAddress server, String database, int tables) throws SQLException {
        long start = System.nanoTime();
        MigrationPlan ddl = SyntheticSchema.ddl(tables);
        List<PlanStatement> statements = ddl.statements();
        System.out.printf("Loading %s: %,d tables, %,d statements%n", database, tables, statements.size());
        try (Connection connection = server.connect(database); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (int from = 0; from < statements.size(); from += STATEMENTS_PER_TRANSACTION) {
                int to = Math.min(statements.size(), from + STATEMENTS_PER_TRANSACTION);
                StringBuilder script = new StringBuilder();
                statements.subList(from, to).forEach(s -> script.append(s.sql()).append(";\n"));
                try {
                    sql.execute(script.toString());
                    connection.commit();
                } catch (SQLException e) {
                    throw new SQLException("loading " + database + " failed in statements " + from + " to " + to
                            + ": " + e.getMessage() + "; rerun with --recreate", e);
                }
                System.out.printf("  %,d / %,d statements, %s%n", to, statements.size(), elapsed(start));
            }
            connection.setAutoCommit(true);
            sql.execute("vacuum analyze");
        }
        System.out.printf("Loaded %s in %s%n", database, elapsed(start));
    }

    static String elapsed(long startNanos) {
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
