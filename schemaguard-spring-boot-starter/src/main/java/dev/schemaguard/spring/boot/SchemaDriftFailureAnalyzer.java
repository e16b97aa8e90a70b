package dev.schemaguard.spring.boot;

import dev.schemaguard.guard.SchemaDriftException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start stopped by drift (mode FAIL) into Boot's "APPLICATION FAILED TO START" report: every difference
 * as the description, the fix command as the action.
 */
class SchemaDriftFailureAnalyzer extends AbstractFailureAnalyzer<SchemaDriftException> {

    private static final String FIX = "\nFix: ";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaDriftException cause) {
        String message = cause.getMessage();
        int fix = message.lastIndexOf(FIX);
        String description = fix < 0 ? message : message.substring(0, fix);
        String hint = fix < 0 ? "run `schemaguard fix` and apply its SQL." : message.substring(fix + FIX.length());
        String action = Character.toUpperCase(hint.charAt(0)) + hint.substring(1)
                + "\nTo start with the drift and have it reported instead, set schemaguard.mode=warn.";
        return new FailureAnalysis(description, action, cause);
    }
}
