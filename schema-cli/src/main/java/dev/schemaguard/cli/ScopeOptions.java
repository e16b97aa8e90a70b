package dev.schemaguard.cli;

import dev.schemaguard.model.ComparisonScope;
import dev.schemaguard.model.HistoryTables;
import dev.schemaguard.model.IgnoreRule;
import dev.schemaguard.model.ObjectKind;
import dev.schemaguard.model.UnexpectedObjects;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --ignore}, {@code --include-history-tables}, {@code --history-table} and {@code --unexpected}: what a
 * comparison leaves out ({@link ComparisonScope}), on top of what the YAML's {@code ignore:},
 * {@code history_tables:} and {@code unexpected:} say.
 */
final class ScopeOptions {

    @Option(names = "--ignore", paramLabel = "GLOB",
            description = "Leave the objects this glob matches out of both sides (repeatable): never reported, planned,"
                    + " dropped or snapshotted. A glob over schema.name (* any characters but a dot, ? one), e.g."
                    + " public.legacy_* or reporting.* (the schema too); a name without a dot matches in every schema;"
                    + " KIND:GLOB for one kind only, e.g. functions:app.* (kinds: " + "schemas, tables, views,"
                    + " sequences, types, functions, aggregates, collations, text_search, extensions, and the parts of"
                    + " tables indexes, triggers, policies).")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--include-history-tables",
            description = "Compare Flyway's and Liquibase's history tables (flyway_schema_history, databasechangelog,"
                    + " databasechangeloglock and --history-table names) like any table. Default: left out.")
    boolean includeHistoryTables;

    @Option(names = "--history-table", paramLabel = "NAME",
            description = "Another migration history table (a tool configured with another name), left out like"
                    + " flyway_schema_history (repeatable; NAME or schema.NAME).")
    List<String> historyTables = new ArrayList<>();

    @Option(names = "--unexpected", paramLabel = "[KIND=]POLICY",
            description = "What an object that exists but is not declared means: drift (default: reported, and"
                    + " dropped by apply --allow-drops), warn (a warning, left alone) or ignore (nothing, left alone)."
                    + " KIND=POLICY for one kind (repeatable), e.g. tables=warn, indexes=ignore (indexes, triggers and"
                    + " policies: those on declared tables).")
    List<String> unexpected = new ArrayList<>();

    /** The scope these options give; an unknown kind or policy, or a malformed glob, is a usage error. */
    ComparisonScope scope() {
        List<IgnoreRule> rules = new ArrayList<>();
        for (String text : ignore) {
            rules.add(rule(text));
        }
        return new ComparisonScope(rules, new HistoryTables(includeHistoryTables, Set.copyOf(historyTables)),
                unexpectedObjects());
    }

    private static IgnoreRule rule(String text) {
        int colon = text.indexOf(':');
        ObjectKind kind = null;
        String pattern = text;
        if (colon > 0) {
            String word = text.substring(0, colon);
            kind = ObjectKind.byKey(word).orElseThrow(() -> CliFailure.error("--ignore " + text + ": unknown kind '"
                    + word + "'; one of " + ObjectKind.keys()));
            pattern = text.substring(colon + 1).trim();
        }
        try {
            return new IgnoreRule(kind, pattern, "--ignore");
        } catch (IllegalArgumentException e) {
            throw CliFailure.error("--ignore " + text + ": " + e.getMessage(), e);
        }
    }

    private UnexpectedObjects unexpectedObjects() {
        UnexpectedObjects.Policy fallback = null;
        Map<ObjectKind, UnexpectedObjects.Policy> byKind = new EnumMap<>(ObjectKind.class);
        for (String text : unexpected) {
            int equals = text.indexOf('=');
            UnexpectedObjects.Policy policy = policy(text, equals < 0 ? text : text.substring(equals + 1));
            if (equals < 0) {
                fallback = policy;
            } else {
                String word = text.substring(0, equals);
                byKind.put(ObjectKind.byKey(word).orElseThrow(() -> CliFailure.error("--unexpected " + text
                        + ": unknown kind '" + word + "'; one of " + ObjectKind.keys())), policy);
            }
        }
        return new UnexpectedObjects(fallback, byKind);
    }

    private static UnexpectedObjects.Policy policy(String option, String word) {
        return UnexpectedObjects.Policy.byKey(word).orElseThrow(() -> CliFailure.error("--unexpected " + option
                + ": unknown policy '" + word + "'; one of drift, warn, ignore"));
    }
}
