package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the {@link PlanRule}s on a plan with the sizes of the tables it works on. Each statement is judged by
 * its form (its leading words, outside parentheses), its cause, its locks and its table work; a table the plan
 * creates is empty when later statements reach it, so it is never big.
 */
public final class PlanRules {

    private final RelationSizes sizes;
    private final RuleOptions options;
    private final Set<QualifiedName> created = new HashSet<>();

    private PlanRules(RelationSizes sizes, RuleOptions options) {
        this.sizes = sizes;
        this.options = options;
    }

    /** The rules {@code plan}'s statements break, statement by statement in plan order, then the plan's own. */
    public static List<RuleFinding> evaluate(MigrationPlan plan, RelationSizes sizes, RuleOptions options) {
        return new PlanRules(sizes, options).evaluate(plan);
    }

    private List<RuleFinding> evaluate(MigrationPlan plan) {
        List<RuleFinding> findings = new ArrayList<>();
        List<PlanStatement> longOnes = new ArrayList<>();
        boolean exclusiveOnExisting = false;
        boolean setsLockTimeout = false;
        for (PlanStatement statement : plan.statements()) {
            Form form = Form.of(statement.sql());
            if (form.startsWith("set", "local", "lock_timeout") || form.startsWith("set", "lock_timeout")) {
                setsLockTimeout = true;
            }
            judge(statement, form, findings);
            if (statement.work().keySet().stream().anyMatch(this::big)) {
                longOnes.add(statement);
            }
            exclusiveOnExisting |= statement.locks().entrySet().stream().anyMatch(lock ->
                    lock.getValue() == LockMode.ACCESS_EXCLUSIVE && !created.contains(lock.getKey()));
            if (form.startsWith("create", "table") || form.startsWith("create", "unlogged", "table")) {
                tableCreated(statement);
            }
        }
        if (!longOnes.isEmpty() && plan.statements().size() > 1
                && plan.statements().stream().allMatch(PlanStatement::transactional)) {
            PlanStatement first = longOnes.get(0);
            findings.add(new RuleFinding(PlanRule.SG301, Optional.empty(), longOnes.size() + " long statement(s), the"
                    + " first: " + oneLine(first.sql()) + ", among " + plan.statements().size() + " statements"));
        }
        if (exclusiveOnExisting && !setsLockTimeout && !options.lockTimeoutSet()) {
            findings.add(new RuleFinding(PlanRule.SG302, Optional.empty(), "no lock_timeout in the plan or the command"));
        }
        return findings;
    }

    private void tableCreated(PlanStatement statement) {
        if (statement.cause().change() instanceof SchemaChange.TableAdded added) {
            created.add(added.table());
        }
    }

    private void judge(PlanStatement statement, Form form, List<RuleFinding> findings) {
        SchemaChange change = statement.cause().change();
        boolean planned = statement.cause() instanceof PlanStatement.Cause.Planned;
        Map<QualifiedName, TableWork> work = statement.work();
        for (Map.Entry<QualifiedName, TableWork> entry : work.entrySet()) {
            QualifiedName table = entry.getKey();
            if (!big(table)) {
                continue;
            }
            String size = size(table, entry.getValue());
            if (entry.getValue() == TableWork.REWRITES) {
                PlanRule rule = change instanceof SchemaChange.ColumnAltered && form.has("type") ? PlanRule.SG101
                        : form.has("add") && change instanceof SchemaChange.ColumnAdded ? PlanRule.SG102 : PlanRule.SG103;
                add(findings, rule, statement, table + " " + size);
            } else if (form.startsWith("create", "index") || form.startsWith("create", "unique", "index")) {
                if (!form.has("concurrently")) {
                    add(findings, PlanRule.SG107, statement, table + " " + size);
                }
            } else if (form.has("validate", "constraint")) {
                add(findings, PlanRule.SG110, statement, table + " " + size);
            } else if (form.has("attach", "partition")) {
                add(findings, PlanRule.SG112, statement, table + " " + size);
            } else if (form.has("set", "not", "null")) {
                add(findings, PlanRule.SG106, statement, table + " " + size);
            } else if (form.has("foreign", "key") || form.has("references")) {
                add(findings, PlanRule.SG104, statement, table + " " + size);
            } else if (form.has("check")) {
                add(findings, PlanRule.SG105, statement, table + " " + size);
            } else if (form.has("exclude")) {
                add(findings, PlanRule.SG109, statement, table + " " + size);
            } else if (form.has("unique") || form.has("primary", "key")) {
                add(findings, PlanRule.SG108, statement, table + " " + size);
            } else if (change instanceof SchemaChange.ColumnAltered && form.has("type")) {
                add(findings, PlanRule.SG114, statement, table + " " + size + " is read to check its foreign keys again");
            }
        }
        if (form.startsWith("drop", "index") && !form.has("concurrently")) {
            statement.locks().keySet().stream().filter(this::big).findFirst()
                    .ifPresent(table -> add(findings, PlanRule.SG111, statement, table + " " + size(table)));
        }
        statement.locks().entrySet().stream()
                .filter(lock -> lock.getValue() == LockMode.ACCESS_EXCLUSIVE && big(lock.getKey())
                        && !work.containsKey(lock.getKey()))
                .findFirst()
                .ifPresent(lock -> add(findings, PlanRule.SG113, statement, lock.getKey() + " " + size(lock.getKey())));
        if (planned && change instanceof SchemaChange.TableDropped dropped && form.startsWith("drop", "table")) {
            add(findings, PlanRule.SG201, statement, dropped.table() + sizeIfKnown(dropped.table()));
        } else if (planned && change instanceof SchemaChange.ColumnDropped dropped && form.has("drop", "column")) {
            add(findings, PlanRule.SG202, statement, dropped.table() + "." + dropped.column().name());
        } else if (change instanceof SchemaChange.ColumnAltered altered && form.has("type")
                && statement.has(Hazard.DELETES_DATA)) {
            add(findings, PlanRule.SG203, statement, altered.table() + "." + altered.actual().name() + " "
                    + altered.actual().type().sql() + " to " + altered.expected().type().sql());
        } else if (planned && change instanceof SchemaChange.ColumnRenamed renamed) {
            add(findings, PlanRule.SG205, statement, renamed.table() + "." + renamed.oldName() + " to " + renamed.column());
        } else if (planned && change instanceof SchemaChange.TableRenamed renamed) {
            add(findings, PlanRule.SG206, statement, renamed.oldName() + " to " + renamed.table());
        } else if (planned && change instanceof SchemaChange.SchemaDropped dropped && form.startsWith("drop", "schema")) {
            add(findings, PlanRule.SG208, statement, dropped.schema().name());
        } else if (statement.has(Hazard.STOPS_REPLICATION)) {
            add(findings, PlanRule.SG209, statement, oneLine(statement.description()));
        } else if (planned && droppedIntegrity(change) && statement.kind() == PlanStatement.Kind.DROP) {
            add(findings, PlanRule.SG210, statement, oneLine(statement.description()));
        }
        if (change instanceof SchemaChange.ObjectAltered altered && altered.actual() instanceof EnumType was
                && altered.expected() instanceof EnumType wanted && !wanted.values().containsAll(was.values())
                && (form.startsWith("alter", "type") && form.has("rename", "to"))) {
            List<String> removed = new ArrayList<>(was.values());
            removed.removeAll(wanted.values());
            add(findings, PlanRule.SG204, statement, altered.schema() + "." + was.name() + " loses " + removed);
        }
        if (statement.cause() instanceof PlanStatement.Cause.Dependent
                && (form.startsWith("drop", "view") || form.startsWith("drop", "materialized", "view"))) {
            add(findings, PlanRule.SG207, statement, oneLine(statement.description()));
        }
        if (change instanceof SchemaChange.ColumnAdded added && form.has("add") && statement.has(Hazard.MAY_FAIL_ON_EXISTING_ROWS)
                && !created.contains(added.table()) && !empty(added.table())) {
            add(findings, PlanRule.SG211, statement, added.table() + "." + added.column().name() + sizeIfKnown(added.table()));
        }
    }

