package dev.schemaguard.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The commands as a user runs them: {@code schemaguard snapshot} and {@code schemaguard check} as child processes
 * (the launcher script, or {@code java -jar} with given options), alternating with {@code pg_dump --schema-only} as a
 * child process, on one existing database. Each child runs under {@code /usr/bin/time -f %M} for its peak resident
 * memory (of the process, not the heap). Prints every run, then medians, ratios to pg_dump's median and peak RSS.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.schemaguard.benchmarks.WholeProcess --database sg_bench_10000 \
 *     [--runs 5] [--warmup 1] [--commands snapshot,check,check:hand-written.yaml,version] \
 *     [--launcher ./schemaguard | --jar schema-cli/target/schemaguard.jar --java-opts "-XX:+UseSerialGC"] \
 *     [--url jdbc:postgresql://127.0.0.1:5442/postgres?user=postgres&amp;password=postgres] \
 *     [--pg-dump /usr/lib/postgresql/15/bin/pg_dump] [--extra "--dev-db URL"]
 * </pre>
 * {@code check} compares the database with the YAML a {@code snapshot} of it wrote before the first round;
 * {@code check:FILE} with FILE; {@code version} runs {@code schemaguard --version}, the least any command costs (the
 * JVM's start and the command line's classes, no database). Every check must exit 0 (no drift), or the harness stops: a drift would make the
 * timing meaningless. {@code pg_dump} dumps the whole database, as {@code snapshot} reads all its schemas.
 */
public final class WholeProcess {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5442/postgres?user=postgres&password=postgres";

    private WholeProcess() {
    }

    /** What one tool measured over the counted rounds. */
    private static final class Tally {
        final String name;
        final List<String> command;
        final List<Double> millis = new ArrayList<>();
        final List<Long> rssKib = new ArrayList<>();
        final List<Double> cpuSeconds = new ArrayList<>();

