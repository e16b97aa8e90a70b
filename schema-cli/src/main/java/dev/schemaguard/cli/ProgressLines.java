package dev.schemaguard.cli;

import dev.schemaguard.sql.ApplyEvent;
import dev.schemaguard.sql.ApplyListener;

import java.io.PrintStream;

/**
 * Apply progress for logs (CI, a pipe): one line when a statement starts, one when it ends, one when it starts
 * waiting for a lock, one before a retry. Never rewrites a line.
 */
final class ProgressLines implements ApplyListener {

    private final PrintStream out;

    ProgressLines(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void on(ApplyEvent event) {
        String line = line(event);
        if (line != null) {
            out.println(ProgressText.position(event) + " " + line);
        }
    }

    private static String line(ApplyEvent event) {
        if (event instanceof ApplyEvent.Started started) {
            return ProgressText.statement(started.step()) + (started.attempt() > 1 ? " (attempt " + started.attempt() + ")" : "");
        }
        if (event instanceof ApplyEvent.Finished finished) {
            return "done in " + ProgressText.duration(finished.elapsed());
        }
        if (event instanceof ApplyEvent.Failed failed) {
            return "failed after " + ProgressText.duration(failed.elapsed()) + ": " + ProgressText.oneLine(failed.message())
                    + " (SQLState " + failed.sqlState() + ")";
        }
        if (event instanceof ApplyEvent.Retrying retrying) {
            return "gave up waiting for a lock on attempt " + retrying.attempt() + "; trying again in "
                    + ProgressText.duration(retrying.pause());
        }
        if (event instanceof ApplyEvent.Waiting waiting) {
            return ProgressText.waiting(waiting.blockers(), waiting.relation()) + " (after "
                    + ProgressText.duration(waiting.elapsed()) + ")";
        }
        if (event instanceof ApplyEvent.WatchFailed failed) {
            return "cannot watch for blocking locks (progress goes on without): " + ProgressText.oneLine(failed.reason());
        }
        return null; // Running: a log gets no ticks
    }
}
