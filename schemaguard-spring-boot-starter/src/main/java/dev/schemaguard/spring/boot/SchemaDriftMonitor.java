package dev.schemaguard.spring.boot;

import dev.schemaguard.guard.Mode;
import dev.schemaguard.guard.SchemaDriftException;
import dev.schemaguard.guard.SchemaGuard;
import dev.schemaguard.guard.SchemaRepairException;
import dev.schemaguard.guard.VerificationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the checks of the database against the expected schema and remembers the latest one, which the health
 * indicator, the actuator endpoint and the gauges report. The startup check runs in the configured mode; re-checks
 * run in WARN mode: they only read.
 */
public class SchemaDriftMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaDriftMonitor.class);

    private final SchemaGuard startupGuard;
    private final SchemaGuard recheckGuard;
    private final Clock clock;
    private final AtomicReference<SchemaCheck> latest = new AtomicReference<>();

    /**
     * @param startupGuard the guard in the configured mode
     * @param recheckGuard the same expected schema and ignored tables, in mode WARN
     */
    public SchemaDriftMonitor(SchemaGuard startupGuard, SchemaGuard recheckGuard, Clock clock) {
        this.startupGuard = Objects.requireNonNull(startupGuard, "startupGuard");
        this.recheckGuard = Objects.requireNonNull(recheckGuard, "recheckGuard");
        if (recheckGuard.mode() != Mode.WARN) {
            throw new IllegalArgumentException("re-checks must only read: the recheck guard's mode must be WARN, not "
                    + recheckGuard.mode());
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The mode of the startup check. */
    public Mode mode() {
        return startupGuard.mode();
    }

    /**
     * Checks in the configured mode. FAIL throws {@link SchemaDriftException} on drift; FAIL and REPAIR throw
     * {@link IllegalStateException} when the database cannot be read and REPAIR throws
     * {@link SchemaRepairException} when it could not add what is missing; WARN logs such a failure and returns it.
     */
    public SchemaCheck checkAtStartup() {
        Instant start = clock.instant();
        try {
            return record(new SchemaCheck.Completed(startupGuard.verify(), start, since(start)));
        } catch (SchemaDriftException drift) {
            record(new SchemaCheck.Completed(drift.result(), start, since(start)));
            throw drift;
        } catch (SchemaRepairException repairFailed) {
            record(new SchemaCheck.Failed(mode(), repairFailed.getMessage(), start, since(start)));
            throw repairFailed;
        } catch (SQLException e) {
            SchemaCheck failed = record(new SchemaCheck.Failed(mode(), "cannot read the database: " + e.getMessage(),
                    start, since(start)));
            if (mode() != Mode.WARN) {
                throw new IllegalStateException("Schema check (mode " + mode() + ") could not read the database: "
                        + e.getMessage(), e);
            }
            LOG.warn("Schema check could not read the database: {}; continuing (mode WARN)", e.getMessage());
            return failed;
        }
    }

    /** Checks again, only reading; never throws: a failure is returned (and remembered) as {@link SchemaCheck.Failed}. */
    public SchemaCheck recheck() {
        Instant start = clock.instant();
        try {
            VerificationResult result = recheckGuard.verify();
            return record(new SchemaCheck.Completed(result, start, since(start)));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Schema re-check failed: {}", e.getMessage());
            return record(new SchemaCheck.Failed(Mode.WARN, String.valueOf(e.getMessage()), start, since(start)));
        }
    }

    /** The latest check, if one ran. */
    public Optional<SchemaCheck> latest() {
        return Optional.ofNullable(latest.get());
    }

    private SchemaCheck record(SchemaCheck check) {
        latest.set(check);
        return check;
    }

    private Duration since(Instant start) {
        return Duration.between(start, clock.instant());
    }
}
