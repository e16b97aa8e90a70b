package dev.schemaguard.spring.boot.actuate;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.guard.VerificationResult;
import dev.schemaguard.spring.boot.SchemaCheck;
import dev.schemaguard.sql.PlanStatement;

import java.util.List;
import java.util.TreeSet;

/**
 * The latest check as the actuator endpoint shows it, in the shape of {@code schemaguard check --format json}
 * where the two overlap ({@code status}, {@code changes[].kind/subject/description}, {@code summary.changes},
 * {@code summary.subjects}).
 *
 * @param status     {@code ok}, {@code repaired}, {@code drift}, {@code error} or {@code unchecked} (no check ran yet)
 * @param mode       the mode the check ran in ({@code FAIL}, {@code WARN}, {@code REPAIR}); null before the first
 * @param checkedAt  when it started (ISO-8601); null before the first
 * @param durationMs how long it took
 * @param error      why it did not finish, for {@code error}
 * @param changes    the differences left
 * @param repaired   the differences REPAIR fixed
 * @param applied    the statements REPAIR ran
 * @param summary    the counts
 */
public record SchemaDriftReport(String status, String mode, String checkedAt, Long durationMs, String error,
                                List<Change> changes, List<Change> repaired, List<String> applied, Summary summary) {

    public record Change(String kind, String subject, String description) {
        static Change of(SchemaChange change) {
            return new Change(change.getClass().getSimpleName(), change.subject(), change.describe());
        }
    }

    public record Summary(int changes, int subjects) {
    }

    public SchemaDriftReport {
        changes = List.copyOf(changes);
        repaired = List.copyOf(repaired);
        applied = List.copyOf(applied);
    }

    static SchemaDriftReport unchecked() {
        return new SchemaDriftReport("unchecked", null, null, null, null, List.of(), List.of(), List.of(),
                new Summary(0, 0));
    }

    static SchemaDriftReport of(SchemaCheck check) {
        String mode = check.mode().name();
        String checkedAt = check.checkedAt().toString();
        long durationMs = check.duration().toMillis();
        if (check instanceof SchemaCheck.Failed failed) {
            return new SchemaDriftReport("error", mode, checkedAt, durationMs, failed.error(), List.of(), List.of(),
                    List.of(), new Summary(0, 0));
        }
        VerificationResult result = ((SchemaCheck.Completed) check).result();
        List<SchemaChange> remaining = result.remaining().changes();
        String status = switch (result.status()) {
            case VALID -> "ok";
            case REPAIRED -> "repaired";
            case DRIFT -> "drift";
        };
        int subjects = new TreeSet<>(remaining.stream().map(SchemaChange::subject).toList()).size();
        return new SchemaDriftReport(status, mode, checkedAt, durationMs, null,
                remaining.stream().map(Change::of).toList(), fixed(result.found(), result.remaining()),
                result.applied().stream().map(PlanStatement::sql).toList(), new Summary(remaining.size(), subjects));
    }

    private static List<Change> fixed(SchemaDiff found, SchemaDiff remaining) {
        return found.changes().stream().filter(change -> !remaining.changes().contains(change)).map(Change::of).toList();
    }
}
