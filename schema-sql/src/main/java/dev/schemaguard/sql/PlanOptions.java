package dev.schemaguard.sql;

/**
 * How a plan may change the database. Without {@code allowDrops}, statements that destroy data (drop table,
 * drop column, a type change that may lose data) are left out of the plan and listed as skipped.
 */
public record PlanOptions(boolean allowDrops) {

    public static final PlanOptions SAFE = new PlanOptions(false);
    public static final PlanOptions ALLOW_DROPS = new PlanOptions(true);
}
