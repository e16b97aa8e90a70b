package dev.schemaguard.cli;

import dev.schemaguard.sql.ApplyEvent;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/** The words the apply progress is written in, shared by the line-oriented and the live rendering. */
final class ProgressText {

    private static final int DESCRIPTION_LIMIT = 100;

    private ProgressText() {
    }

    /** "[3/7]". */
    static String position(ApplyEvent event) {
        return "[" + event.step().label() + "]";
    }

    /** The statement's description on one line, shortened; "(outside a transaction)" when it runs alone. */
    static String statement(ApplyEvent.Step step) {
        String description = step.statement().description().replaceAll("\\s*\\n\\s*", " ").trim();
        if (description.length() > DESCRIPTION_LIMIT) {
            description = description.substring(0, DESCRIPTION_LIMIT - 3) + "...";
        }
        return step.statement().transactional() ? description : description + " (outside a transaction)";
    }

    /** "850 ms", "4.2 s", "3 min 12 s". */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000 / 1000) + " s";
    }

    /** "pid 4242 (query started 2026-12-06T23:10:01+00:00, idle in transaction), pid ...". */
    static String blockers(List<ApplyEvent.Blocker> blockers) {
        return blockers.stream().map(ProgressText::blocker).collect(Collectors.joining(", "));
    }

    private static String blocker(ApplyEvent.Blocker blocker) {
        String started = blocker.queryStart() == null ? "query start unknown"
                : "query started " + blocker.queryStart().truncatedTo(ChronoUnit.SECONDS);
        return "pid " + blocker.pid() + " (" + started + (blocker.state() == null ? "" : ", " + blocker.state()) + ")";
    }

    /** "waiting for a lock on public.orders held by pid 4242 (...)". */
    static String waiting(List<ApplyEvent.Blocker> blockers, String relation) {
        return "waiting for a lock" + (relation == null ? "" : " on " + relation) + " held by " + blockers(blockers);
    }

    /** A server's or driver's message on one line, passwords masked. */
    static String oneLine(String text) {
        return text == null ? "" : PasswordMask.mask(text).replaceAll("\\s*\\n\\s*", " ").trim();
    }
}