        Tally(String name, List<String> command) {
            this.name = name;
            this.command = command;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown argument " + args[i] + "; see the WholeProcess javadoc");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        ServerAddress server = ServerAddress.parse(options.getOrDefault("url",
                System.getenv().getOrDefault("SCHEMAGUARD_BENCH_URL", DEFAULT_URL)));
        String database = required(options, "database");
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "1"));
        String pgDump = options.getOrDefault("pg-dump", "/usr/lib/postgresql/15/bin/pg_dump");
        List<String> schemaguard = schemaguardCommand(options);
        List<String> extra = options.containsKey("extra") ? List.of(options.get("extra").split(" +")) : List.of();
        String url = server.jdbcUrl(database) + "?user=" + server.user() + "&password=" + server.password();

        Path work = Files.createTempDirectory("sg-whole-process");
        Path snapshot = work.resolve("snapshot.yaml");
        System.out.printf("Machine: %d cores, load average %s, Java %s; database %s on %s:%d%nschemaguard: %s%n",
                Runtime.getRuntime().availableProcessors(), SideBySide.loadAverage(), System.getProperty("java.version"),
                database, server.host(), server.port(), String.join(" ", schemaguard));

        List<Tally> tallies = new ArrayList<>();
        tallies.add(new Tally("pg_dump", List.of(pgDump, "--schema-only", "--no-password", "--host=" + server.host(),
                "--port=" + server.port(), "--username=" + server.user(), "--dbname=" + database,
                "--file=" + work.resolve("dump.sql"))));
        for (String tool : options.getOrDefault("commands", "snapshot,check").split(",")) {
            List<String> command = new ArrayList<>(schemaguard);
            if (tool.equals("snapshot")) {
                command.addAll(List.of("snapshot", "--db", url, "--output", work.resolve("snapshot-run.yaml").toString()));
            } else if (tool.equals("check") || tool.startsWith("check:")) {
                Path expected = tool.equals("check") ? snapshot : Path.of(tool.substring("check:".length()));
                command.addAll(List.of("check", "--db", url, "--expected", expected.toString()));
            } else if (tool.equals("version")) {
                command.add("--version"); // the floor of any command: start the JVM, load the command line, exit
            } else {
                throw new IllegalArgumentException("unknown command " + tool + "; choose from snapshot, check, check:FILE, version");
            }
            if (!tool.equals("version")) {
                command.addAll(extra);
            }
            tallies.add(new Tally(tool, command));
        }

        List<String> first = new ArrayList<>(schemaguard);
        first.addAll(List.of("snapshot", "--db", url, "--output", snapshot.toString()));
        first.addAll(extra);
        run(first, work, server);
        System.out.printf("Snapshot for check: %,d bytes of YAML%n", Files.size(snapshot));

        for (int round = 0; round < warmup + runs; round++) {
            boolean counted = round >= warmup;
            for (Tally tally : tallies) {
                Measured measured = run(tally.command, work, server);
                System.out.printf("  %s %-10s %10.1f ms  %7.1f MiB peak RSS  %5.2f s CPU%n", counted ? "run   " : "warmup",
                        tally.name, measured.millis, measured.rssKib / 1024.0, measured.cpuSeconds);
                if (counted) {
                    tally.millis.add(measured.millis);
                    tally.rssKib.add(measured.rssKib);
                    tally.cpuSeconds.add(measured.cpuSeconds);
                }
            }
        }
        System.out.printf("%nLoad average at the end: %s%n%n%s, %d runs after %d warm-up:%n%n", SideBySide.loadAverage(),
                database, runs, warmup);
        double pgDumpMedian = median(tallies.get(0).millis);
        System.out.println("| tool | median | min | max | / pg_dump | peak RSS (max) | CPU (median) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Tally tally : tallies) {
            System.out.printf("| %s | %,.0f ms | %,.0f ms | %,.0f ms | %.2f× | %.0f MiB | %.2f s |%n", tally.name,
                    median(tally.millis), tally.millis.stream().mapToDouble(d -> d).min().orElse(0),
                    tally.millis.stream().mapToDouble(d -> d).max().orElse(0), median(tally.millis) / pgDumpMedian,
                    tally.rssKib.stream().mapToLong(l -> l).max().orElse(0) / 1024.0, median(tally.cpuSeconds));
        }
        try (var files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(work);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required; see the WholeProcess javadoc");
        }
        return value;
    }

    /** The launcher script ({@code --launcher}) or {@code java [--java-opts] -jar JAR}. */
    private static List<String> schemaguardCommand(Map<String, String> options) {
        if (options.containsKey("launcher")) {
            return List.of(options.get("launcher"));
        }
        List<String> command = new ArrayList<>(List.of("java"));
        String javaOptions = options.getOrDefault("java-opts", "").strip();
        if (!javaOptions.isEmpty()) {
            command.addAll(List.of(javaOptions.split(" +")));
        }
        command.addAll(List.of("-jar", options.getOrDefault("jar", "schema-cli/target/schemaguard.jar")));
        return command;
    }

    private record Measured(double millis, long rssKib, double cpuSeconds) {
    }

    /** Runs {@code command} under /usr/bin/time; it must exit 0. */
    private static Measured run(List<String> command, Path work, ServerAddress server) throws Exception {
        Path time = work.resolve("time.txt");
        Path output = work.resolve("out.txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", time.toString()));
        timed.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(timed).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PGPASSWORD", server.password());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("took more than 30 minutes, stopped: " + String.join(" ", command));
        }
        double millis = (System.nanoTime() - start) / 1e6;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + " from " + String.join(" ", command)
                    .replace(server.password(), "***") + ":\n" + tail(Files.readString(output)));
        }
        String[] fields = Files.readAllLines(time).get(Files.readAllLines(time).size() - 1).strip().split(" ");
        return new Measured(millis, Long.parseLong(fields[0]), Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]));
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
