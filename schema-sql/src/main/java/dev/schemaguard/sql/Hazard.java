package dev.schemaguard.sql;

/** What can go wrong when a plan statement runs against a database that holds data. */
public enum Hazard {

    /** Destroys stored data: dropping a table or column, or a type change that may truncate or reject values. */
    DELETES_DATA,

    /** Fails if existing rows violate the new rule: SET NOT NULL, a new unique/check/foreign key constraint. */
    MAY_FAIL_ON_EXISTING_ROWS,

    /** Rewrites the whole table (and its indexes) under an ACCESS EXCLUSIVE lock; slow on big tables. */
    REWRITES_TABLE,

    /**
     * Stops logical replication of some changes: a publication is dropped, or stops publishing a table or schema.
     * Like deleting data, planned only when drops are allowed.
     */
    STOPS_REPLICATION,

    /**
     * In a plan asked to be online ({@link PlanOptions#online()}), a statement on a table that exists before the plan
     * for which no online recipe applies (an index of a partitioned table cannot be built concurrently, a
     * constraint's own index cannot be dropped concurrently, ...): it holds its blocking lock for its whole run. The
     * statement's description says why, after {@code "not online: "}.
     */
    NOT_ONLINE
}
