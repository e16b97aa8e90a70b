package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;
import dev.schemaguard.sql.PlanLedger.PartRef;
import dev.schemaguard.sql.PlanStatement.Cause;
import dev.schemaguard.sql.PlanStatement.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static dev.schemaguard.sql.PlanContext.*;
import static dev.schemaguard.sql.PlanGroup.*;

/**
 * Text search dictionaries and configurations.
 */
final class TextSearchPlanner extends ConcernPlanner {

    TextSearchPlanner(Planners planners) {
        super(planners);
    }

    /**
     * Text search objects, planned together once the drops of tables and columns are known. Options, mappings and
     * comments change in place ({@code ALTER TEXT SEARCH DICTIONARY ... (option = value)}, {@code ALTER MAPPING FOR});
     * another template or parser cannot, so the object is dropped and created again: a configuration together with
     * what uses it (views, indexes, checks and defaults are dropped and re-created around it, see
     * {@link DependentsPlanner}; a generated column is dropped and added again, which holds the rebuild back unless
     * drops are allowed), a dictionary after the configurations that map it let go of it (their mappings are set
     * again from the expected model afterwards). Dictionaries are created before configurations, configurations
     * before anything that names them, and dropped the other way round, at the end; a drop that would fail while a
     * table or column whose drop is held back still uses the object is held back with that drop.
     */
    void planTextSearch(SchemaDiff diff) {
        TextSearchChanges changes = TextSearchChanges.of(diff);
        // configurations whose parser changes: dropped (with their generated columns) and created again
        Map<QualifiedName, PlanGroup> rebuiltConfigurations = new LinkedHashMap<>();
        for (TextSearchChanges.Altered<TextSearchConfiguration> altered : changes.alteredConfigurations()) {
            if (!altered.expected().parser().equals(altered.actual().parser())) {
                planningFor(changes.causeOfConfiguration(altered.name()));
                rebuiltConfigurations.put(altered.name(), planConfigurationRebuild(altered.name(), altered.expected()));
            }
        }
        // dictionaries whose template changes: the configurations that stay let go of them first
        Map<QualifiedName, Set<String>> detached = new TreeMap<>();
        Map<QualifiedName, Cause> detachedFor = new HashMap<>();
        List<TextSearchChanges.Named<TextSearchDictionary>> dictionariesToCreate = new ArrayList<>(changes.addedDictionaries());
        Map<QualifiedName, PlanGroup> dictionaryGroups = new HashMap<>();
        for (TextSearchChanges.Altered<TextSearchDictionary> altered : changes.alteredDictionaries()) {
            QualifiedName name = altered.name();
            if (altered.expected().template().equals(altered.actual().template())) {
                continue;
            }
            planningFor(changes.causeOfDictionary(name));
            // with a configuration rebuilt around it, the rebuild drops that configuration first and goes with it
            PlanGroup group = TextSearchChanges.configurations(actual).stream()
                    .filter(c -> rebuiltConfigurations.containsKey(c.name())
                            && !TextSearchChanges.tokenTypesMapping(c.object(), name).isEmpty())
                    .map(c -> rebuiltConfigurations.get(c.name()).joinedBy(cause())).findFirst().orElseGet(this::group);
            for (TextSearchChanges.Named<TextSearchConfiguration> configuration : TextSearchChanges.configurations(actual)) {
                Set<String> tokenTypes = TextSearchChanges.tokenTypesMapping(configuration.object(), name);
                if (tokenTypes.isEmpty() || rebuiltConfigurations.containsKey(configuration.name())) {
                    continue;
                }
                detached.computeIfAbsent(configuration.name(), n -> new TreeSet<>()).addAll(tokenTypes);
                detachedFor.putIfAbsent(configuration.name(), dependent("it maps text search dictionary " + name
                        + ", which is re-created"));
                group.add(PlanPhase.DROP_REBUILT_TEXT_SEARCH, DdlTextSearch.dropMappings(configuration.name(), tokenTypes),
                        Kind.ALTER, NONE, "let text search configuration " + configuration.name() + " stop using dictionary "
                                + name + " for " + tokenTypes + " while it is re-created (mapped again below)");
            }
            group.add(PlanPhase.DROP_REBUILT_TEXT_SEARCH, DdlTextSearch.dropDictionary(name), Kind.DROP, NONE,
                    "drop text search dictionary " + name + " to re-create it with template " + altered.expected().template()
                            + " (PostgreSQL cannot change a dictionary's template)");
            dictionaryGroups.put(name, group);
            touch(ObjectRef.of(ObjectRef.Kind.TEXT_SEARCH_DICTIONARY, name.schema(), name.name()));
            dictionariesToCreate.add(new TextSearchChanges.Named<>(name, altered.expected()));
        }
        for (TextSearchChanges.Named<TextSearchDictionary> dictionary : TextSearchChanges.creationOrder(dictionariesToCreate)) {
            boolean again = dictionaryGroups.containsKey(dictionary.name());
            planningFor(changes.causeOfDictionary(dictionary.name()));
            PlanGroup group = again ? dictionaryGroups.get(dictionary.name()) : group();
            group.add(PlanPhase.CREATE_TEXT_SEARCH_DICTIONARIES, DdlTextSearch.createDictionary(dictionary.name(), dictionary.object()),
                    again ? Kind.ALTER : Kind.CREATE, NONE, (again ? "re-create" : "create") + " text search dictionary "
                            + dictionary.name());
            if (dictionary.object().comment() != null) {
                group.add(PlanPhase.COMMENTS, DdlTextSearch.commentOnDictionary(dictionary.name(), dictionary.object().comment()),
                        again ? Kind.ALTER : Kind.CREATE, NONE, "comment on text search dictionary " + dictionary.name());
            }
        }
        for (TextSearchChanges.Altered<TextSearchDictionary> altered : changes.alteredDictionaries()) {
            if (!altered.expected().template().equals(altered.actual().template())) {
                continue;
            }
            planningFor(changes.causeOfDictionary(altered.name()));
            String alter = DdlTextSearch.alterDictionaryOptions(altered.name(), altered.expected(), altered.actual());
            if (alter != null) {
                group().add(PlanPhase.CREATE_TEXT_SEARCH_DICTIONARIES, alter, Kind.ALTER, NONE, "change the options of text"
                        + " search dictionary " + altered.name() + " (tsvectors stored or indexed before keep what the old options gave)");
            }
            if (!Objects.equals(altered.expected().comment(), altered.actual().comment())) {
                group().add(PlanPhase.COMMENTS, DdlTextSearch.commentOnDictionary(altered.name(), altered.expected().comment()),
                        Kind.ALTER, NONE, "set the comment on text search dictionary " + altered.name());
            }
        }
        for (TextSearchChanges.Named<TextSearchConfiguration> configuration : changes.addedConfigurations()) {
            planningFor(changes.causeOfConfiguration(configuration.name()));
            planConfigurationCreate(group(), configuration.name(), configuration.object(), Kind.CREATE);
        }
        // mappings of configurations that stay, from what they map after the detaching above
        Set<QualifiedName> remapped = new TreeSet<>(detached.keySet());
        changes.alteredConfigurations().stream().map(TextSearchChanges.Altered::name)
                .filter(name -> !rebuiltConfigurations.containsKey(name)).forEach(remapped::add);
        for (QualifiedName name : remapped) {
            TextSearchConfiguration want = expectedConfiguration(name);
            TextSearchConfiguration have = TextSearchChanges.configurations(actual).stream().filter(c -> c.name().equals(name))
                    .map(TextSearchChanges.Named::object).findFirst().orElse(null);
            if (want == null || have == null) {
                continue; // dropped below
            }
            planningFor(changes.hasConfigurationChange(name) ? changes.causeOfConfiguration(name) : detachedFor.get(name));
            planMappingChanges(name, want, have, detached.getOrDefault(name, Set.of()));
            if (!Objects.equals(want.comment(), have.comment())) {
                group().add(PlanPhase.COMMENTS, DdlTextSearch.commentOnConfiguration(name, want.comment()), Kind.ALTER, NONE,
                        "set the comment on text search configuration " + name);
            }
        }
        // drops, at the end: a configuration with the held-back drop of a table or column that uses it
        Map<QualifiedName, PlanGroup> configurationDrops = new HashMap<>();
        for (TextSearchChanges.Named<TextSearchConfiguration> configuration : changes.droppedConfigurations()) {
            ObjectRef ref = ObjectRef.of(ObjectRef.Kind.TEXT_SEARCH_CONFIGURATION, configuration.name().schema(),
                    configuration.name().name());
            planningFor(changes.causeOfConfiguration(configuration.name()));
            PlanGroup group = dataDropUsing(ref);
            configurationDrops.put(configuration.name(), (group != null ? group.joinedBy(cause()) : group()).add(PlanPhase.DROP_TEXT_SEARCH_CONFIGURATIONS,
                    DdlTextSearch.dropConfiguration(configuration.name()), Kind.DROP, NONE,
                    "drop text search configuration " + configuration.name()));
        }
        for (TextSearchChanges.Named<TextSearchDictionary> dictionary : changes.droppedDictionaries()) {
            planningFor(changes.causeOfDictionary(dictionary.name()));
            PlanGroup group = null;
            for (TextSearchChanges.Named<TextSearchConfiguration> configuration : TextSearchChanges.configurations(actual)) {
                if (configurationDrops.containsKey(configuration.name())
                        && !TextSearchChanges.tokenTypesMapping(configuration.object(), dictionary.name()).isEmpty()) {
                    group = configurationDrops.get(configuration.name());
                }
            }
            (group != null ? group.joinedBy(cause()) : group()).add(PlanPhase.DROP_TEXT_SEARCH_DICTIONARIES,
                    DdlTextSearch.dropDictionary(dictionary.name()), Kind.DROP, NONE, "drop text search dictionary " + dictionary.name());
        }
        planningFor(null);
    }

