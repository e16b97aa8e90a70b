package dev.schemaguard.spring.boot;

import dev.schemaguard.guard.Mode;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@code schemaguard.*} properties. */
@ConfigurationProperties("schemaguard")
public class SchemaGuardProperties {

    /** Whether to check the database against the expected schema at all. */
    private boolean enabled = true;

    /**
     * Where the expected schema is: a Spring resource location of a YAML file, or of a directory of YAML files
     * ({@code file:} locations only).
     */
    private String expected = "classpath:db/schema.yaml";

    /**
     * What the startup check does on drift: FAIL (the application does not start), WARN (log every difference
     * and start) or REPAIR (add what is missing, in one transaction, then check again).
     */
    private Mode mode = Mode.FAIL;

    /** Only these schemas of the expected schema are compared; empty for all the schemas it declares. */
    private List<String> schemas = new ArrayList<>();

    /**
     * Tables left out of the comparison on both sides: {@code audit_log} in any schema, {@code app.audit_log} in
     * one.
     */
    private List<String> ignoreTables = new ArrayList<>();

    /** Whether the history tables of the application's Flyway or Liquibase are left out of the comparison. */
    private boolean ignoreMigrationHistory = true;

    private final Health health = new Health();

    private final Recheck recheck = new Recheck();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getExpected() {
        return expected;
    }

    public void setExpected(String expected) {
        this.expected = expected;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public List<String> getSchemas() {
        return schemas;
    }

    public void setSchemas(List<String> schemas) {
        this.schemas = schemas;
    }

    public List<String> getIgnoreTables() {
        return ignoreTables;
    }

    public void setIgnoreTables(List<String> ignoreTables) {
        this.ignoreTables = ignoreTables;
    }

    public boolean isIgnoreMigrationHistory() {
        return ignoreMigrationHistory;
    }

    public void setIgnoreMigrationHistory(boolean ignoreMigrationHistory) {
        this.ignoreMigrationHistory = ignoreMigrationHistory;
    }

    public Health getHealth() {
        return health;
    }

    public Recheck getRecheck() {
        return recheck;
    }

    /** The {@code schemaguard.health.*} properties. */
    public static class Health {

        /** Whether drift makes the health indicator DOWN; when false it stays UP and lists the drift. */
        private boolean downOnDrift = true;

        public boolean isDownOnDrift() {
            return downOnDrift;
        }

        public void setDownOnDrift(boolean downOnDrift) {
            this.downOnDrift = downOnDrift;
        }
    }

    /** The {@code schemaguard.recheck.*} properties. */
    public static class Recheck {

        /**
         * How often the database is checked again while the application runs (drift monitoring); unset for never.
         * Re-checks only read: they log drift as warnings whatever the mode.
         */
        private Duration interval;

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }
}
