package dev.schemaguard.model;

import java.util.Objects;

/**
 * A trigger on a table or view; {@code definition} is the {@code CREATE TRIGGER} statement as {@code pg_get_triggerdef}
 * prints it; {@code firing} says when it fires (ALTER TABLE ... ENABLE [ALWAYS | REPLICA] / DISABLE TRIGGER).
 */
public record Trigger(String name, String definition, Firing firing, String comment) {

    /** When a trigger fires, by the session's {@code session_replication_role}. */
    public enum Firing {
        /** The default: fires in origin and local sessions, not while a replica applies changes. */
        ORIGIN("ENABLE"),
        /** Fires whatever the session's replication role. */
        ALWAYS("ENABLE ALWAYS"),
        /** Fires only while changes are applied as a replica. */
        REPLICA("ENABLE REPLICA"),
        DISABLED("DISABLE");

        private final String sql;

        Firing(String sql) {
            this.sql = sql;
        }

        /** The words before TRIGGER in ALTER TABLE: {@code ENABLE ALWAYS}. */
        public String sql() {
            return sql;
        }
    }

    /** A trigger that fires as triggers do by default. */
    public static Trigger of(String name, String definition) {
        return new Trigger(name, definition, Firing.ORIGIN, null);
    }

    public boolean enabled() {
        return firing != Firing.DISABLED;
    }

    public Trigger {
        Identifiers.requireValid(name, "trigger name");
        Objects.requireNonNull(definition, () -> "definition of trigger " + name);
        firing = firing == null ? Firing.ORIGIN : firing;
    }
}
