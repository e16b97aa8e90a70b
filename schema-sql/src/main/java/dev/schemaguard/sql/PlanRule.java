package dev.schemaguard.sql;

import java.util.Locale;
import java.util.Optional;

/**
 * A rule over a plan: what makes a statement (or the plan as a whole) risky on a database that serves traffic or
 * holds data that matters, with a stable code, a severity, why it is risky and what to do instead. Documented in
 * docs/rules.md; evaluated by {@link PlanRules}. Rules that say "big" apply to tables at least as big as
 * {@link RuleOptions} says, and to tables of unknown size (no live database to ask): a plan made without one is
 * judged as if every existing table were big.
 */
public enum PlanRule {

    // --- long locks: statements whose time grows with a table, under a lock that blocks traffic
    SG101(Severity.ERROR, "a column type change rewrites a big table under ACCESS EXCLUSIVE",
            "add a column of the new type, backfill it in batches, switch the application, then drop the old one"),
    SG102(Severity.ERROR, "a new column fills every row (volatile default, identity, serial or stored generated) and"
            + " rewrites a big table under ACCESS EXCLUSIVE",
            "add the column without a default (or with a constant one), backfill it in batches, then set the default"),
    SG103(Severity.ERROR, "the statement rewrites a big table under ACCESS EXCLUSIVE (persistence, tablespace, a"
            + " type rebuilt)", "do it in a maintenance window, or copy the table online (pg_repack, logical replication)"),
    SG104(Severity.ERROR, "a foreign key is validated in the statement that adds it: both tables are locked against"
            + " writes (SHARE ROW EXCLUSIVE) while every row of a big table is checked",
            "add it NOT VALID, then VALIDATE CONSTRAINT in a later step (SHARE UPDATE EXCLUSIVE: writes continue); --online"),
    SG105(Severity.ERROR, "a CHECK constraint is validated in the statement that adds it, under ACCESS EXCLUSIVE, over"
            + " every row of a big table", "add it NOT VALID, then VALIDATE CONSTRAINT in a later step; --online"),
    SG106(Severity.ERROR, "SET NOT NULL reads every row of a big table under ACCESS EXCLUSIVE",
            "add CHECK (column IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (PostgreSQL 12+ skips the scan)"
                    + " and drop the check; --online"),
    SG107(Severity.ERROR, "CREATE INDEX without CONCURRENTLY blocks every write to a big table while the index builds",
            "CREATE INDEX CONCURRENTLY, outside a transaction; --online"),
    SG108(Severity.ERROR, "a unique or primary key constraint builds its index under ACCESS EXCLUSIVE on a big table",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX; --online"),
    SG109(Severity.WARNING, "an exclusion constraint builds its index under ACCESS EXCLUSIVE on a big table (there is"
            + " no concurrent way)", "add it in a maintenance window, or on a new table filled in batches"),
    SG110(Severity.WARNING, "VALIDATE CONSTRAINT reads every row of a big table (SHARE UPDATE EXCLUSIVE: writes go on,"
            + " but the run is long and blocks other DDL and VACUUM)", "run it when the load is low, with a statement_timeout"),
    SG111(Severity.WARNING, "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on a big table",
            "DROP INDEX CONCURRENTLY, outside a transaction; --online"),
    SG112(Severity.WARNING, "ATTACH PARTITION reads every row of a big partition to check its bound",
            "add a CHECK matching the bound NOT VALID, VALIDATE it, then attach (the scan is skipped), then drop the check"),
    SG113(Severity.INFO, "the statement takes ACCESS EXCLUSIVE on a big table: short, but it queues behind every"
            + " running query on the table, and every query queues behind it",
            "keep --lock-timeout short (apply sets it) and retry; run when the load is low"),
    SG114(Severity.WARNING, "a key column's type changes: every foreign key over it is checked again, reading the"
            + " referencing tables in full", "change the referencing columns and the key in a maintenance window"),
    // --- data loss and breaking the deployed application
    SG201(Severity.ERROR, "a table is dropped with its data", "keep it until no code reads it, back it up first;"
            + " drop it in a later release"),
    SG202(Severity.ERROR, "a column is dropped with its data; deployed code that reads or writes it fails",
            "stop using it in the code first, deploy, then drop it in a later release"),
    SG203(Severity.ERROR, "a column type change may lose data or fail on existing values (a narrowing conversion)",
            "add a column of the new type, convert in batches checking every value, then switch"),
    SG204(Severity.ERROR, "values are removed from an enum type: the type is rebuilt and rows holding a removed"
            + " value fail the conversion", "update the rows to other values first; keep unused values instead of removing them"),
    SG205(Severity.WARNING, "a column is renamed: deployed code that uses the old name fails at once",
            "add the new column, write both, backfill, switch reads, then drop the old one (expand and contract)"),
    SG206(Severity.WARNING, "a table is renamed: deployed code that uses the old name fails at once",
            "rename and leave a view with the old name until no code uses it"),
    SG207(Severity.WARNING, "a view that reads a changed column is dropped and created again around the change:"
            + " its grants and dependants are re-created, and readers outside the transaction see it missing",
            "change the view and the column in separate releases, or apply in one transaction (apply does)"),
    SG208(Severity.ERROR, "a schema is dropped with everything in it", "drop its objects one by one in earlier releases"),
    SG209(Severity.ERROR, "logical replication of some changes stops (a publication is dropped or stops publishing"
            + " a table)", "coordinate with the subscribers before removing the table from the publication"),
    SG210(Severity.WARNING, "a constraint or index that enforces integrity is dropped: rows that break it can be"
            + " written from now on", "make sure the rule is enforced elsewhere, or keep it"),
    SG211(Severity.WARNING, "a NOT NULL column without a default is added to an existing table: it fails if the"
            + " table has rows", "add it nullable, backfill it, then set NOT NULL through a validated check"),
    // --- the plan as a whole
    SG301(Severity.WARNING, "the plan rewrites or scans a big table inside one transaction with other statements:"
            + " every lock taken before is held until the long statement ends and the transaction commits",
            "split the change: apply the long statement alone, or use --online"),
    SG302(Severity.WARNING, "the plan takes ACCESS EXCLUSIVE on existing tables without a lock_timeout: waiting"
            + " behind a long query blocks every query on the table", "set a lock_timeout (apply --lock-timeout 5s)"
            + " and retry on timeout");

    /** How much a finding of the rule matters; {@code --fail-on-severity} compares with it. */
    public enum Severity {
        INFO, WARNING, ERROR;

        /** The severity named {@code text} (any case), if any. */
        public static Optional<Severity> named(String text) {
            for (Severity severity : values()) {
                if (severity.name().equalsIgnoreCase(text.trim())) {
                    return Optional.of(severity);
                }
            }
            return Optional.empty();
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Severity severity;
    private final String reason;
    private final String alternative;

    PlanRule(Severity severity, String reason, String alternative) {
        this.severity = severity;
        this.reason = reason;
        this.alternative = alternative;
    }

    /** The stable code, {@code SG101}. */
    public String code() {
        return name();
    }

    public Severity severity() {
        return severity;
    }

    /** Why the statement is risky, in one line. */
    public String reason() {
        return reason;
    }

    /** What to do instead, in one line. */
    public String alternative() {
        return alternative;
    }

    /** The rule of that code (any case), if any. */
    public static Optional<PlanRule> withCode(String code) {
        for (PlanRule rule : values()) {
            if (rule.name().equalsIgnoreCase(code.trim())) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
