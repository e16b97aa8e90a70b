package dev.schemaguard.spring.boot.actuate;

import dev.schemaguard.spring.boot.SchemaDriftMonitor;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/schemaguard}: GET returns the latest check as a {@link SchemaDriftReport}; POST checks again
 * (reading only, whatever the mode) and returns the new report.
 */
@Endpoint(id = "schemaguard")
public class SchemaGuardEndpoint {

    private final SchemaDriftMonitor monitor;

    public SchemaGuardEndpoint(SchemaDriftMonitor monitor) {
        this.monitor = monitor;
    }

    @ReadOperation
    public SchemaDriftReport report() {
        return monitor.latest().map(SchemaDriftReport::of).orElseGet(SchemaDriftReport::unchecked);
    }

    @WriteOperation
    public SchemaDriftReport recheck() {
        return SchemaDriftReport.of(monitor.recheck());
    }
}
