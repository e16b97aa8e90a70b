package dev.schemaguard.sql;

import dev.schemaguard.diff.SerialColumns;
import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SchemaObject;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.View;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a plan is made from, read-only: both models, the options, the dependency graphs of both, and lookups of
 * objects by reference and name.
 */
final class PlanContext {

    final Database expected;
    final Database actual;
    final PlanOptions options;
    /** Which objects of the actual database depend on which (pg_depend): what must move around a change. */
    final PlanGraph actualGraph;
    /** The same for the expected model, to create objects in dependency order. */
    final PlanGraph expectedGraph;

    PlanContext(Database expected, Database actual, PlanOptions options) {
        this.expected = Objects.requireNonNull(expected, "expected");
        this.actual = Objects.requireNonNull(actual, "actual");
        this.options = Objects.requireNonNull(options, "options");
        this.actualGraph = PlanGraph.of(actual);
        this.expectedGraph = PlanGraph.forCreation(expected, actual);
    }

    /** {@code DROP TABLE}, or {@code DROP FOREIGN TABLE} for a foreign table of the actual database. */
    String dropTable(QualifiedName name) {
        return isForeignTable(name) ? DdlForeignData.dropForeignTable(name) : DdlRenderer.dropTable(name);
    }

    /** {@code COMMENT ON TABLE}, or {@code COMMENT ON FOREIGN TABLE} for a foreign table of the expected database. */
    String commentOnTable(QualifiedName name, String comment) {
        return expected.table(name).map(Table::isForeign).orElse(false)
                ? DdlForeignData.commentOnForeignTable(name, comment) : DdlRenderer.commentOnTable(name, comment);
    }

    /** Whether the actual table {@code name} is a foreign table (dropped as one; its column types change without USING). */
    boolean isForeignTable(QualifiedName name) {
        return actual.table(name).map(Table::isForeign).orElse(false);
    }

    /** The foreign tables of {@code database} on server {@code server}. */
    static List<QualifiedName> foreignTablesOn(Database database, String server) {
        List<QualifiedName> tables = new ArrayList<>();
        for (Schema schema : database.schemas()) {
            for (Table table : schema.tables()) {
                if (table.isForeign() && table.foreign().server().equals(server)) {
                    tables.add(QualifiedName.of(schema.name(), table.name()));
                }
            }
        }
        return tables;
    }

    /** Every column of a table in {@code database}, its parents' included (a child lists only its own). */
    static List<Column> allColumns(Database database, QualifiedName table, Set<QualifiedName> seen) {
        Table definition = seen.add(table) ? database.table(table).orElse(null) : null;
        if (definition == null) {
            return List.of();
        }
        List<Column> columns = new ArrayList<>(definition.columns());
        for (QualifiedName parent : definition.parents()) {
            allColumns(database, parent, seen).stream()
                    .filter(c -> columns.stream().noneMatch(own -> own.name().equals(c.name())))
                    .forEach(columns::add);
        }
        return columns;
    }

    /** Whether the table takes columns from a parent in that model (a partition or an inheritance child). */
    static boolean isChild(Database database, QualifiedName table) {
        return database.table(table).map(t -> !t.parents().isEmpty()).orElse(false);
    }

    /** The names of the sequences behind the table's serial columns (as PostgreSQL names them). */
    static Set<String> serialSequences(QualifiedName table, Table definition) {
        Set<String> names = new HashSet<>();
        for (Column column : definition.columns()) {
            if (column.type().isSerial()) {
                names.add(Identifiers.defaultName(table.name(), column.name(), "seq"));
            }
        }
        return names;
    }

    static ObjectRef objectRef(String schema, SchemaObject object) {
        if (object instanceof View view) {
            return PlanGraph.viewRef(schema, view);
        }
        if (object instanceof Routine routine) {
            return ObjectRef.of(ObjectRef.Kind.ROUTINE, schema, routine.signature());
        }
        if (object instanceof Aggregate aggregate) {
            return ObjectRef.of(ObjectRef.Kind.ROUTINE, schema, aggregate.signature());
        }
        if (object instanceof Collation) {
            return ObjectRef.of(ObjectRef.Kind.COLLATION, schema, object.name());
        }
        return ObjectRef.of(object instanceof Sequence ? ObjectRef.Kind.SEQUENCE : ObjectRef.Kind.TYPE, schema, object.name());
    }

    static ObjectRef tableRef(QualifiedName table) {
        return ObjectRef.of(ObjectRef.Kind.TABLE, table.schema(), table.name());
    }

