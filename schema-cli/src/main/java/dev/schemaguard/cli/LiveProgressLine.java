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

    /** How wide a rewritten line may be: a longer one would wrap, and only its last row would be rewritten. */
    private static final int DEFAULT_WIDTH = 100;

    private final PrintStream out;
    private final int width;

    LiveProgressLine(PrintStream out) {
        this(out, DEFAULT_WIDTH);
    }

    LiveProgressLine(PrintStream out, int width) {
        this.out = out;
        this.width = width;
    }

    /** The terminal's width from {@code COLUMNS} when the shell exports it, 100 otherwise. */
    static int terminalWidth() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
            return columns >= 20 ? columns - 1 : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    private void rewrite(String line) {
        out.print(REWRITE + (line.length() <= width ? line : line.substring(0, width - 3) + "..."));
    }

    @Override
    public synchronized void on(ApplyEvent event) {
        String position = ProgressText.position(event);
        String statement = ProgressText.statement(event.step());
        if (event instanceof ApplyEvent.Started) {
            rewrite(position + " " + statement);
        } else if (event instanceof ApplyEvent.Running running) {
            rewrite(position + " " + ProgressText.duration(running.elapsed()) + " " + statement
                    + (running.blockers().isEmpty() ? "" : " -- waiting for " + ProgressText.blockers(running.blockers())));
        } else if (event instanceof ApplyEvent.Waiting waiting) {
            rewrite(position + " " + ProgressText.duration(waiting.elapsed()) + " " + statement + " -- "
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
