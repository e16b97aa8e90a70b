package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a comparison looks at, beyond which schemas are read: objects matched by an ignore rule and the migration
 * tools' history tables are left out of both sides, and objects that exist only on the actual side are treated as
 * the unexpected objects policy says. Every comparison (the CLI's check, fix, apply, diff; the guards) puts both
 * models through {@link #apply} before the diff, and snapshots through {@link #visible}; the filtering happens
 * here, in Java, on models already read, so no pattern ever reaches SQL.
 *
 * <p>Left out with an object: what belongs to it (a table's columns, indexes, triggers and policies; the partitions
 * of an ignored partitioned table; a sequence owned by an ignored table's column), the grants on it and the
 * dependencies from or to it. A schema is left out only when a rule names it (a kind-less {@code reporting.*} or
 * {@code schemas: reporting}); otherwise only the objects in it are.
 */
public record ComparisonScope(List<IgnoreRule> ignore, HistoryTables historyTables, UnexpectedObjects unexpected) {

    /** The default: no ignore rules, history tables left out, every unexpected object drift. */
    public static final ComparisonScope DEFAULT = new ComparisonScope(List.of(), HistoryTables.LEFT_OUT, UnexpectedObjects.DRIFT);

    public ComparisonScope {
        ignore = List.copyOf(ignore);
        Objects.requireNonNull(historyTables, "historyTables");
        Objects.requireNonNull(unexpected, "unexpected");
    }

    public ComparisonScope withIgnore(List<IgnoreRule> newIgnore) {
        return new ComparisonScope(newIgnore, historyTables, unexpected);
    }

    public ComparisonScope withHistoryTables(HistoryTables newHistoryTables) {
        return new ComparisonScope(ignore, newHistoryTables, unexpected);
    }

    public ComparisonScope withUnexpected(UnexpectedObjects newUnexpected) {
        return new ComparisonScope(ignore, historyTables, newUnexpected);
    }

    /**
     * This scope and {@code other} together (a YAML file's and the command line's): both lists of rules, history
     * tables compared when either says so, {@code other}'s unexpected objects policy on top of this one's.
     */
    public ComparisonScope and(ComparisonScope other) {
        List<IgnoreRule> rules = new ArrayList<>(ignore);
        rules.addAll(other.ignore);
        return new ComparisonScope(rules, historyTables.and(other.historyTables), unexpected.overriddenBy(other.unexpected));
    }

    /** Two models ready for the diff, and what was said about leaving things out. */
    public record Scoped(Database expected, Database actual, List<String> warnings, List<String> notes) {
        public Scoped {
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Both sides of a comparison without ignored objects and history tables, and the actual side without the
     * unexpected objects whose kind's policy is WARN (each a warning) or IGNORE. Warnings also name each ignore
     * rule that matched nothing on either side; notes (for verbose output) name the history tables left out, once.
     */
    public Scoped apply(Database expected, Database actual) {
        Filter filter = new Filter();
        Database e = filter.retain(expected, (kind, schema, name, identity) -> filter.kept(kind, schema, name));
        Database a = filter.retain(actual, (kind, schema, name, identity) -> filter.kept(kind, schema, name));
        List<String> warnings = new ArrayList<>(filter.unmatchedRules());
        if (!unexpected.allDrift()) {
            Set<String> declared = ModelObjects.keys(e);
            Filter policy = new Filter();
            a = policy.retain(a, (kind, schema, name, identity) -> {
                if (declared.contains(ModelObjects.key(kind, schema, identity))) {
                    return true;
                }
                String table = kind.partOfTable() ? identity.substring(0, identity.indexOf('\u0000')) : null;
                if (table != null && !declared.contains(ModelObjects.key(ObjectKind.TABLE, schema, table))) {
                    return true; // a part of an undeclared table goes (or stays) with its table
                }
                return switch (unexpected.of(kind)) {
                    case DRIFT -> true;
                    case WARN -> {
                        warnings.add("unexpected " + kind.word() + " " + (table == null ? ModelObjects.display(schema, identity)
                                : name + " on " + ModelObjects.display(schema, table))
                                + " is not declared (unexpected " + kind.key() + ": warn; left alone)");
                        yield false;
                    }
                    case IGNORE -> false;
                };
            });
        }
        return new Scoped(e, a, warnings, filter.notes());
    }

    /** One model (a snapshot, a baseline) without ignored objects and history tables. */
    public Scoped visible(Database database) {
        Filter filter = new Filter();
        Database kept = filter.retain(database, (kind, schema, name, identity) -> filter.kept(kind, schema, name));
        return new Scoped(kept, Database.EMPTY, filter.unmatchedRules(), filter.notes());
    }

    /** Ignore rules and history tables applied, remembering which rules matched and which history tables went. */
    private final class Filter {
        private final Set<IgnoreRule> matched = new HashSet<>();
        private final Set<String> historyLeftOut = new LinkedHashSet<>();

        boolean kept(ObjectKind kind, String schema, String name) {
            if (kind == ObjectKind.TABLE && historyTables.isHistoryTable(schema, name)) {
                historyLeftOut.add(schema + "." + name);
                return false;
            }
            boolean keep = true;
            for (IgnoreRule rule : ignore) {
                if (rule.matches(kind, schema, name)) {
                    matched.add(rule);
                    keep = false;
                }
            }
            return keep;
        }

        Database retain(Database database, ModelObjects.Keep keep) {
            return ModelObjects.retain(database, keep);
        }

        List<String> unmatchedRules() {
            return ignore.stream().filter(rule -> !matched.contains(rule))
                    .map(rule -> (rule.origin() == null ? "" : rule.origin() + ": ") + "ignore rule '" + rule
                            + "' matches nothing on either side of the comparison")
                    .toList();
        }

        List<String> notes() {
            return historyLeftOut.isEmpty() ? List.of()
                    : List.of("left out the migration history table(s) " + String.join(", ", historyLeftOut)
                    + " (they belong to Flyway or Liquibase; --include-history-tables compares them)");
        }
    }
}
