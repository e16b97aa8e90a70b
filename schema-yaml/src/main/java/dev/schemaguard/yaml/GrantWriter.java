package dev.schemaguard.yaml;

import static dev.schemaguard.yaml.YamlKeys.*;

import dev.schemaguard.model.Grant;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.Privilege;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a schema's grants as {@link GrantReader} reads them: one entry per object, grantee, grant or revoke and
 * grant option, with its privileges in a fixed order.
 */
final class GrantWriter {

    private GrantWriter() {
    }

    /** One group of grants that differ only in the privilege. */
    private record Entry(ObjectRef on, String grantee, boolean revoked, boolean withGrantOption) {
    }

    static void write(Schema schema, Map<String, Object> yaml) {
        if (schema.grants().isEmpty()) {
            return;
        }
        Map<Entry, List<Privilege>> entries = new LinkedHashMap<>();
        schema.grants().stream().sorted(Grant.ORDER).forEach(grant -> entries.computeIfAbsent(
                new Entry(grant.on(), grant.grantee(), grant.revoked(), grant.withGrantOption()), e -> new ArrayList<>())
                .add(grant.privilege()));
        Map<String, String> routineWords = routineWords(schema);
        List<Object> list = new ArrayList<>();
        entries.forEach((entry, privileges) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            List<String> words = privileges.stream().sorted().map(p -> p.name().toLowerCase(Locale.ROOT)).toList();
            item.put(entry.revoked() ? REVOKE : GRANT, words.size() == 1 ? words.get(0) : words);
            item.put(OBJECT, object(routineWords, entry.on()));
            item.put(entry.revoked() ? FROM : TO, entry.grantee());
            YamlSchemaWriter.putIfTrue(item, WITH_GRANT_OPTION, entry.withGrantOption());
            list.add(item);
        });
        yaml.put(GRANTS, list);
    }

    private static String object(Map<String, String> routineWords, ObjectRef on) {
        return switch (on.kind()) {
            case SCHEMA -> "schema";
            case COLUMN -> "column " + Identifiers.quote(on.name()) + "." + Identifiers.quote(on.member());
            case ROUTINE -> routineWords.getOrDefault(on.name(), "routine") + " " + on.name();
            default -> on.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + Identifiers.quote(on.name());
        };
    }

    /** The word for each routine of the schema by signature: its kind, or aggregate. */
    private static Map<String, String> routineWords(Schema schema) {
        Map<String, String> words = new HashMap<>();
        for (Routine routine : schema.routines()) {
            words.putIfAbsent(routine.signature(), routine.routineKind().name().toLowerCase(Locale.ROOT));
        }
        schema.aggregates().forEach(aggregate -> words.put(aggregate.signature(), "aggregate"));
        return words;
    }
}
