package dev.schemaguard.benchmarks;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * A coarse guard CI runs after the tests: compare and planning of 10,000-table models must stay far below budgets
 * set at 7 to 25 times what JMH measures on a quiet machine, so that load cannot fail it but a change that
 * makes them quadratic does (compare once took 1.1 s unnoticed, benchmarks/README.md). It is not the measurement:
 * that is {@link CompareBenchmark} and {@link DdlBenchmark}. No database needed. Exit status 1 when a budget is
 * exceeded.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.schemaguard.benchmarks.TimeBudgets
 * </pre>
 */
public final class TimeBudgets {

    private static final int TABLES = 10_000;
    private static final int WARM_UP = 5;
    private static final int MEASURED = 9;

    private record Budget(String what, long maxMillis, Supplier<Object> work) {
    }

    private TimeBudgets() {
    }

    public static void main(String[] args) {
        Database model = SyntheticSchema.model(TABLES);
        Database equal = SyntheticSchema.model(TABLES);
        Database variant = SyntheticSchema.variant(TABLES);
        List<Budget> budgets = List.of(
                new Budget("SchemaDiff.compare of two equal 10,000-table models (target 50 ms)", 250,
                        () -> SchemaDiff.compare(model, equal)),
                new Budget("SchemaDiff.compare, 5% of 10,000 tables changed (target 50 ms)", 250,
                        () -> SchemaDiff.compare(variant, model)),
                new Budget("MigrationPlanner.baseline(10,000 tables).sql()", 800,
                        () -> MigrationPlanner.baseline(model).sql()),
                new Budget("MigrationPlanner.plan(5% of 10,000 tables changed).sql()", 500,
                        () -> MigrationPlanner.plan(variant, model, PlanOptions.SAFE).sql()));
        boolean exceeded = false;
        for (Budget budget : budgets) {
            long median = medianMillis(budget.work());
            boolean over = median > budget.maxMillis();
            exceeded |= over;
            System.out.printf("%s %-75s median %,6d ms, budget %,6d ms%n", over ? "OVER" : "ok  ", budget.what(), median,
                    budget.maxMillis());
        }
        if (exceeded) {
            System.out.println("A budget was exceeded: profile it with the JMH benchmark named in benchmarks/README.md"
                    + " (java -jar benchmarks/target/benchmarks.jar CompareBenchmark|DdlBenchmark -p tables=10000).");
            System.exit(1);
        }
    }

    private static long medianMillis(Supplier<Object> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            long started = System.nanoTime();
            work.get();
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(millis);
        return millis.get(MEASURED / 2);
    }
}
