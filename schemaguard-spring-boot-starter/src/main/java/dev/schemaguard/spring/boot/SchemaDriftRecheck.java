package dev.schemaguard.spring.boot;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Checks the database again every interval while the application runs, on one daemon thread of its own. */
public class SchemaDriftRecheck implements SmartLifecycle {

    private final SchemaDriftMonitor monitor;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public SchemaDriftRecheck(SchemaDriftMonitor monitor, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("schemaguard.recheck.interval must be positive, not " + interval);
        }
        this.monitor = monitor;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "schemaguard-recheck");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(monitor::recheck, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