    /**
     * A configuration on another parser: dropped and created again. Its generated columns are dropped and added
     * again in the same group (PostgreSQL 13-16 cannot change a generation expression in place), so that without
     * drops allowed the whole rebuild is held back; views, indexes, checks and defaults that name it are dropped
     * and re-created around it by {@link DependentsPlanner}.
     */
    private PlanGroup planConfigurationRebuild(QualifiedName name, TextSearchConfiguration want) {
        PlanGroup group = group();
        ObjectRef ref = ObjectRef.of(ObjectRef.Kind.TEXT_SEARCH_CONFIGURATION, name.schema(), name.name());
        List<ObjectRef> moved = new ArrayList<>(List.of(ref));
        for (ObjectRef dependent : actualGraph.dependentsOf(ref)) {
            if (dependent.kind() != ObjectRef.Kind.COLUMN) {
                continue;
            }
            QualifiedName table = tableOf(dependent);
            Column generated = expected.table(table).flatMap(t -> t.column(dependent.member()))
                    .filter(c -> c.generatedExpression() != null).orElse(null);
            boolean generatedNow = actual.table(table).flatMap(t -> t.column(dependent.member()))
                    .filter(c -> c.generatedExpression() != null).isPresent();
            PartRef column = new PartRef(table, dependent.member());
            if (generated == null || !generatedNow || ledger.dropsTable(table) || ledger.dropsColumn(column)) {
                continue;
            }
            moved.add(dependent);
            ledger.handledByDiff(dependent);
            ledger.dropColumn(column);
            columns().planColumnRecreation(group.joinedBy(dependent("its generation expression uses text search configuration " + name)),
                    table, generated, "on the re-created text search configuration " + name
                    + " (its values are computed again)");
            // the indexes on the column go with it, and planColumnRecreation creates them again
            Pattern mention = ColumnPlanner.mentionOf(generated.name());
            actual.table(table).ifPresent(t -> t.indexes().stream().filter(index -> ColumnPlanner.onColumn(index, generated.name(), mention))
                    .forEach(index -> ledger.handledByDiff(ObjectRef.of(ObjectRef.Kind.INDEX, table.schema(), index.name()))));
        }
        group.add(PlanPhase.DROP_REBUILT_TEXT_SEARCH, DdlTextSearch.dropConfiguration(name), Kind.DROP, NONE,
                "drop text search configuration " + name + " to re-create it with parser " + want.parser()
                        + " (PostgreSQL cannot change a configuration's parser)");
        planConfigurationCreate(group, name, want, Kind.ALTER);
        if (options.allowDrops() || !group.deletesData()) { // else all of it is held back: what uses it stays as it is
            moved.forEach(this::touch);
        }
        return group;
    }

