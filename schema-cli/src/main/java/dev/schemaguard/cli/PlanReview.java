package dev.schemaguard.cli;

import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.PlanRules;
import dev.schemaguard.sql.PlanStatement;
import dev.schemaguard.sql.RelationSizes;
import dev.schemaguard.sql.RuleFinding;
import dev.schemaguard.sql.RuleOptions;
import dev.schemaguard.sql.StatementCost;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a plan costs and which rules it breaks: the sizes of the tables it works on (from the database it runs on,
 * {@link RelationSizes#UNKNOWN} without one) and the findings of {@link PlanRules}.
 */
record PlanReview(RelationSizes sizes, List<RuleFinding> findings) {

    static final PlanReview NONE = new PlanReview(RelationSizes.UNKNOWN, List.of());

    PlanReview {
        findings = List.copyOf(findings);
    }

    static PlanReview of(MigrationPlan plan, RelationSizes sizes, RuleOptions options) {
        return new PlanReview(sizes, PlanRules.evaluate(plan, sizes, options));
    }

    /** The sizes of the tables {@code plan} works on, read from {@code url} on a connection of its own. */
    static RelationSizes sizesOn(DatabaseUrl url, MigrationPlan plan) {
        Connection connection = Connections.open(url);
        try {
            return RelationSizes.read(connection, plan);
        } catch (SQLException e) {
            throw Errors.database("reading the table sizes of " + url.display(), e);
        } finally {
            Connections.closeQuietly(connection);
        }
    }

    /** The findings at {@code statement} (the same object of the plan). */
    List<RuleFinding> at(PlanStatement statement) {
        return findings.stream().filter(f -> f.statement().isPresent() && f.statement().get() == statement).toList();
    }

    /** The findings about the plan as a whole. */
    List<RuleFinding> planWide() {
        return findings.stream().filter(f -> f.statement().isEmpty()).toList();
    }

    StatementCost cost(PlanStatement statement) {
        return sizes.cost(statement);
    }
}
