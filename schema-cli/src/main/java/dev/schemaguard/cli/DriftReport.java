package dev.schemaguard.cli;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Database;
import dev.schemaguard.sql.Hazard;
import dev.schemaguard.sql.MigrationPlan;
import dev.schemaguard.sql.MigrationPlanner;
import dev.schemaguard.sql.PlanOptions;
import dev.schemaguard.sql.PlanStatement;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every difference between an expected and an actual database, each with the SQL that fixes it.
 *
 * <p>The SQL comes from the planner, one change at a time: starting from the actual model, each change is
 * applied to the model and the planner is asked for the statements between the two steps, so every statement
 * belongs to exactly one change. When a change cannot stand alone in the model (a dropped column that a
 * constraint still uses), the rest of that table is fixed in one step and shares the statements. Changes of the
 * other objects (sequences, types, views, routines, extensions, ...) and the grants on them are fixed together in
 * one last step, planned from the model with every schema and table change applied towards the expected one.
 */
record DriftReport(List<Fix> fixes) {

    /** Changes fixed together by {@code statements} (usually exactly one change). */
    record Fix(List<SchemaChange> changes, List<PlanStatement> statements) {
    }

    static DriftReport between(Database expected, Database actual) {
        SchemaDiff diff = SchemaDiff.compare(expected, actual);
        Map<String, List<SchemaChange>> bySubject = new LinkedHashMap<>();
        for (SchemaChange change : diff.changes()) {
            bySubject.computeIfAbsent(change.subject(), s -> new ArrayList<>()).add(change);
        }
        List<Fix> fixes = new ArrayList<>();
        List<SchemaChange> otherObjects = new ArrayList<>();
        Database state = actual;
        for (List<SchemaChange> subjectChanges : bySubject.values()) {
            List<SchemaChange> changes = new ArrayList<>();
            for (SchemaChange change : subjectChanges) {
                (ModelEdits.applies(change, actual) ? changes : otherObjects).add(change);
            }
            int i = 0;
            while (i < changes.size()) {
                SchemaChange change = changes.get(i);
                List<SchemaChange> group;
                Database next;
                try {
                    next = ModelEdits.apply(state, change);
                    group = List.of(change);
                } catch (IllegalArgumentException cannotStandAlone) {
                    SchemaChange.TableChange tableChange = (SchemaChange.TableChange) change;
                    next = ModelEdits.replaceTable(state, tableChange.table(), expected.table(tableChange.table()));
                    group = List.copyOf(changes.subList(i, changes.size()));
                }
                fixes.add(new Fix(group, statements(MigrationPlanner.plan(next, state, PlanOptions.ALLOW_DROPS))));
                state = next;
                i += group.size();
            }
        }
        if (!otherObjects.isEmpty()) {
            fixes.add(new Fix(otherObjects, statements(MigrationPlanner.plan(expected, state, PlanOptions.ALLOW_DROPS))));
        }
        return new DriftReport(fixes);
    }

    private static List<PlanStatement> statements(MigrationPlan plan) {
        List<PlanStatement> statements = new ArrayList<>(plan.statements());
        statements.addAll(plan.skipped());
        return statements;
    }

    boolean isEmpty() {
        return fixes.isEmpty();
    }

    int changeCount() {
        return fixes.stream().mapToInt(f -> f.changes().size()).sum();
    }

    int statementCount() {
        return fixes.stream().mapToInt(f -> f.statements().size()).sum();
    }

    Set<String> subjects() {
        Set<String> subjects = new TreeSet<>();
        fixes.forEach(f -> f.changes().forEach(c -> subjects.add(c.subject())));
        return subjects;
    }

    static boolean destructive(PlanStatement statement) {
        return statement.kind() == PlanStatement.Kind.DROP || statement.has(Hazard.DELETES_DATA)
                || statement.has(Hazard.STOPS_REPLICATION);
    }

    /** The report for a person: grouped by table, each difference followed by the SQL that fixes it. */
    String text(Terminal.Style style, String expectedName, String actualName) {
        StringBuilder text = new StringBuilder();
        if (isEmpty()) {
            return style.green("OK") + ": " + actualName + " matches " + expectedName + "\n";
        }
        String subject = null;
        for (Fix fix : fixes) {
            for (SchemaChange change : fix.changes()) {
                if (!change.subject().equals(subject)) {
                    subject = change.subject();
                    text.append(text.length() == 0 ? "" : "\n").append(style.bold(subject)).append('\n');
                }
                text.append("  ").append(style.red("-")).append(' ').append(change.describe()).append('\n');
            }
            for (PlanStatement statement : fix.statements()) {
                if (!statement.hazards().isEmpty()) {
                    text.append("      ").append(style.yellow("-- " + hazardNote(statement))).append('\n');
                }
                for (String line : (statement.sql() + ";").split("\n")) {
                    text.append("      ").append(style.dim(line)).append('\n');
                }
            }
        }
        int changes = changeCount();
        int subjects = subjects().size();
        text.append('\n').append(style.red("DRIFT")).append(": ").append(changes)
                .append(changes == 1 ? " difference" : " differences").append(" in ").append(subjects)
                .append(subjects == 1 ? " object" : " objects").append(" between ").append(actualName)
                .append(" and ").append(expectedName).append('\n');
        return text.toString();
    }

    private static String hazardNote(PlanStatement statement) {
        List<String> notes = new ArrayList<>();
        for (Hazard hazard : EnumSet.copyOf(statement.hazards())) {
            notes.add(switch (hazard) {
                case DELETES_DATA -> "deletes data (apply needs --allow-drops)";
                case MAY_FAIL_ON_EXISTING_ROWS -> "may fail on existing rows";
                case REWRITES_TABLE -> "rewrites the table";
                case STOPS_REPLICATION -> "stops replicating changes to subscribers (apply needs --allow-drops)";
            });
        }
        return String.join("; ", notes);
    }

    /** The report as the stable JSON shape documented in docs/cli.md. */
    String json() {
        List<Object> changes = new ArrayList<>();
        int index = 0;
        int destructive = 0;
        for (Fix fix : fixes) {
            int first = index;
            for (SchemaChange change : fix.changes()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("kind", change.getClass().getSimpleName());
                entry.put("subject", change.subject());
                entry.put("description", change.describe());
                boolean owner = index == first;
                entry.put("sql", owner ? fix.statements().stream().map(PlanStatement::sql).toList() : List.of());
                Set<String> hazards = new TreeSet<>();
                if (owner) {
                    fix.statements().forEach(s -> s.hazards().forEach(h -> hazards.add(h.name())));
                } else {
                    entry.put("sameFixAs", first);
                }
                entry.put("hazards", List.copyOf(hazards));
                changes.add(entry);
                index++;
            }
            destructive += (int) fix.statements().stream().filter(DriftReport::destructive).count();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("changes", changeCount());
        summary.put("subjects", subjects().size());
        summary.put("statements", statementCount());
        summary.put("destructiveStatements", destructive);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("status", isEmpty() ? "ok" : "drift");
        root.put("changes", changes);
        root.put("summary", summary);
        return Json.write(root);
    }
}
