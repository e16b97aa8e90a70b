package dev.schemaguard.benchmarks;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
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
 * {@link SchemaDiff#compare} of two synthetic models: equal ones (built separately, so nothing is shared but
 * strings the JVM interns) and ones differing in 5% of the tables.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class CompareBenchmark {

    @Param({"1000", "10000"})
    public int tables;

    private Database expected;
    private Database equal;
    private Database changed;

    @Setup
    public void build() {
        expected = SyntheticSchema.model(tables);
        equal = SyntheticSchema.model(tables);
        changed = SyntheticSchema.variant(tables);
    }

    @Benchmark
    public SchemaDiff compareEqual() {
        return SchemaDiff.compare(expected, equal);
    }

    @Benchmark
    public SchemaDiff compareFivePercentChanged() {
        return SchemaDiff.compare(changed, expected);
    }
}
