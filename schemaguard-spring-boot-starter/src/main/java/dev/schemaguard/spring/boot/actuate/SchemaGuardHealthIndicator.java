package dev.schemaguard.spring.boot.actuate;

import dev.schemaguard.guard.VerificationResult;
import dev.schemaguard.spring.boot.SchemaCheck;
import dev.schemaguard.spring.boot.SchemaDriftMonitor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.Optional;

/**
 * Reports the latest check (it does not run one: health is polled often, a check reads the whole schema). DOWN
 * when it could not finish, and on drift unless {@code schemaguard.health.down-on-drift=false}; UNKNOWN before the
 * first check.
 */
public class SchemaGuardHealthIndicator implements HealthIndicator {

    /** How many differences the details list; the endpoint has all of them. */
    static final int LISTED_CHANGES = 10;

    private final SchemaDriftMonitor monitor;
    private final boolean downOnDrift;

    public SchemaGuardHealthIndicator(SchemaDriftMonitor monitor, boolean downOnDrift) {
        this.monitor = monitor;
        this.downOnDrift = downOnDrift;
    }

    @Override
    public Health health() {
        Optional<SchemaCheck> latest = monitor.latest();
        if (latest.isEmpty()) {
            return Health.unknown().withDetail("status", "unchecked").build();
        }
        SchemaDriftReport report = SchemaDriftReport.of(latest.get());
        Health.Builder health;
        if (latest.get() instanceof SchemaCheck.Completed completed) {
            boolean drift = completed.result().status() == VerificationResult.Status.DRIFT;
            health = drift && downOnDrift ? Health.down() : Health.up();
        } else {
            health = Health.down().withDetail("error", report.error());
        }
        health.withDetail("status", report.status())
                .withDetail("mode", report.mode())
                .withDetail("checkedAt", report.checkedAt())
                .withDetail("changes", report.summary().changes());
        if (!report.changes().isEmpty()) {
            health.withDetail("differences", report.changes().stream().limit(LISTED_CHANGES)
                    .map(SchemaDriftReport.Change::description).toList());
        }
        return health.build();
    }
}
