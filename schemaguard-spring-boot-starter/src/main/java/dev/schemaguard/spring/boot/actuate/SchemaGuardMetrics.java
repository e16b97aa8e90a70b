package dev.schemaguard.spring.boot.actuate;

import dev.schemaguard.spring.boot.SchemaCheck;
import dev.schemaguard.spring.boot.SchemaDriftMonitor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.concurrent.TimeUnit;

/**
 * The gauges of the latest check: {@code schemaguard.drift.changes} (differences left; NaN before the first check
 * and when it could not finish) and {@code schemaguard.check.duration} (how long it took).
 */
public class SchemaGuardMetrics implements MeterBinder {

    private final SchemaDriftMonitor monitor;

    public SchemaGuardMetrics(SchemaDriftMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("schemaguard.drift.changes", monitor, SchemaGuardMetrics::driftChanges)
                .description("Differences between the database and the expected schema found by the latest check")
                .register(registry);
        TimeGauge.builder("schemaguard.check.duration", monitor, TimeUnit.MILLISECONDS,
                        m -> m.latest().map(check -> (double) check.duration().toMillis()).orElse(Double.NaN))
                .description("How long the latest check of the database against the expected schema took")
                .register(registry);
    }

    private static double driftChanges(SchemaDriftMonitor monitor) {
        return monitor.latest()
                .filter(SchemaCheck.Completed.class::isInstance)
                .map(check -> (double) ((SchemaCheck.Completed) check).remainingChanges())
                .orElse(Double.NaN);
    }
}
