package dev.schemaguard.flyway.examples;

import dev.schemaguard.guard.Mode;

/** The three ways the application starts, each with the schema mode it runs migrations in. */
public enum Environment {
    /** Staging repairs: adds whatever the baseline is missing, then migrates. */
    STAGING(Mode.REPAIR),
    /** A production emergency start must not run anything on a database that drifted: it fails fast. */
    PRODUCTION_EMERGENCY(Mode.FAIL),
    /** A regular production start warns about drift and continues; migration guards still stop what cannot run. */
    PRODUCTION_REGULAR(Mode.WARN);

    private final Mode mode;

    Environment(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }
}
