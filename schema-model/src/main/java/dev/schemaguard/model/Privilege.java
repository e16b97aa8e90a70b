package dev.schemaguard.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * A privilege GRANT and REVOKE name on a schema or an object in it. {@code MAINTAIN} exists from PostgreSQL 17 on.
 */
public enum Privilege {
    SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, MAINTAIN, USAGE, CREATE, EXECUTE;

    private static final Set<Privilege> RELATION = EnumSet.of(SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES,
            TRIGGER, MAINTAIN);

    /** The privileges PostgreSQL knows for objects of this kind (a view or materialized view counts as a table). */
    public static Set<Privilege> applicableTo(ObjectRef.Kind kind) {
        return switch (kind) {
            case TABLE, VIEW, MATERIALIZED_VIEW -> RELATION;
            case COLUMN -> EnumSet.of(SELECT, INSERT, UPDATE, REFERENCES);
            case SEQUENCE -> EnumSet.of(USAGE, SELECT, UPDATE);
            case ROUTINE -> EnumSet.of(EXECUTE);
            case TYPE -> EnumSet.of(USAGE);
            case SCHEMA -> EnumSet.of(USAGE, CREATE);
            default -> EnumSet.noneOf(Privilege.class);
        };
    }
}
