package dev.schemaguard.sql;

/**
 * Hears how an apply goes, statement by statement ({@link ApplyEvent}): the CLI renders the events as progress,
 * the startup guard or a Flyway callback could log them. Events come from the thread that runs the plan, and,
 * when a {@link BlockingWatcher} is in the chain, from its thread too (never at the same time). A listener must
 * not throw.
 */
@FunctionalInterface
public interface ApplyListener {

    /** Hears nothing. */
    ApplyListener NONE = event -> {
    };

    void on(ApplyEvent event);
}
