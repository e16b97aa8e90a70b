package dev.schemaguard.cli;

import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Databases and expected-schema files for the command line tests. */
final class Fixtures {

    /** The complete shop schema the tests expect. */
    static final String SHOP = """
            create table customers (
                id bigint generated always as identity primary key,
                name text not null,
                email text unique
            );
            create table orders (
                id bigint generated always as identity primary key,
                customer_id bigint not null references customers (id),
                total numeric(10,2) not null default 0,
                created_at timestamptz not null default now()
            );
            create index orders_created_at_idx on orders (created_at);
            create table order_notes (
                order_id bigint not null references orders (id),
                note text
            );
            """;

    /** The shop with two tables, a column, a constraint and an index missing. */
    static final String SHOP_PARTIAL = """
            create table customers (
                id bigint generated always as identity primary key,
                name text not null
            );
            """;

    private Fixtures() {
    }

    static PostgresServer server() {
        return TestPostgres.primary();
    }

    static ThrowawayDatabase database(String sql) throws SQLException {
        ThrowawayDatabase database = ThrowawayDatabase.create(server());
        if (!sql.isBlank()) {
            database.execute(sql);
        }
        return database;
    }

    /** Builds the schema {@code sql} in a throwaway database and snapshots it to {@code file} with the CLI. */
    static Path expectedYaml(String sql, Path file) throws SQLException {
        try (ThrowawayDatabase reference = database(sql)) {
            CliRun run = CliRun.of("snapshot", "--db", reference.jdbcUrl(), "--output", file.toString());
            assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        }
        return file;
    }

    private static final Pattern HOST_AND_PORT = Pattern.compile("jdbc:postgresql://([^/]+)/");

    /** A libpq-style URL for the database, as {@code user} with {@code password}. */
    static String libpqUrl(ThrowawayDatabase database, String user, String password) {
        Matcher matcher = HOST_AND_PORT.matcher(database.jdbcUrl());
        if (!matcher.find()) {
            throw new IllegalStateException("no host in " + database.jdbcUrl());
        }
        return "postgres://" + user + ":" + password + "@" + matcher.group(1) + "/" + database.name();
    }
}
