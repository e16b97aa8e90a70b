package dev.schemaguard.benchmarks;

import dev.schemaguard.model.Database;
import dev.schemaguard.sql.ApplyEvent;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.LockedApply;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PlanStatement;
import dev.schemaguard.sql.PostgresIntrospector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * "Proven online": {@code apply} of an index, a foreign key, a check and a NOT NULL on a table of a million rows
 * while a writer inserts and updates continuously, with and without {@link PlanOptions#online()}. The writer
 * records every write's latency and error; the harness prints the statements the plan ran (and whether each ran
 * inside a transaction), how long each took, the apply's duration, and the writer's longest wait, p99 and errors
 * while the apply ran. The apply runs in-process through the library ({@link LockedApply}, lock_timeout 5 s, the
 * default retries), as {@code schemaguard apply [--online]} does.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.schemaguard.benchmarks.OnlineApply \
 *     [--url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&amp;password=...] [--rows 1000000] \
 *     [--modes plain,online] [--database execute_bench]
 * </pre>
 * The database ({@code --database}, and {@code <database>_expected} for the expected schema) is made anew for each
 * mode and dropped at the end.
 */
public final class OnlineApply {

    private static final String BEFORE = """
            CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint, qty int, note text);
            """;
    private static final String CHANGES = """
            CREATE INDEX orders_customer_id ON orders (customer_id);
            ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
            ALTER TABLE orders ADD CONSTRAINT orders_qty_positive CHECK (qty > 0);
            ALTER TABLE orders ALTER COLUMN qty SET NOT NULL;
            """;
    private static final int CUSTOMERS = 1000;