    static ObjectRef triggerRef(QualifiedName table, String trigger) {
        return new ObjectRef(ObjectRef.Kind.TRIGGER, table.schema(), table.name(), trigger);
    }

    static ObjectRef constraintRef(QualifiedName table, String constraint) {
        return new ObjectRef(ObjectRef.Kind.CONSTRAINT, table.schema(), table.name(), constraint);
    }

    static ObjectRef policyRef(QualifiedName table, String policy) {
        return new ObjectRef(ObjectRef.Kind.POLICY, table.schema(), table.name(), policy);
    }

    static QualifiedName tableOf(ObjectRef part) {
        return QualifiedName.of(part.schema(), part.name());
    }

    static String qualified(ObjectRef ref) {
        return Identifiers.quote(ref.schema()) + "." + (ref.kind() == ObjectRef.Kind.ROUTINE ? ref.name() : Identifiers.quote(ref.name()));
    }

    static Optional<View> view(Database database, ObjectRef ref) {
        return database.schema(ref.schema()).flatMap(s -> s.views().stream()
                .filter(v -> PlanGraph.viewRef(s.name(), v).equals(ref)).findFirst());
    }

    /** The trigger {@code ref} names, on a table or on a view. */
    static Optional<Trigger> trigger(Database database, ObjectRef ref) {
        Optional<Trigger> onTable = database.table(tableOf(ref)).flatMap(t -> t.trigger(ref.member()));
        if (onTable.isPresent()) {
            return onTable;
        }
        return database.schema(ref.schema()).flatMap(s -> s.views().stream().filter(v -> v.name().equals(ref.name())).findFirst())
                .flatMap(v -> v.trigger(ref.member()));
    }

    /** The rule {@code ref} names, on a table or on a view. */
    static Optional<Rule> rule(Database database, ObjectRef ref) {
        Optional<Rule> onTable = database.table(tableOf(ref)).flatMap(t -> t.rule(ref.member()));
        if (onTable.isPresent()) {
            return onTable;
        }
        return database.schema(ref.schema()).flatMap(s -> s.views().stream().filter(v -> v.name().equals(ref.name())).findFirst())
                .flatMap(v -> v.rule(ref.member()));
    }

    static ObjectRef ruleRef(QualifiedName relation, String rule) {
        return new ObjectRef(ObjectRef.Kind.RULE, relation.schema(), relation.name(), rule);
    }

    static Optional<Routine> routine(Database database, ObjectRef ref) {
        return database.schema(ref.schema()).flatMap(s -> s.routines().stream()
                .filter(r -> r.signature().equals(ref.name())).findFirst());
    }

    static Optional<Aggregate> aggregate(Database database, ObjectRef ref) {
        return database.schema(ref.schema()).flatMap(s -> s.aggregates().stream()
                .filter(a -> a.signature().equals(ref.name())).findFirst());
    }

    /** The function, procedure or aggregate of this signature (all are pg_proc rows, named alike). */
    static Optional<SchemaObject> routineOrAggregate(Database database, ObjectRef ref) {
        Optional<SchemaObject> routine = routine(database, ref).map(SchemaObject.class::cast);
        return routine.isPresent() ? routine : aggregate(database, ref).map(SchemaObject.class::cast);
    }

    /** The table an index belongs to, looked up by the index's name in its schema; null if there is none. */
    static QualifiedName indexTable(Database database, ObjectRef index) {
        return database.schema(index.schema()).flatMap(s -> s.tables().stream()
                        .filter(t -> t.index(index.name()).isPresent()).findFirst()
                        .map(t -> QualifiedName.of(s.name(), t.name())))
                .orElse(null);
    }

    static boolean exists(Database database, ObjectRef ref) {
        return switch (ref.kind()) {
            case VIEW, MATERIALIZED_VIEW -> view(database, ref).isPresent();
            case ROUTINE -> routineOrAggregate(database, ref).isPresent();
            case TRIGGER -> trigger(database, ref).isPresent();
            case RULE -> rule(database, ref).isPresent();
            case POLICY -> database.table(tableOf(ref)).filter(t -> t.policies().stream()
                    .anyMatch(p -> p.name().equals(ref.member()))).isPresent();
            case CONSTRAINT -> database.table(tableOf(ref)).flatMap(t -> t.constraint(ref.member())).isPresent();
            case COLUMN -> database.table(tableOf(ref)).flatMap(t -> t.column(ref.member()))
                    .filter(c -> SerialColumns.defaultExpression(tableOf(ref), c) != null).isPresent();
            case INDEX -> indexTable(database, ref) != null;
            default -> false;
        };
    }
}
