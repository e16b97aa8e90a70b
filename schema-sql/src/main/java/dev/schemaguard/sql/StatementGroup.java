package dev.schemaguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements of a plan that run together: consecutive transactional statements in one transaction, or one
 * statement that cannot run inside a transaction block ({@link PlanStatement#transactional()} false, e.g.
 * {@code CREATE INDEX CONCURRENTLY}) alone, in autocommit. In an online plan ({@link MigrationPlan#online()}) every
 * statement is a group of its own. {@code first} is the 0-based position of the group's first statement in the plan.
 */
record StatementGroup(int first, List<PlanStatement> statements, boolean transactional) {

    StatementGroup {
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a statement group holds at least one statement");
        }
        if (!transactional && statements.size() != 1) {
            throw new IllegalArgumentException("a statement outside a transaction runs alone");
        }
    }

    /**
     * The groups of {@code plan}, in plan order; a plan of only transactional statements is one group, unless it is
     * online: then each statement is one.
     */
    static List<StatementGroup> of(MigrationPlan plan) {
        List<StatementGroup> groups = new ArrayList<>();
        if (plan.online()) {
            for (int i = 0; i < plan.statements().size(); i++) {
                PlanStatement statement = plan.statements().get(i);
                groups.add(new StatementGroup(i, List.of(statement), statement.transactional()));
            }
            return groups;
        }
        List<PlanStatement> open = new ArrayList<>();
        int openFirst = 0;
        List<PlanStatement> statements = plan.statements();
        for (int i = 0; i < statements.size(); i++) {
            PlanStatement statement = statements.get(i);
            if (statement.transactional()) {
                if (open.isEmpty()) {
                    openFirst = i;
                }
                open.add(statement);
                continue;
            }
            if (!open.isEmpty()) {
                groups.add(new StatementGroup(openFirst, open, true));
                open.clear();
            }
            groups.add(new StatementGroup(i, List.of(statement), false));
        }
        if (!open.isEmpty()) {
            groups.add(new StatementGroup(openFirst, open, true));
        }
        return groups;
    }

    /** Whether {@code plan} runs in one transaction: not online, and every statement can run in one. */
    static boolean oneTransaction(MigrationPlan plan) {
        return !plan.online() && plan.statements().stream().allMatch(PlanStatement::transactional);
    }

    int size() {
        return statements.size();
    }
}
