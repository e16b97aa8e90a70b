package dev.schemaguard.guard;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.sql.PlanStatement;

import java.util.List;
import java.util.Objects;

/**
 * What {@link SchemaGuard#verify()} found and did.
 *
 * @param status    VALID (no differences), REPAIRED (differences found and all of them fixed) or DRIFT
 *                  (differences remain: mode WARN, or what REPAIR could not fix)
 * @param mode      the mode the verification ran in
 * @param found     the differences found before anything was changed
 * @param applied   the statements REPAIR ran, in order; empty in the other modes
 * @param remaining the differences left at the end; empty unless the status is DRIFT
 */
public record VerificationResult(Status status, Mode mode, SchemaDiff found, List<PlanStatement> applied,
                                 SchemaDiff remaining) {

    public enum Status { VALID, DRIFT, REPAIRED }

    public VerificationResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(remaining, "remaining");
        applied = List.copyOf(applied);
    }

    /** True when the database matches the expected schema now (VALID or REPAIRED). */
    public boolean matches() {
        return status != Status.DRIFT;
    }
}
