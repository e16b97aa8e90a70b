package dev.schemaguard.sql;

/**
 * How {@link PlanRules} judges a plan: a table is "big" from {@code bigTableRows} estimated rows or
 * {@code bigTableBytes} bytes of its own data on; {@code lockTimeoutSet} says the plan runs under a lock_timeout
 * (apply with {@code --lock-timeout} other than 0).
 */
public record RuleOptions(long bigTableRows, long bigTableBytes, boolean lockTimeoutSet) {

    /** 100,000 rows or 100 MB; no lock_timeout. */
    public static final RuleOptions DEFAULTS = new RuleOptions(100_000, 100L * 1024 * 1024, false);

    public RuleOptions {
        if (bigTableRows < 0 || bigTableBytes < 0) {
            throw new IllegalArgumentException("big table thresholds must not be negative: " + bigTableRows + " rows, "
                    + bigTableBytes + " bytes");
        }
    }

    public RuleOptions withBigTable(long rows, long bytes) {
        return new RuleOptions(rows, bytes, lockTimeoutSet);
    }

    public RuleOptions withLockTimeoutSet(boolean set) {
        return new RuleOptions(bigTableRows, bigTableBytes, set);
    }
}
