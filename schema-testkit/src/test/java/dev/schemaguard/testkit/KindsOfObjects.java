package dev.schemaguard.testkit;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.View;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The kinds of object (and of notable setting) a model holds, by name: what a generator covers. */
final class KindsOfObjects {

    /** Every kind the model has, each with the test of whether a database holds one. */
    static final Map<String, Predicate<Database>> ALL = Map.ofEntries(
            Map.entry("extension", d -> !d.extensions().isEmpty()),
            Map.entry("publication", d -> !d.publications().isEmpty()),
            Map.entry("cast", d -> !d.casts().isEmpty()),
            Map.entry("foreign-data wrapper", d -> !d.foreignDataWrappers().isEmpty()),
            Map.entry("foreign server", d -> !d.foreignServers().isEmpty()),
            Map.entry("schema comment", d -> schemas(d).anyMatch(s -> s.comment() != null)),
            Map.entry("table", d -> tables(d).anyMatch(t -> !t.isForeign())),
            Map.entry("foreign table", d -> tables(d).anyMatch(Table::isForeign)),
            Map.entry("primary key", d -> tables(d).anyMatch(t -> t.primaryKey() != null)),
            Map.entry("unique constraint", d -> tables(d).anyMatch(t -> !t.uniqueConstraints().isEmpty())),
            Map.entry("foreign key", d -> tables(d).anyMatch(t -> !t.foreignKeys().isEmpty())),
            Map.entry("check constraint", d -> tables(d).anyMatch(t -> !t.checkConstraints().isEmpty())),
            Map.entry("exclusion constraint", d -> tables(d).anyMatch(t -> !t.exclusionConstraints().isEmpty())),
            Map.entry("index", d -> tables(d).anyMatch(t -> !t.indexes().isEmpty())),
            Map.entry("row-level security", d -> tables(d).anyMatch(t -> t.rowSecurity().enabled())),
            Map.entry("policy", d -> tables(d).anyMatch(t -> !t.policies().isEmpty())),
            Map.entry("table comment", d -> tables(d).anyMatch(t -> t.comment() != null)),
            Map.entry("constraint comment", d -> tables(d).anyMatch(t -> !t.constraintComments().isEmpty())),
            Map.entry("trigger", d -> tables(d).anyMatch(t -> !t.triggers().isEmpty())),
            Map.entry("rule", d -> tables(d).anyMatch(t -> !t.rules().isEmpty())),
            Map.entry("partitioned table", d -> tables(d).anyMatch(t -> t.partitioning() != null)),
            Map.entry("partition", d -> tables(d).anyMatch(t -> t.partitionOf() != null)),
            Map.entry("inheritance", d -> tables(d).anyMatch(t -> !t.inherits().isEmpty())),
            Map.entry("unlogged table", d -> tables(d).anyMatch(Table::unlogged)),
            Map.entry("table storage parameters", d -> tables(d).anyMatch(t -> !t.storageParameters().isEmpty())),
            Map.entry("replica identity", d -> tables(d).anyMatch(t -> !t.replicaIdentity().equals(
                    dev.schemaguard.model.ReplicaIdentity.DEFAULT))),
            Map.entry("renamed table", d -> tables(d).anyMatch(t -> t.renamedFrom() != null)),
            Map.entry("column default", d -> columns(d).anyMatch(c -> c.defaultExpression() != null)),
            Map.entry("identity column", d -> columns(d).anyMatch(c -> c.identity() != null)),
            Map.entry("generated column", d -> columns(d).anyMatch(c -> c.generatedExpression() != null)),
            Map.entry("column collation", d -> columns(d).anyMatch(c -> c.collation() != null)),
            Map.entry("column comment", d -> columns(d).anyMatch(c -> c.comment() != null)),
            Map.entry("column storage", d -> columns(d).anyMatch(c -> c.storage() != null)),
            Map.entry("column compression", d -> columns(d).anyMatch(c -> c.compression() != null)),
            Map.entry("renamed column", d -> columns(d).anyMatch(c -> c.renamedFrom() != null)),
            Map.entry("renamed index", d -> tables(d).anyMatch(t -> t.indexes().stream().anyMatch(i -> i.renamedFrom() != null))),
            Map.entry("renamed type", d -> schemas(d).anyMatch(s -> s.enums().stream().anyMatch(e -> e.renamedFrom() != null)
                    || s.domains().stream().anyMatch(e -> e.renamedFrom() != null)
                    || s.compositeTypes().stream().anyMatch(e -> e.renamedFrom() != null))),
            Map.entry("index storage parameters", d -> tables(d).anyMatch(t -> t.indexes().stream()
                    .anyMatch(i -> !i.storageParameters().isEmpty()))),
            Map.entry("view", d -> views(d).anyMatch(v -> !v.materialized())),
            Map.entry("materialized view", d -> views(d).anyMatch(View::materialized)),
            Map.entry("view option", d -> views(d).anyMatch(v -> !v.options().isEmpty())),
            Map.entry("view trigger", d -> views(d).anyMatch(v -> !v.triggers().isEmpty())),
            Map.entry("view rule", d -> views(d).anyMatch(v -> !v.rules().isEmpty())),
            Map.entry("materialized view index", d -> views(d).anyMatch(v -> !v.indexes().isEmpty())),
            Map.entry("sequence", d -> schemas(d).anyMatch(s -> !s.sequences().isEmpty())),
            Map.entry("enum", d -> schemas(d).anyMatch(s -> !s.enums().isEmpty())),
            Map.entry("domain", d -> schemas(d).anyMatch(s -> !s.domains().isEmpty())),
            Map.entry("composite type", d -> schemas(d).anyMatch(s -> !s.compositeTypes().isEmpty())),
            Map.entry("range type", d -> schemas(d).anyMatch(s -> !s.rangeTypes().isEmpty())),
            Map.entry("collation", d -> schemas(d).anyMatch(s -> !s.collations().isEmpty())),
            Map.entry("function", d -> schemas(d).anyMatch(s -> s.routines().stream()
                    .anyMatch(r -> r.routineKind() == dev.schemaguard.model.Routine.Kind.FUNCTION))),
            Map.entry("procedure", d -> schemas(d).anyMatch(s -> s.routines().stream()
                    .anyMatch(r -> r.routineKind() == dev.schemaguard.model.Routine.Kind.PROCEDURE))),
            Map.entry("aggregate", d -> schemas(d).anyMatch(s -> !s.aggregates().isEmpty())),
            Map.entry("grant", d -> schemas(d).anyMatch(s -> s.grants().stream().anyMatch(g -> !g.revoked()))),
            Map.entry("revoked default", d -> schemas(d).anyMatch(s -> s.grants().stream().anyMatch(g -> g.revoked()))),
            Map.entry("text search dictionary", d -> schemas(d).anyMatch(s -> !s.textSearchDictionaries().isEmpty())),
            Map.entry("text search configuration", d -> schemas(d).anyMatch(s -> !s.textSearchConfigurations().isEmpty())));

    private KindsOfObjects() {
    }

    /** The kinds that occur in {@code databases}. */
    static TreeSet<String> in(Iterable<Database> databases) {
        TreeSet<String> found = new TreeSet<>();
        for (Database database : databases) {
            ALL.forEach((kind, holds) -> {
                if (holds.test(database)) {
                    found.add(kind);
                }
            });
        }
        return found;
    }

    private static Stream<Schema> schemas(Database database) {
        return database.schemas().stream();
    }

    private static Stream<Table> tables(Database database) {
        return schemas(database).flatMap(s -> s.tables().stream());
    }

    private static Stream<Column> columns(Database database) {
        return tables(database).flatMap(t -> t.columns().stream());
    }

    private static Stream<View> views(Database database) {
        return schemas(database).flatMap(s -> s.views().stream());
    }
}
