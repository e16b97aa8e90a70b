package dev.schemaguard.sql;

/**
 * How a plan may change the database. Without {@code allowDrops}, statements that destroy data (drop table,
 * drop column, a type change that may lose data) are left out of the plan and listed as skipped.
 * {@code serverVersion} is the major version of the PostgreSQL the plan is for, which the locks each statement
 * takes depend on ({@link LockRules}); 0 when not said, and then the newest supported version's rules apply.
 * {@code online} asks for the recipes that keep a busy database serving: statements that hold weaker locks for
 * shorter, some of which cannot run inside a transaction block ({@link PlanStatement#transactional()}).
 */
public record PlanOptions(boolean allowDrops, int serverVersion, boolean online) {

    public static final PlanOptions SAFE = new PlanOptions(false, 0, false);
    public static final PlanOptions ALLOW_DROPS = new PlanOptions(true, 0, false);

    /** These options for a plan that runs on PostgreSQL {@code major}. */
    public PlanOptions forServer(int major) {
        return new PlanOptions(allowDrops, major, online);
    }

    /** These options with statements that destroy data allowed or not. */
    public PlanOptions withAllowDrops(boolean drops) {
        return new PlanOptions(drops, serverVersion, online);
    }

    /** These options with the online recipes on or off. */
    public PlanOptions withOnline(boolean onlineRecipes) {
        return new PlanOptions(allowDrops, serverVersion, onlineRecipes);
    }
}
