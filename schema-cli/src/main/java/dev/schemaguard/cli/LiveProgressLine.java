package dev.schemaguard.cli;

import dev.schemaguard.sql.ApplyEvent;
import dev.schemaguard.sql.ApplyListener;

import java.io.PrintStream;

/**
 * Apply progress on a terminal: one line, rewritten about once a second, saying which statement of how many runs,
 * for how long, and who it waits for; a line of its own stays when a statement ends, fails or is retried.
 */
final class LiveProgressLine implements ApplyListener {

    /** Carriage return, then erase the line. */
    private static final String REWRITE = "\r\u001b[2K";

    private final PrintStream out;

    LiveProgressLine(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void on(ApplyEvent event) {
        String position = ProgressText.position(event);
        String statement = ProgressText.statement(event.step());
        if (event instanceof ApplyEvent.Started) {
            out.print(REWRITE + position + " " + statement);
        } else if (event instanceof ApplyEvent.Running running) {
            out.print(REWRITE + position + " " + ProgressText.duration(running.elapsed()) + " " + statement
                    + (running.blockers().isEmpty() ? "" : " -- waiting for " + ProgressText.blockers(running.blockers())));
        } else if (event instanceof ApplyEvent.Waiting waiting) {
            out.print(REWRITE + position + " " + ProgressText.duration(waiting.elapsed()) + " " + statement + " -- "
                    + ProgressText.waiting(waiting.blockers(), waiting.relation()));
        } else if (event instanceof ApplyEvent.Finished finished) {
            out.println(REWRITE + position + " done in " + ProgressText.duration(finished.elapsed()) + ": " + statement);
        } else if (event instanceof ApplyEvent.Failed failed) {
            out.println(REWRITE + position + " failed after " + ProgressText.duration(failed.elapsed()) + ": " + statement
                    + ": " + ProgressText.oneLine(failed.message()));
        } else if (event instanceof ApplyEvent.Retrying retrying) {
            out.println(REWRITE + position + " gave up waiting for a lock on attempt " + retrying.attempt()
                    + "; trying again in " + ProgressText.duration(retrying.pause()));
        } else if (event instanceof ApplyEvent.WatchFailed failed) {
            out.println(REWRITE + position + " cannot watch for blocking locks: " + ProgressText.oneLine(failed.reason()));
        }
        out.flush();
    }
}