    private static boolean droppedIntegrity(SchemaChange change) {
        if (change instanceof SchemaChange.ConstraintDropped dropped) {
            Constraint constraint = dropped.constraint();
            return constraint instanceof PrimaryKey || constraint instanceof UniqueConstraint
                    || constraint instanceof ForeignKey || constraint instanceof CheckConstraint
                    || constraint instanceof ExclusionConstraint;
        }
        return change instanceof SchemaChange.IndexDropped dropped && dropped.index().unique();
    }

    private void add(List<RuleFinding> findings, PlanRule rule, PlanStatement statement, String detail) {
        findings.add(new RuleFinding(rule, Optional.of(statement), detail));
    }

    /** At least as big as the options say, or of unknown size; never a table this plan created. */
    private boolean big(QualifiedName table) {
        if (created.contains(table)) {
            return false;
        }
        if (!sizes.known()) {
            return true;
        }
        return sizes.of(table).map(size -> size.tableBytes() >= options.bigTableBytes()
                || size.rows().orElse(0) >= options.bigTableRows()).orElse(false);
    }

    /** Known to hold no rows. */
    private boolean empty(QualifiedName table) {
        return sizes.known() && sizes.of(table).map(size -> size.tableBytes() == 0).orElse(true);
    }

    private String size(QualifiedName table) {
        return size(table, TableWork.SCANS);
    }

    /** The table's size as the work touches it: its own data for a scan, with indexes and TOAST for a rewrite. */
    private String size(QualifiedName table, TableWork work) {
        if (!sizes.known()) {
            return "(size unknown: no live database)";
        }
        return sizes.of(table).map(size -> "(~" + StatementCost.bytes(work == TableWork.REWRITES ? size.totalBytes()
                        : size.tableBytes()) + ", "
                + (size.analyzed() ? "~" + StatementCost.count(size.rows().getAsLong()) + " rows" : "rows unknown (never analyzed)")
                + ")").orElse("");
    }

    private String sizeIfKnown(QualifiedName table) {
        String size = sizes.known() ? size(table) : "";
        return size.isEmpty() ? "" : " " + size;
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s*\\n\\s*", " ").trim();
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    /** A statement's words outside parentheses, folded to lower case: enough to tell its form. */
    private record Form(List<String> words) {

        static Form of(String sql) {
            List<String> words = new ArrayList<>();
            try {
                int depth = 0;
                for (SqlLexer.Token token : SqlLexer.tokens(sql)) {
                    if (token.kind() == SqlLexer.Kind.OPEN_PAREN) {
                        depth++;
                    } else if (token.kind() == SqlLexer.Kind.CLOSE_PAREN) {
                        depth--;
                    } else if (depth == 0 && token.kind() == SqlLexer.Kind.WORD) {
                        words.add(token.folded());
                    } else if (depth == 0) {
                        words.add("");
                    }
                }
            } catch (SqlTextException e) {
                // a statement the lexer cannot read has no form: no rule of form applies
            }
            return new Form(words);
        }

        boolean startsWith(String... sequence) {
            return words.size() >= sequence.length && words.subList(0, sequence.length).equals(List.of(sequence));
        }

        boolean has(String... sequence) {
            return java.util.Collections.indexOfSubList(words, List.of(sequence)) >= 0;
        }
    }
}
