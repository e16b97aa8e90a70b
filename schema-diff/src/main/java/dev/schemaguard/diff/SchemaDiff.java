package dev.schemaguard.diff;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;

import java.util.List;

/**
 * The differences between an expected and an actual database, as typed changes in a deterministic order
 * (schema by schema, table by table, then by kind). Equal models give an empty diff.
 */
public record SchemaDiff(List<SchemaChange> changes) {

    public SchemaDiff {
        changes = List.copyOf(changes);
    }

    public static SchemaDiff compare(Database expected, Database actual) {
        return new SchemaComparer(expected, actual).compare();
    }

    /** Compares two single schemas (usually the same schema as declared and as found). */
    public static SchemaDiff compare(Schema expected, Schema actual) {
        return compare(Database.of(expected), Database.of(actual));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes that concern one table. */
    public List<SchemaChange.TableChange> changesFor(QualifiedName table) {
        return changes.stream()
                .filter(SchemaChange.TableChange.class::isInstance)
                .map(SchemaChange.TableChange.class::cast)
                .filter(c -> c.table().equals(table))
                .toList();
    }
}
