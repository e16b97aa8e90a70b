package dev.schemaguard.benchmarks;

import dev.schemaguard.diff.SchemaDiff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Times schemaguard's introspection against Liquibase's snapshot, jOOQ's meta() and pg_dump --schema-only on
 * the same synthetic database, in one process, and prints a Markdown table: median, min and max wall time,
 * statements each sent per run (counted on the server), and each median relative to schemaguard's.
 *
 * <p>Runs go round-robin (one read by each tool, then the next round), so a burst of load on a shared
 * machine hits every tool rather than one. The first {@code --warmup} rounds are not counted.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.schemaguard.benchmarks.SideBySide --tables 10000 \
 *     [--runs 5] [--warmup 1] [--tools schemaguard,pg_dump,jooq-meta,liquibase] [--recreate] \
 *     [--url jdbc:postgresql://127.0.0.1:5442/postgres?user=postgres&amp;password=postgres] \
 *     [--pg-dump /usr/lib/postgresql/15/bin/pg_dump]
 * </pre>
 * {@code schemaguard-j2}, {@code -j3}, {@code -j4} are schemaguard's parallel read on 2, 3 or 4 connections
 * that share one snapshot.
 */
public final class SideBySide {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5442/postgres?user=postgres&password=postgres";

    private SideBySide() {
    }

    private record Options(ServerAddress server, int tables, int runs, int warmup, List<String> tools,
                           boolean recreate, Path pgDump) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean recreate = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--recreate")) {
                    recreate = true;
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    values.put(args[i].substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + args[i] + "; see the SideBySide javadoc or benchmarks/README.md");
                }
            }
            String url = values.getOrDefault("url", System.getenv().getOrDefault("SCHEMAGUARD_BENCH_URL", DEFAULT_URL));
            return new Options(ServerAddress.parse(url),
                    Integer.parseInt(values.getOrDefault("tables", "1000")),
                    Integer.parseInt(values.getOrDefault("runs", "5")),
                    Integer.parseInt(values.getOrDefault("warmup", "1")),
                    Arrays.asList(values.getOrDefault("tools", "schemaguard,pg_dump,jooq-meta,liquibase").split(",")),
                    recreate,
                    Path.of(values.getOrDefault("pg-dump", "/usr/lib/postgresql/15/bin/pg_dump")));
        }
    }

    /** What one tool measured over the counted rounds. */
    private static final class Tally {
        final Contender contender;
        final List<Double> millis = new ArrayList<>();
        final List<Long> statements = new ArrayList<>();
        String read;

        Tally(Contender contender) {
            this.contender = contender;
        }

        double median() {
            List<Double> sorted = millis.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.printf("Machine: %d cores, load average %s, Java %s; server %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"),
                serverVersion(options.server()));
        long loadStart = System.nanoTime();
        String database = BenchmarkDatabase.ensure(options.server(), options.tables(), options.recreate());
        System.out.printf("Database %s ready (%s)%n", database, BenchmarkDatabase.elapsed(loadStart));

        List<Tally> tallies = new ArrayList<>();
        for (String tool : options.tools()) {
            tallies.add(new Tally(contender(tool.strip(), options)));
        }
        try (ServerStatementCounter counter = new ServerStatementCounter(options.server())) {
            for (int round = 0; round < options.warmup() + options.runs(); round++) {
                boolean counted = round >= options.warmup();
                for (Tally tally : tallies) {
                    counter.reset();
                    long start = System.nanoTime();
                    tally.read = tally.contender.read(options.server(), database);
                    double millis = (System.nanoTime() - start) / 1e6;
                    OptionalLong statements = counter.count(database);
                    System.out.printf("  %s %-12s %10.1f ms  %s statements  %s%n", counted ? "run   " : "warmup",
                            tally.contender.name(), millis, statements.isPresent() ? statements.getAsLong() : "?", tally.read);
                    if (counted) {
                        tally.millis.add(millis);
                        statements.ifPresent(tally.statements::add);
                    }
                }
            }
        }
        checkSchemaguardReadTheModel(tallies, options.tables());
        System.out.printf("%nLoad average at the end: %s%n%n", loadAverage());
        printTable(tallies, options);
    }

    private static Contender contender(String name, Options options) {
        return switch (name) {
            case "schemaguard" -> new SchemaguardContender();
            case "schemaguard-j2" -> new SchemaguardContender(2);
            case "schemaguard-j3" -> new SchemaguardContender(3);
            case "schemaguard-j4" -> new SchemaguardContender(4);
            case "liquibase" -> new LiquibaseContender();
            case "jooq-meta" -> new JooqContender();
            case "pg_dump" -> new PgDumpContender(options.pgDump());
            default -> throw new IllegalArgumentException("unknown tool " + name + "; choose from schemaguard, schemaguard-j2, schemaguard-j3, schemaguard-j4, pg_dump, jooq-meta, liquibase");
        };
    }

    /** The introspected model must be the generator's model, or the database is not what the benchmark claims. */
    private static void checkSchemaguardReadTheModel(List<Tally> tallies, int tables) {
        for (Tally tally : tallies) {
            if (tally.contender instanceof SchemaguardContender schemaguard && schemaguard.last() != null) {
                SchemaDiff diff = SchemaDiff.compare(SyntheticSchema.model(tables), schemaguard.last());
                System.out.printf("%nschemaguard's model vs the generator's: %s%n", diff.isEmpty() ? "identical"
                        : diff.changes().size() + " differences, first: " + diff.changes().get(0));
            }
        }
    }

    private static void printTable(List<Tally> tallies, Options options) {
        double baseline = tallies.stream().filter(t -> t.contender instanceof SchemaguardContender)
                .mapToDouble(Tally::median).findFirst().orElse(Double.NaN);
        System.out.printf("%,d tables, %d runs after %d warm-up:%n%n", options.tables(), options.runs(), options.warmup());
        System.out.println("| tool | median | min | max | statements per run | median vs schemaguard | read |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|");
        for (Tally tally : tallies) {
            String statements = tally.statements.isEmpty() ? "?" : tally.statements.stream().distinct()
                    .map(n -> String.format("%,d", n)).reduce((a, b) -> a + " / " + b).orElseThrow();
            System.out.printf("| %s | %s | %s | %s | %s | %.1f× | %s |%n", tally.contender.name(), ms(tally.median()),
                    ms(tally.millis.stream().mapToDouble(d -> d).min().orElse(0)),
                    ms(tally.millis.stream().mapToDouble(d -> d).max().orElse(0)),
                    statements, tally.median() / baseline, tally.read);
        }
    }

    private static String ms(double millis) {
        return millis >= 10_000 ? String.format("%,.1f s", millis / 1000) : String.format("%,.0f ms", millis);
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String serverVersion(ServerAddress server) throws SQLException {
        try (Connection connection = server.connect("postgres"); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("show server_version")) {
            rows.next();
            return "PostgreSQL " + rows.getString(1) + " at " + server.host() + ":" + server.port();
        }
    }
}
