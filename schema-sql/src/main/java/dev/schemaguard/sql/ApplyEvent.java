package dev.schemaguard.sql;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** Something that happened while a plan ran, for an {@link ApplyListener}. */
public sealed interface ApplyEvent {

    /** The statement the event is about. */
    Step step();

    /** Statement {@code number} (1-based) of the {@code total} a plan runs. */
    record Step(int number, int total, PlanStatement statement) {
        public Step {
            Objects.requireNonNull(statement, "statement");
        }

        /** "3/7". */
        public String label() {
            return number + "/" + total;
        }
    }

    /** A session that holds a lock the statement waits for: its pid, when its current query started, its state. */
    record Blocker(int pid, OffsetDateTime queryStart, String state) {
    }

    /**
     * The statement was sent ({@code attempt} 1, or a retry), by the server backend {@code backendPid}, in a
     * transaction with the statements around it ({@code step.statement().transactional()}) or alone.
     */
    record Started(Step step, int attempt, int backendPid) implements ApplyEvent {
    }

    /** The statement ran (its transaction group may still be open). */
    record Finished(Step step, Duration elapsed) implements ApplyEvent {
    }

    /** The statement failed; a retry may follow ({@link Retrying}). */
    record Failed(Step step, Duration elapsed, String sqlState, String message) implements ApplyEvent {
    }

    /**
     * The statement gave up waiting for a lock on attempt {@code attempt}; it (with its transaction group) runs
     * again after {@code pause}.
     */
    record Retrying(Step step, int attempt, Duration pause) implements ApplyEvent {
    }

    /**
     * The statement started waiting for a lock held by {@code blockers} (or for other ones than before), on
     * {@code relation} when the wait is for a table, view or sequence (schema-qualified), null otherwise.
     */
    record Waiting(Step step, Duration elapsed, List<Blocker> blockers, String relation) implements ApplyEvent {
        public Waiting {
            blockers = List.copyOf(blockers);
        }
    }

    /** About once a second while the statement runs: how long it has run, and who it waits for (often no one). */
    record Running(Step step, Duration elapsed, List<Blocker> blockers) implements ApplyEvent {
        public Running {
            blockers = List.copyOf(blockers);
        }
    }

    /** Who the statement waits for cannot be watched (the watcher's connection failed); the apply goes on. */
    record WatchFailed(Step step, String reason) implements ApplyEvent {
    }
}
