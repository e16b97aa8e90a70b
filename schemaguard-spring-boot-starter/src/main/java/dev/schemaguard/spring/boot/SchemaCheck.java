package dev.schemaguard.spring.boot;

import dev.schemaguard.guard.Mode;
import dev.schemaguard.guard.VerificationResult;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One check of the database against the expected schema: what it found, or why it could not finish. */
public sealed interface SchemaCheck {

    /** The mode the check ran in: the configured one at startup, WARN for re-checks. */
    Mode mode();

    Instant checkedAt();

    Duration duration();

    /** The check compared the database with the expected schema. */
    record Completed(VerificationResult result, Instant checkedAt, Duration duration) implements SchemaCheck {

        public Completed {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(checkedAt, "checkedAt");
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public Mode mode() {
            return result.mode();
        }

        /** How many differences are left (after REPAIR: those it could not fix). */
        public int remainingChanges() {
            return result.remaining().changes().size();
        }
    }

    /** The check did not finish: the database could not be read, or REPAIR failed and was rolled back. */
    record Failed(Mode mode, String error, Instant checkedAt, Duration duration) implements SchemaCheck {

        public Failed {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(checkedAt, "checkedAt");
            Objects.requireNonNull(duration, "duration");
        }
    }
}
