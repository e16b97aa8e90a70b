package dev.schemaguard.benchmarks;

import dev.schemaguard.model.Database;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * DDL rendering: {@link MigrationPlanner#baseline} of a whole synthetic model, and
 * {@link MigrationPlanner#plan} from the model to its variant with 5% of the tables changed (diff included).
 * Each returns the plan's SQL text, so the rendering of every statement is part of the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class DdlBenchmark {

    @Param({"1000", "10000"})
    public int tables;

    private Database model;
    private Database changed;

    @Setup
    public void build() {
        model = SyntheticSchema.model(tables);
        changed = SyntheticSchema.variant(tables);
    }

    @Benchmark
    public String baseline() {
        return MigrationPlanner.baseline(model).sql();
    }

    @Benchmark
    public String planFivePercentChanged() {
        MigrationPlan plan = MigrationPlanner.plan(changed, model, PlanOptions.SAFE);
        return plan.sql();
    }
}
