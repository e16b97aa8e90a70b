package dev.schemaguard.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockModeTest {

    @Test
    void conflictsAreSymmetricAsInTheDocumentationsTable() {
        for (LockMode a : LockMode.values()) {
            for (LockMode b : LockMode.values()) {
                assertEquals(a.conflictsWith(b), b.conflictsWith(a), a + " / " + b);
            }
        }
        assertFalse(LockMode.SHARE.conflictsWith(LockMode.SHARE));
        assertTrue(LockMode.SHARE_UPDATE_EXCLUSIVE.conflictsWith(LockMode.SHARE_UPDATE_EXCLUSIVE));
        assertFalse(LockMode.ROW_EXCLUSIVE.conflictsWith(LockMode.ROW_EXCLUSIVE));
    }

    @Test
    void whatEachModeBlocks() {
        assertTrue(LockMode.ACCESS_EXCLUSIVE.blocksReads());
        assertFalse(LockMode.EXCLUSIVE.blocksReads());
        assertTrue(LockMode.SHARE.blocksWrites());
        assertFalse(LockMode.SHARE_UPDATE_EXCLUSIVE.blocksWrites());
        assertFalse(LockMode.SHARE_UPDATE_EXCLUSIVE.blocksReads());
    }

    @Test
    void readsPgLocksNames() {
        assertEquals(LockMode.ACCESS_EXCLUSIVE, LockMode.ofPgLocks("AccessExclusiveLock"));
        assertEquals(LockMode.SHARE_UPDATE_EXCLUSIVE, LockMode.ofPgLocks("ShareUpdateExclusiveLock"));
        assertEquals(LockMode.ROW_SHARE, LockMode.ofPgLocks("RowShareLock"));
        assertEquals("SHARE ROW EXCLUSIVE", LockMode.SHARE_ROW_EXCLUSIVE.sqlName());
        assertEquals(LockMode.SHARE, LockMode.stronger(LockMode.SHARE, LockMode.ROW_EXCLUSIVE));
    }
}