    private void planConfigurationCreate(PlanGroup group, QualifiedName name, TextSearchConfiguration configuration, Kind kind) {
        String verb = kind == Kind.CREATE ? "create" : "re-create";
        group.add(PlanPhase.CREATE_TEXT_SEARCH_CONFIGURATIONS, DdlTextSearch.createConfiguration(name, configuration), kind, NONE,
                verb + " text search configuration " + name);
        for (String sql : DdlTextSearch.setMappings(name, configuration.mappings())) {
            group.add(PlanPhase.CREATE_TEXT_SEARCH_CONFIGURATIONS, sql, kind, NONE, "map token types of text search configuration " + name);
        }
        if (configuration.comment() != null) {
            group.add(PlanPhase.COMMENTS, DdlTextSearch.commentOnConfiguration(name, configuration.comment()), kind, NONE,
                    "comment on text search configuration " + name);
        }
    }

    /** ALTER MAPPING for the token types whose dictionaries differ, DROP MAPPING for those no longer mapped. */
    private void planMappingChanges(QualifiedName name, TextSearchConfiguration want, TextSearchConfiguration have,
                                    Set<String> detachedTokenTypes) {
        List<TextSearchConfiguration.Mapping> set = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Set<String> tokenTypes = new TreeSet<>();
        want.mappings().forEach(m -> tokenTypes.add(m.tokenType()));
        have.mappings().forEach(m -> tokenTypes.add(m.tokenType()));
        for (String tokenType : tokenTypes) {
            List<QualifiedName> wanted = want.dictionariesFor(tokenType);
            List<QualifiedName> present = detachedTokenTypes.contains(tokenType) ? List.of() : have.dictionariesFor(tokenType);
            if (wanted.equals(present)) {
                continue;
            }
            if (wanted.isEmpty()) {
                dropped.add(tokenType);
            } else {
                set.add(want.mappings().stream().filter(m -> m.tokenType().equals(tokenType)).findFirst().orElseThrow());
            }
        }
        PlanGroup group = group();
        if (!dropped.isEmpty()) {
            group.add(PlanPhase.CREATE_TEXT_SEARCH_CONFIGURATIONS, DdlTextSearch.dropMappings(name, dropped), Kind.ALTER, NONE,
                    "stop indexing token types " + dropped + " in text search configuration " + name);
        }
        for (String sql : DdlTextSearch.setMappings(name, set)) {
            group.add(PlanPhase.CREATE_TEXT_SEARCH_CONFIGURATIONS, sql, Kind.ALTER, NONE, "map token types of text search"
                    + " configuration " + name + " to the expected dictionaries (tsvectors stored or indexed before are not recomputed)");
        }
    }

    private TextSearchConfiguration expectedConfiguration(QualifiedName name) {
        return expected.schema(name.schema()).flatMap(s -> s.textSearchConfigurations().stream()
                .filter(c -> c.name().equals(name.name())).findFirst()).orElse(null);
    }
}