    private OnlineApply() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown argument " + args[i] + "; see the OnlineApply javadoc");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        ServerAddress server = ServerAddress.parse(options.getOrDefault("url",
                System.getenv().getOrDefault("SCHEMAGUARD_BENCH_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres")));
        int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
        String database = options.getOrDefault("database", "execute_bench");
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("--database must be a plain lower-case name: " + database);
        }
        System.out.printf("Machine: %d cores, load average %s, Java %s; %s:%d, %,d rows%n",
                Runtime.getRuntime().availableProcessors(), SideBySide.loadAverage(), System.getProperty("java.version"),
                server.host(), server.port(), rows);
        try {
            for (String mode : options.getOrDefault("modes", "plain,online").split(",")) {
                run(server, database, rows, mode.equals("online"));
            }
        } finally {
            try (Connection admin = server.connect("postgres"); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                statement.execute("DROP DATABASE IF EXISTS " + database + "_expected WITH (FORCE)");
            }
        }
    }

    private static void run(ServerAddress server, String database, int rows, boolean online) throws Exception {
        System.out.printf("%n== apply%s ==%n", online ? " --online" : "");
        Database expected = prepare(server, database, rows);
        Writer writer = new Writer(server, database, rows);
        Thread writerThread = new Thread(writer, "writer");
        writerThread.start();
        Thread.sleep(3000); // the writer's own pace before the apply
        Map<Integer, String> ran = new TreeMap<>();
        long applyStart = System.nanoTime();
        MigrationPlan plan;
        try (Connection connection = server.connect(database)) {
            plan = LockedApply.withLockTimeout("5s").withListener(event -> record(event, ran)).apply(connection,
                    c -> MigrationPlanner.plan(expected, new PostgresIntrospector(IntrospectionOptions.ALL).introspect(c),
                            PlanOptions.SAFE.withOnline(online)));
        }
        long applyEnd = System.nanoTime();
        Thread.sleep(2000);
        writer.stop.set(true);
        writerThread.join();

        System.out.printf("apply: %d statement(s) in %.2f s%n", plan.statements().size(), (applyEnd - applyStart) / 1e9);
        for (int i = 0; i < plan.statements().size(); i++) {
            PlanStatement statement = plan.statements().get(i);
            System.out.printf("  %d. [%s] %s  -- %s%n", i + 1, statement.transactional() ? "in transaction" : "alone",
                    statement.sql(), ran.getOrDefault(i + 1, "?"));
        }
        writer.report("before the apply (3 s)", applyStart - 3_000_000_000L, applyStart);
        writer.report("while the apply ran", applyStart, applyEnd);
    }

    private static void record(ApplyEvent event, Map<Integer, String> ran) {
        if (event instanceof ApplyEvent.Finished finished) {
            ran.put(finished.step().number(), String.format("%.2f s", finished.elapsed().toNanos() / 1e9));
        } else if (event instanceof ApplyEvent.Failed failed) {
            ran.put(failed.step().number(), "failed: " + failed.message());
        } else if (event instanceof ApplyEvent.Retrying retrying) {
            System.out.printf("  statement %d gave up waiting for a lock on attempt %d; retrying%n",
                    retrying.step().number(), retrying.attempt());
        }
    }

    /** Makes the database with {@code rows} orders, and the expected schema's database; returns the expected model. */
    private static Database prepare(ServerAddress server, String database, int rows) throws SQLException {
        try (Connection admin = server.connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("DROP DATABASE IF EXISTS " + database + "_expected WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
            statement.execute("CREATE DATABASE " + database + "_expected");
        }
        long start = System.nanoTime();
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            statement.execute(BEFORE);
            statement.execute("INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, " + CUSTOMERS + ") g");
            statement.execute("INSERT INTO orders (customer_id, qty, note) SELECT 1 + g % " + CUSTOMERS
                    + ", 1 + g % 50, 'order ' || g FROM generate_series(1, " + rows + ") g");
            statement.execute("VACUUM ANALYZE");
        }
        System.out.printf("made %,d orders in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
        try (Connection connection = server.connect(database + "_expected"); Statement statement = connection.createStatement()) {
            statement.execute(BEFORE + CHANGES);
            return new PostgresIntrospector(IntrospectionOptions.ALL).introspect(connection);
        }
    }

    /** Inserts and updates orders one at a time (autocommit), recording when each write started and how long it took. */
    private static final class Writer implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final List<long[]> writes = Collections.synchronizedList(new ArrayList<>()); // {start, nanos, failed 0/1}
        final Map<String, Integer> errors = Collections.synchronizedMap(new TreeMap<>());
        private final ServerAddress server;
        private final String database;
        private final int rows;

        Writer(ServerAddress server, String database, int rows) {
            this.server = server;
            this.database = database;
            this.rows = rows;
        }

        @Override
        public void run() {
            try (Connection connection = server.connect(database);
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO orders (customer_id, qty, note) VALUES (?, ?, 'written')");
                 PreparedStatement update = connection.prepareStatement("UPDATE orders SET qty = ? WHERE id = ?")) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    boolean inserting = random.nextBoolean();
                    long start = System.nanoTime();
                    boolean failed = false;
                    try {
                        if (inserting) {
                            insert.setLong(1, 1 + random.nextInt(CUSTOMERS));
                            insert.setInt(2, 1 + random.nextInt(50));
                            insert.executeUpdate();
                        } else {
                            update.setInt(1, 1 + random.nextInt(50));
                            update.setLong(2, 1 + random.nextInt(rows));
                            update.executeUpdate();
                        }
                    } catch (SQLException e) {
                        failed = true;
                        errors.merge(e.getSQLState() + " " + e.getMessage(), 1, Integer::sum);
                    }
                    writes.add(new long[]{start, System.nanoTime() - start, failed ? 1 : 0});
                }
            } catch (SQLException e) {
                errors.merge("writer connection: " + e.getMessage(), 1, Integer::sum);
            }
        }

        /** The writes that overlapped [from, to): count, errors, p50, p99, longest. */
        void report(String label, long from, long to) {
            List<long[]> overlapping;
            synchronized (writes) {
                overlapping = writes.stream().filter(w -> w[0] < to && w[0] + w[1] > from).toList();
            }
            long[] nanos = overlapping.stream().mapToLong(w -> w[1]).sorted().toArray();
            long failed = overlapping.stream().filter(w -> w[2] == 1).count();
            if (nanos.length == 0) {
                System.out.printf("writer %s: no writes%n", label);
                return;
            }
            System.out.printf("writer %s: %,d writes, %d errors, p50 %.1f ms, p99 %.1f ms, longest %.1f ms%n", label,
                    nanos.length, failed, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                    nanos[nanos.length - 1] / 1e6);
            if (failed > 0) {
                errors.forEach((message, count) -> System.out.printf("  %d x %s%n", count, message));
            }
        }
    }
}
