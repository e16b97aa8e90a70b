package dev.schemaguard.cli;

import dev.schemaguard.sql.ApplyEvent;
import dev.schemaguard.sql.ApplyListener;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apply progress as JSON lines (one object per line, docs/cli.md): {@code started}, {@code waiting},
 * {@code finished}, {@code failed}, {@code retrying}, {@code watchFailed}; {@code ApplyCommand} adds the last line
 * ({@code applied} or {@code nothingToApply}). Ticks ({@code Running}) are not written.
 */
final class JsonProgress implements ApplyListener {

    private final PrintStream out;

    JsonProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void on(ApplyEvent event) {
        Map<String, Object> line = fields(event);
        if (line != null) {
            out.print(Json.line(line));
            out.flush();
        }
    }

    private static Map<String, Object> fields(ApplyEvent event) {
        if (event instanceof ApplyEvent.Started started) {
            Map<String, Object> line = head("started", event);
            line.put("sql", started.step().statement().sql());
            line.put("description", started.step().statement().description());
            line.put("transactional", started.step().statement().transactional());
            line.put("attempt", started.attempt());
            return line;
        }
        if (event instanceof ApplyEvent.Finished finished) {
            Map<String, Object> line = head("finished", event);
            line.put("elapsedMs", finished.elapsed().toMillis());
            return line;
        }
        if (event instanceof ApplyEvent.Failed failed) {
            Map<String, Object> line = head("failed", event);
            line.put("elapsedMs", failed.elapsed().toMillis());
            line.put("sqlState", failed.sqlState());
            line.put("message", failed.message() == null ? null : PasswordMask.mask(failed.message()));
            return line;
        }
        if (event instanceof ApplyEvent.Retrying retrying) {
            Map<String, Object> line = head("retrying", event);
            line.put("failedAttempt", retrying.attempt());
            line.put("pauseMs", retrying.pause().toMillis());
            return line;
        }
        if (event instanceof ApplyEvent.Waiting waiting) {
            Map<String, Object> line = head("waiting", event);
            line.put("elapsedMs", waiting.elapsed().toMillis());
            line.put("relation", waiting.relation());
            line.put("blockedBy", blockers(waiting.blockers()));
            return line;
        }
        if (event instanceof ApplyEvent.WatchFailed failed) {
            Map<String, Object> line = head("watchFailed", event);
            line.put("message", PasswordMask.mask(failed.reason()));
            return line;
        }
        return null;
    }

    private static Map<String, Object> head(String name, ApplyEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", name);
        line.put("statement", event.step().number());
        line.put("of", event.step().total());
        return line;
    }

    private static List<Object> blockers(List<ApplyEvent.Blocker> blockers) {
        return blockers.stream().<Object>map(blocker -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("pid", blocker.pid());
            fields.put("queryStart", blocker.queryStart() == null ? null
                    : blocker.queryStart().truncatedTo(ChronoUnit.MILLIS).toString());
            fields.put("state", blocker.state());
            return fields;
        }).toList();
    }
}
