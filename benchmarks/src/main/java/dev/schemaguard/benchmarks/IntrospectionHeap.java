package dev.schemaguard.benchmarks;

import dev.schemaguard.model.Database;
import dev.schemaguard.sql.IntrospectionOptions;
import dev.schemaguard.sql.PostgresIntrospector;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;

/**
 * The heap an introspected model keeps: used heap after full GCs, before and after introspecting
 * {@code sg_bench_<tables>} while the model is still referenced; also the peak heap of the JVM so far. Run it
 * with {@code -Xmx200m} to show that introspection fits in 200 MB at all:
 *
 * <pre>
 * java -Xmx200m -cp benchmarks/target/benchmarks.jar dev.schemaguard.benchmarks.IntrospectionHeap --tables 10000
 * </pre>
 *
 * The database must exist (SideBySide creates it).
 */
public final class IntrospectionHeap {

    private IntrospectionHeap() {
    }

    public static void main(String[] args) throws Exception {
        int tables = 10_000;
        String url = System.getenv().getOrDefault("SCHEMAGUARD_BENCH_URL",
                "jdbc:postgresql://127.0.0.1:5442/postgres?user=postgres&password=postgres");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--tables" -> tables = Integer.parseInt(args[i + 1]);
                case "--url" -> url = args[i + 1];
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use --tables N and --url JDBC-URL");
            }
        }
        ServerAddress server = ServerAddress.parse(url);
        String database = BenchmarkDatabase.name(tables);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Load the driver and the introspector's classes first, so their footprint is not charged to the model.
        try (Connection connection = server.connect(database)) {
            new PostgresIntrospector(IntrospectionOptions.only("no_such_schema")).introspect(connection);
        }
        long before = usedAfterGc(memory);
        Database model;
        try (Connection connection = server.connect(database)) {
            model = new PostgresIntrospector(IntrospectionOptions.only(SyntheticSchema.SCHEMA)).introspect(connection);
        }
        long after = usedAfterGc(memory);
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%s: %,d tables introspected; retained by the model %.1f MB; max heap %.0f MB;"
                        + " sum of heap pools' peaks %.1f MB%n", database, model.tableCount(), (after - before) / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0, peak / 1048576.0);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
