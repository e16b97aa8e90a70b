package dev.schemaguard.sql;

import java.util.Locale;

/**
 * PostgreSQL's table-level lock modes, weakest first (the order of the documentation's "Table-Level Lock Modes";
 * a later mode conflicts with at least everything an earlier one conflicts with, so the later one is "stronger").
 */
public enum LockMode {
    ACCESS_SHARE,
    ROW_SHARE,
    ROW_EXCLUSIVE,
    SHARE_UPDATE_EXCLUSIVE,
    SHARE,
    SHARE_ROW_EXCLUSIVE,
    EXCLUSIVE,
    ACCESS_EXCLUSIVE;

    /** Conflicting pairs, from the documentation's table "Conflicting Lock Modes" (row i, bit j: i conflicts with j). */
    private static final int[] CONFLICTS = {
            0b10000000, // ACCESS SHARE: ACCESS EXCLUSIVE
            0b11000000, // ROW SHARE: EXCLUSIVE, ACCESS EXCLUSIVE
            0b11110000, // ROW EXCLUSIVE: SHARE and stronger
            0b11111000, // SHARE UPDATE EXCLUSIVE: itself and stronger
            0b11101100, // SHARE: ROW EXCLUSIVE, SHARE UPDATE EXCLUSIVE, SHARE ROW EXCLUSIVE and stronger
            0b11111100, // SHARE ROW EXCLUSIVE: ROW EXCLUSIVE and stronger
            0b11111110, // EXCLUSIVE: ROW SHARE and stronger
            0b11111111, // ACCESS EXCLUSIVE: everything
    };

    /** The mode as SQL names it ({@code LOCK TABLE ... IN ACCESS EXCLUSIVE MODE}). */
    public String sqlName() {
        return name().replace('_', ' ');
    }

    /** A mode as {@code pg_locks.mode} names it ({@code AccessExclusiveLock}). */
    public static LockMode ofPgLocks(String mode) {
        String words = mode.replaceAll("Lock$", "").replaceAll("([a-z])([A-Z])", "$1_$2");
        return valueOf(words.toUpperCase(Locale.ROOT));
    }

    /** Whether a session holding this mode makes a session asking for {@code other} wait (and the reverse). */
    public boolean conflictsWith(LockMode other) {
        return (CONFLICTS[ordinal()] & (1 << other.ordinal())) != 0;
    }

    /** Plain SELECTs wait while this mode is held. */
    public boolean blocksReads() {
        return conflictsWith(ACCESS_SHARE);
    }

    /** INSERT, UPDATE and DELETE wait while this mode is held. */
    public boolean blocksWrites() {
        return conflictsWith(ROW_EXCLUSIVE);
    }

    /** The stronger of two modes. */
    public static LockMode stronger(LockMode a, LockMode b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
