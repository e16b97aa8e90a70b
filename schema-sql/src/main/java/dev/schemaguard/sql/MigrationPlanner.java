package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaChange.ColumnAspect;
import dev.schemaguard.diff.Expressions;
import dev.schemaguard.diff.Publications;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.diff.SerialColumns;
import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.Cast;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.Constraint;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.Policy;
import dev.schemaguard.model.PrimaryKey;
import dev.schemaguard.model.Publication;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RangeType;
import dev.schemaguard.model.ReplicaIdentity;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.TextSearchConfiguration;
import dev.schemaguard.model.TextSearchDictionary;
import dev.schemaguard.model.UniqueConstraint;
import dev.schemaguard.sql.PlanStatement.Cause;
import dev.schemaguard.sql.PlanStatement.Kind;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.Grant;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.PartitionBound;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.SchemaObject;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.View;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Optional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns a {@link SchemaDiff} into ordered DDL (see {@link Phase} for the order). Drops run first, most dependent
 * objects first; then schemas, extensions, collations, text search dictionaries and configurations, types, sequences
 * and routines (with
 * {@code check_function_bodies} off, so a function may name tables created later), column changes, logged/unlogged
 * switches, tables, constraints, indexes, foreign keys, sequence ownership, row security, policies, views in
 * dependency order, triggers (of tables and views), grants; then the drops of types, text search configurations and
 * dictionaries, collations, sequences,
 * extensions and schemas nothing uses any more; comments last. Nothing uses CASCADE: what PostgreSQL would refuse
 * to change while dependents exist (a column type under a view, a function a trigger or default calls, a view other
 * views read, a type or collation being rebuilt) is planned as dropping the dependents found in the actual
 * database's dependencies (pg_depend), transitively, making the change, and creating them again from the expected
 * model. Foreign keys that depend on a key, column or table being dropped or changed, or that would link a logged
 * and an unlogged table while one switches, are dropped first and re-created at the end. Statements that delete
 * data are skipped unless
 * {@link PlanOptions#allowDrops()}, together with the statements that only make sense with them.
 */
public final class MigrationPlanner {

    /** Execution order of the plan; statements of one phase keep the order they were planned in. */
    private enum Phase {
        PRELUDE,
        /** Declared renames, before anything else: every other statement names the table or column by its new name. */
        RENAME_TABLES, RENAME_COLUMNS,
        DROP_DEPENDENTS, DROP_FOREIGN_KEYS, DROP_POLICIES, DROP_INDEXES, DROP_CONSTRAINTS,
        /** DETACH PARTITION and NO INHERIT, which keep the child's columns: before its parent drops any. */
        DETACH_PARTITIONS,
        /** The CHECK constraints a detached child keeps from its former parent, before columns they use go. */
        DROP_DETACHED_CHECKS,
        DROP_COLUMNS,
        /** A child's own columns, once its parents no longer give them (after their drops and the detaches). */
        DROP_CHILD_COLUMNS,
        DROP_PARTITIONS, DROP_TABLES,
        /** Casts, before the functions and types they use. */
        DROP_CASTS,
        /** Servers once the foreign tables on them are gone, then the wrappers once their servers are. */
        DROP_SERVERS, DROP_FOREIGN_DATA_WRAPPERS,
        DROP_ROUTINES,
        /** Text search configurations and dictionaries dropped to be created again, once nothing that stays uses them. */
        DROP_REBUILT_TEXT_SEARCH,
        CREATE_SCHEMAS, CREATE_EXTENSIONS, ALTER_EXTENSIONS, CREATE_COLLATIONS,
        /** Before anything that names a configuration ('english'::regconfig in a default, check, index or view). */
        CREATE_TEXT_SEARCH_DICTIONARIES, CREATE_TEXT_SEARCH_CONFIGURATIONS,
        CREATE_ENUMS, CREATE_DOMAINS, CREATE_COMPOSITES,
        /** Domains over a composite or range type, once those exist (domains come first otherwise: types use them). */
        CREATE_DOMAINS_ON_TYPES,
        CREATE_SEQUENCES, CREATE_ROUTINES,
        /** Aggregates, once their support functions exist; then casts, once their types and functions do. */
        CREATE_AGGREGATES, CREATE_CASTS,
        /** Foreign-data wrappers (whose handler and validator are routines), then the servers that use them. */
        CREATE_FOREIGN_DATA_WRAPPERS, CREATE_SERVERS,
        ALTER_COLUMNS,
        /** What a child changes about its columns (NOT NULL, default), after its parents' changes, which recurse. */
        ALTER_CHILD_COLUMNS,
        TABLE_PERSISTENCE,
        CREATE_TABLES, ADD_COLUMNS,
        /** A foreign table's options and its columns' options, once the table and its columns exist. */
        FOREIGN_TABLE_OPTIONS,
        /** Routines whose arguments or result use a table's row type (RETURNS SETOF orders), once the tables exist. */
        CREATE_ROUTINES_ON_TABLES,
        /** ATTACH PARTITION and INHERIT, once the child has every column of its new parent. */
        ATTACH_PARTITIONS, ADD_CONSTRAINTS, CREATE_INDEXES, ADD_FOREIGN_KEYS,
        /** VALIDATE CONSTRAINT, storage parameters and replica identity: once the constraints and indexes exist. */
        VALIDATE_CONSTRAINTS, STORAGE_PARAMETERS, REPLICA_IDENTITY,
        SEQUENCE_OWNERSHIP, ROW_SECURITY, POLICIES, CREATE_VIEWS,
        /** Routines whose arguments or result use a view's row type, once the views exist. */
        CREATE_ROUTINES_ON_VIEWS,
        CREATE_TRIGGERS,
        /** Publications and the tables they publish, once every table and column exists. */
        PUBLICATIONS,
        REVOKES, GRANTS,
        DROP_TYPES,
        /** Configurations before the dictionaries they map; after everything that used them is gone. */
        DROP_TEXT_SEARCH_CONFIGURATIONS, DROP_TEXT_SEARCH_DICTIONARIES,
        DROP_COLLATIONS, DROP_SEQUENCES, DROP_EXTENSIONS, DROP_SCHEMAS, COMMENTS
    }

    /** A statement, its phase, and its position in planning order, which orders the statements of one phase. */
    private record Step(Phase phase, int sequence, PlanStatement statement) {
    }

    /**
     * Statements that stand or fall together: skipped as a whole when one deletes data and drops are not allowed.
     * Each statement added through a group gets the group's cause: the change being planned when it was opened.
     */
    private final class Group {
        private final List<Step> steps;
        private final Cause cause;

        private Group(List<Step> steps, Cause cause) {
            this.steps = steps;
            this.cause = Objects.requireNonNull(cause, "a group opened outside the planning of any change: a planner bug");
        }

        Group add(Phase phase, String sql, Kind kind, Set<Hazard> hazards, String description) {
            steps.add(new Step(phase, stepCount++, new PlanStatement(sql, kind, hazards, description, cause)));
            return this;
        }

        /** This group, adding statements for {@code other}: a change that stands or falls with this group's. */
        Group joinedBy(Cause other) {
            return new Group(steps, other);
        }

        /** Deletes data or stops replication: planned only when drops are allowed. */
        boolean deletesData() {
            return steps.stream().anyMatch(s -> s.statement().has(Hazard.DELETES_DATA)
                    || s.statement().has(Hazard.STOPS_REPLICATION));
        }
    }

    /** A constraint or index by table and name. */
    private record PartRef(QualifiedName table, String name) {
    }

    /** An object dropped before the changes: why (for its description) and the cause its statements get. */
    private record Move(String reason, Cause cause) {
    }

    /** A foreign key to add (anew or again) after the tables and keys exist. */
    private record ForeignKeyAdd(Kind kind, Cause cause) {
    }

    private static final Set<Hazard> NONE = Set.of();
    private static final Set<Hazard> DELETES = Set.of(Hazard.DELETES_DATA);
    private static final Set<Hazard> STOPS_REPLICATION = Set.of(Hazard.STOPS_REPLICATION);
    private static final Set<Hazard> MAY_FAIL = Set.of(Hazard.MAY_FAIL_ON_EXISTING_ROWS);
    private static final Set<Hazard> REWRITES = Set.of(Hazard.REWRITES_TABLE);

    private final Database expected;
    private final Database actual;
    private final PlanOptions options;
    private final List<Group> groups = new ArrayList<>();
    private int stepCount;
    /**
     * The cause of the statements being planned: the change {@link #build} is dispatching, or, in the passes after
     * it, the cause recorded with what they plan. Every group opened takes it.
     */
    private Cause cause;
    private final Map<PartRef, Move> foreignKeyDrops = new LinkedHashMap<>();
    private final Map<PartRef, ForeignKeyAdd> foreignKeyAdds = new LinkedHashMap<>();
    private final Map<QualifiedName, Table> tablesToCreate = new TreeMap<>();
    private final Set<QualifiedName> tablesToDrop = new HashSet<>();
    /** Why each table of {@link #tablesToCreate} and {@link #tablesToDrop} is created or dropped. */
    private final Map<QualifiedName, Cause> tableCauses = new HashMap<>();
    private final Set<PartRef> touchedByDiff = new HashSet<>();
    /** Constraints this plan adds (anew or again), which come without their comments. */
    private final Map<PartRef, Cause> createdConstraints = new TreeMap<>(
            Comparator.comparing((PartRef p) -> p.table().toString()).thenComparing(PartRef::name));
    /** The expected tables and views by qualified name, for routine signatures; built on first use. */
    private Set<QualifiedName> expectedTables;
    private Set<QualifiedName> expectedViews;

    // objects beside tables, and what must be dropped and re-created around a change PostgreSQL refuses otherwise
    private final PlanGraph actualGraph;
    private final PlanGraph expectedGraph;
    /** Objects changed or dropped in a way their dependents must not be there for, with the change that does it. */
    private final Map<ObjectRef, Cause> touched = new LinkedHashMap<>();
    /** Views, triggers, routines, ... to drop before the changes, with why. */
    private final Map<ObjectRef, Move> dependentDrops = new LinkedHashMap<>();
    /** Views, triggers, routines, ... to create from the expected model after the changes, with why. */
    private final Map<ObjectRef, Cause> creates = new LinkedHashMap<>();
    /** Of {@link #creates}: those the actual database does not have at all (the rest are re-created). */
    private final Set<ObjectRef> newObjects = new HashSet<>();
    /** Views replaced in place with CREATE OR REPLACE VIEW. */
    private final Set<ObjectRef> replacedViews = new HashSet<>();
    /** Constraints, indexes, policies and column defaults the diff itself drops or sets again. */
    private final Set<ObjectRef> handledByDiff = new HashSet<>();
    /** Small changes to an object (enable a trigger, a materialized view's index) that its re-creation would include. */
    private final Map<ObjectRef, List<Runnable>> unlessRecreated = new LinkedHashMap<>();
    /** Tables dropped and created again because their partitioning changes, with the group that does it. */
    private final Map<QualifiedName, Group> rebuiltTables = new HashMap<>();
    /** Columns the plan drops: for good, or to add them again with a new generation expression. */
    private final Set<PartRef> droppedColumns = new HashSet<>();
    /** Partitions and inheritance children to drop, with the group each belongs to. */
    private final Map<QualifiedName, Group> childTableDrops = new LinkedHashMap<>();
    /** Columns whose default or NOT NULL the diff changes. */
    private final Set<PartRef> alteredColumns = new HashSet<>();
    // what starts with PostgreSQL's default privileges after the plan, for the grants
    private final Map<String, Cause> addedSchemas = new HashMap<>();
    /** Sequences and types the plan creates, or (types) creates anew under their name. */
    private final Map<ObjectRef, Cause> createdObjects = new HashMap<>();
    private final Map<ObjectRef, Cause> recreatedColumns = new HashMap<>();
    /** Casts of the actual database the diff drops or changes. */
    private final Set<Cast> handledCasts = new HashSet<>();
    /** The groups that drop a table or a column (with its data), so that a drop that needs them gone joins them. */
    private final Map<ObjectRef, Group> dataDrops = new HashMap<>();
    /** Drops of types, collations and sequences, planned once the table and column drops are (see dataDrops). */
    private final List<Runnable> typeDrops = new ArrayList<>();

    private MigrationPlanner(Database expected, Database actual, PlanOptions options) {
        this.expected = Objects.requireNonNull(expected, "expected");
        this.actual = Objects.requireNonNull(actual, "actual");
        this.options = Objects.requireNonNull(options, "options");
        this.actualGraph = PlanGraph.of(actual);
        this.expectedGraph = PlanGraph.forCreation(expected, actual);
    }

    /** The statements that turn {@code actual} into {@code expected}. */
    public static MigrationPlan plan(Database expected, Database actual, PlanOptions options) {
        return plan(SchemaDiff.compare(expected, actual), expected, actual, options);
    }

    /** As {@link #plan(Database, Database, PlanOptions)}, with the diff of the two models already computed. */
    public static MigrationPlan plan(SchemaDiff diff, Database expected, Database actual, PlanOptions options) {
        return new MigrationPlanner(expected, actual, options).build(diff);
    }

    /** Complete DDL creating everything in {@code expected} on an empty database. */
    public static MigrationPlan baseline(Database expected) {
        return plan(expected, Database.EMPTY, PlanOptions.ALLOW_DROPS);
    }

    private MigrationPlan build(SchemaDiff diff) {
        collectTableLevelChanges(diff);
        collectForeignKeyDrops(diff);
        for (SchemaChange change : diff.changes()) {
            cause = new Cause.Planned(change);
            planChange(change);
        }
        cause = null;
        planChildTableDrops();
        typeDrops.forEach(Runnable::run);
        planTextSearch(diff);
        planTableCreations();
        planForeignKeys();
        planDependents();
        planCastsOfDroppedObjects();
        planConstraintComments();
        planGrants(diff);
        return assemble();
    }

    private Group group() {
        Group group = new Group(new ArrayList<>(), cause);
        groups.add(group);
        return group;
    }

    /** Plans with {@code newCause} as the cause of the groups {@code planning} opens. */
    private void because(Cause newCause, Runnable planning) {
        Cause outer = cause;
        cause = newCause;
        try {
            planning.run();
        } finally {
            cause = outer;
        }
    }

    /** A dependent of the change being planned. */
    private Cause dependent(String reason) {
        return new Cause.Dependent(cause.change(), reason);
    }

    /** Of two causes for the same statement, a change that plans it itself wins over one it is a dependent of. */
    private static Cause stronger(Cause first, Cause second) {
        return first instanceof Cause.Dependent && second instanceof Cause.Planned ? second : first;
    }

    private void touch(ObjectRef ref) {
        touched.putIfAbsent(ref, cause);
    }

    /** The object is created (again) from the expected model once the changes are made. */
    private void create(ObjectRef ref, Cause why) {
        creates.merge(ref, why, MigrationPlanner::stronger);
    }

    /** The object is dropped before the changes, {@code reason} shown in the statement's description. */
    private void dropDependent(ObjectRef ref, String reason, Cause why) {
        dependentDrops.merge(ref, new Move(reason, why), (a, b) -> new Move(a.reason(), stronger(a.cause(), b.cause())));
    }

    private void addForeignKey(PartRef ref, Kind kind, Cause why) {
        foreignKeyAdds.merge(ref, new ForeignKeyAdd(kind, why), (a, b) -> new ForeignKeyAdd(a.kind(), stronger(a.cause(), b.cause())));
    }

    private void createdConstraint(PartRef ref, Cause why) {
        createdConstraints.merge(ref, why, MigrationPlanner::stronger);
    }

    // ---- first pass: what is created, dropped and touched ----

    private void collectTableLevelChanges(SchemaDiff diff) {
        for (SchemaChange change : diff.changes()) {
            cause = new Cause.Planned(change);
            if (change instanceof SchemaChange.SchemaAdded added) {
                added.schema().tables().forEach(t -> tableToCreate(QualifiedName.of(added.schema().name(), t.name()), t));
            } else if (change instanceof SchemaChange.SchemaDropped dropped) {
                dropped.schema().tables().forEach(t -> tableToDrop(QualifiedName.of(dropped.schema().name(), t.name())));
            } else if (change instanceof SchemaChange.TableAdded added) {
                tableToCreate(added.table(), added.definition());
            } else if (change instanceof SchemaChange.TableDropped dropped) {
                tableToDrop(dropped.table());
            } else if (change instanceof SchemaChange.PartitioningChanged p) {
                collectTableRebuild(p.table());
            } else if (change instanceof SchemaChange.ForeignTableChanged f && f.needsRecreation()
                    && !rebuiltTables.containsKey(f.table())) {
                collectTableRebuild(f.table());
            } else if (change instanceof SchemaChange.ForeignServerAltered f && f.needsRecreation()) {
                foreignTablesOn(actual, f.actual().name()).stream()
                        .filter(table -> expected.table(table).isPresent() && !rebuiltTables.containsKey(table))
                        .forEach(table -> because(dependent("it is a foreign table on server " + f.actual().name()
                                + ", which is created again"), () -> collectTableRebuild(table)));
            }
            noteHandledByDiff(change);
            if (change instanceof SchemaChange.ColumnAltered c) {
                alteredColumns.add(new PartRef(c.table(), c.expected().name()));
            }
            if (change instanceof SchemaChange.ConstraintAdded c) {
                touchedByDiff.add(new PartRef(c.table(), c.constraint().name()));
            } else if (change instanceof SchemaChange.ConstraintAltered c) {
                touchedByDiff.add(new PartRef(c.table(), c.expected().name()));
            } else if (change instanceof SchemaChange.IndexAdded i) {
                touchedByDiff.add(new PartRef(i.table(), i.index().name()));
            } else if (change instanceof SchemaChange.IndexAltered i) {
                touchedByDiff.add(new PartRef(i.table(), i.expected().name()));
            }
        }
        cause = null;
    }

    private void tableToCreate(QualifiedName name, Table table) {
        tablesToCreate.put(name, table);
        tableCauses.putIfAbsent(name, cause);
    }

    private void tableToDrop(QualifiedName name) {
        tablesToDrop.add(name);
        tableCauses.putIfAbsent(name, cause);
    }

    /** Foreign keys to drop: changed ones, those of dropped tables, and those that depend on something dropped or changed. */
    private void collectForeignKeyDrops(SchemaDiff diff) {
        for (QualifiedName table : sorted(tablesToDrop)) {
            because(tableCauses.get(table), () -> {
                actual.table(table).ifPresent(t -> t.foreignKeys().forEach(
                        fk -> dropForeignKey(table, fk, "its table is dropped")));
                dependentsOf(table, fk -> true, "it references table " + table + ", which is dropped");
            });
        }
        for (SchemaChange change : diff.changes()) {
            cause = new Cause.Planned(change);
            if (change instanceof SchemaChange.ConstraintDropped c) {
                if (c.constraint() instanceof ForeignKey fk) {
                    dropForeignKey(c.table(), fk, "not in the expected schema", cause);
                } else {
                    keyDependents(c.table(), c.constraint(), "is dropped");
                }
            } else if (change instanceof SchemaChange.ConstraintAltered c) {
                if (c.actual() instanceof ForeignKey fk) {
                    dropForeignKey(c.table(), fk, "its definition changes", cause);
                } else {
                    keyDependents(c.table(), c.actual(), "changes");
                }
            } else if (change instanceof SchemaChange.IndexDropped i) {
                uniqueIndexDependents(i.table(), i.index(), "is dropped");
            } else if (change instanceof SchemaChange.IndexAltered i) {
                uniqueIndexDependents(i.table(), i.actual(), "changes");
            } else if (change instanceof SchemaChange.ColumnDropped c) {
                columnDependents(c.table(), c.column().name(), "is dropped");
            } else if (change instanceof SchemaChange.ColumnAltered c && needsRecreation(c)) {
                columnDependents(c.table(), c.expected().name(), "is re-created");
            } else if (change instanceof SchemaChange.PersistenceChanged p) {
                persistenceDependents(p.table(), p.expectedUnlogged());
            }
        }
        cause = null;
    }

    private void keyDependents(QualifiedName table, Constraint key, String what) {
        List<String> columns = key instanceof PrimaryKey pk ? pk.columns()
                : key instanceof UniqueConstraint unique ? unique.columns() : null;
        if (columns != null) {
            Set<String> keyColumns = Set.copyOf(columns);
            dependentsOf(table, fk -> Set.copyOf(fk.referencedColumns()).equals(keyColumns),
                    "it references " + key.kind() + " " + key.name() + " on " + table + ", which " + what);
        }
    }

    private void uniqueIndexDependents(QualifiedName table, Index index, String what) {
        if (index.unique() && index.keys().stream().noneMatch(IndexKey::isExpression)) {
            Set<String> keyColumns = Set.copyOf(index.keys().stream().map(IndexKey::column).toList());
            dependentsOf(table, fk -> Set.copyOf(fk.referencedColumns()).equals(keyColumns),
                    "it may rely on unique index " + index.name() + " on " + table + ", which " + what);
        }
    }

    private void columnDependents(QualifiedName table, String column, String what) {
        dependentsOf(table, fk -> fk.referencedColumns().contains(column),
                "it references column " + table + "." + column + ", which " + what);
        actual.table(table).ifPresent(t -> t.foreignKeys().stream()
                .filter(fk -> fk.columns().contains(column))
                .forEach(fk -> dropForeignKey(table, fk, "its column " + column + " " + what)));
    }

    /**
     * PostgreSQL changes a table to logged (unlogged) only while every foreign key between it and another table
     * links it to a logged (unlogged) one. Foreign keys to a table that has the other persistence, or that
     * changes persistence too, are dropped and re-created after the change.
     */
    private void persistenceDependents(QualifiedName table, boolean unlogged) {
        String reason = "PostgreSQL does not let it link a logged and an unlogged table while " + table + " becomes "
                + (unlogged ? "unlogged" : "logged");
        for (Schema schema : actual.schemas()) {
            for (Table from : schema.tables()) {
                QualifiedName name = QualifiedName.of(schema.name(), from.name());
                for (ForeignKey fk : from.foreignKeys()) {
                    QualifiedName other = name.equals(table) ? fk.referencedTable()
                            : fk.referencedTable().equals(table) ? name : null;
                    if (other != null && !other.equals(table) && !keepsPersistence(other, unlogged)) {
                        dropForeignKey(name, fk, reason);
                    }
                }
            }
        }
    }

    /** Whether {@code table} is, and stays, unlogged (or logged) as given. */
    private boolean keepsPersistence(QualifiedName table, boolean unlogged) {
        return actual.table(table).filter(t -> t.unlogged() == unlogged).isPresent()
                && expected.table(table).filter(t -> t.unlogged() == unlogged).isPresent();
    }

    /** Drops every foreign key in the actual database that references {@code referenced} and matches {@code filter}. */
    private void dependentsOf(QualifiedName referenced, java.util.function.Predicate<ForeignKey> filter, String reason) {
        for (Schema schema : actual.schemas()) {
            for (Table table : schema.tables()) {
                QualifiedName name = QualifiedName.of(schema.name(), table.name());
                for (ForeignKey fk : table.foreignKeys()) {
                    if (fk.referencedTable().equals(referenced) && filter.test(fk)) {
                        dropForeignKey(name, fk, reason);
                    }
                }
            }
        }
    }

    private void dropForeignKey(QualifiedName table, ForeignKey fk, String reason) {
        dropForeignKey(table, fk, reason, dependent(reason));
    }

    private void dropForeignKey(QualifiedName table, ForeignKey fk, String reason, Cause why) {
        foreignKeyDrops.merge(new PartRef(table, fk.name()), new Move(reason, why),
                (a, b) -> new Move(a.reason(), stronger(a.cause(), b.cause())));
    }

    // ---- second pass: one change at a time ----

    private void planChange(SchemaChange change) {
        if (change instanceof SchemaChange.TableChange tableChange && rebuiltTables.containsKey(tableChange.table())
                && !(change instanceof SchemaChange.TableDropped) && !(change instanceof SchemaChange.TableRenamed) && !(change instanceof SchemaChange.ColumnRenamed)) {
            return; // the table is created afresh from the expected model
        }
        change.accept(new Dispatch());
    }

    /**
     * Plans each kind of change: one method per kind, so that a new kind does not compile until it is planned.
     * Some kinds are planned in another pass (see {@link #build}); their methods say where.
     */
    private final class Dispatch implements SchemaChange.Visitor<Void> {

        @Override
        public Void visit(SchemaChange.SchemaAdded added) {
            String name = added.schema().name();
            addedSchemas.put(name, cause);
            Group group = group().add(Phase.CREATE_SCHEMAS, DdlRenderer.createSchema(name), Kind.CREATE, NONE, "create schema " + name);
            if (added.schema().comment() != null) {
                group.add(Phase.COMMENTS, DdlRenderer.commentOnSchema(name, added.schema().comment()), Kind.CREATE, NONE,
                        "comment on schema " + name);
            }
            added.schema().objects().forEach(object -> planObjectAdded(name, object));
            return null;
        }

        @Override
        public Void visit(SchemaChange.SchemaDropped dropped) {
            planSchemaDrop(dropped.schema());
            return null;
        }

        @Override
        public Void visit(SchemaChange.SchemaCommentChanged c) {
            group().add(Phase.COMMENTS, DdlRenderer.commentOnSchema(c.schema(), c.expected()), Kind.ALTER, NONE,
                    "set the comment on schema " + c.schema());
            return null;
        }

        /** With every other new table, in foreign key order: {@link #planTableCreations}. */
        @Override
        public Void visit(SchemaChange.TableAdded added) {
            return null;
        }

        @Override
        public Void visit(SchemaChange.TableRenamed r) {
            QualifiedName old = QualifiedName.of(r.table().schema(), r.oldName());
            group().add(Phase.RENAME_TABLES, DdlRenderer.renameTable(old, r.table().name()), Kind.ALTER, NONE,
                    "rename table " + old + " to " + r.table().name() + " (declared renamed_from), keeping its rows");
            return null;
        }

        @Override
        public Void visit(SchemaChange.ColumnRenamed r) {
            group().add(Phase.RENAME_COLUMNS, DdlRenderer.renameColumn(r.table(), r.oldName(), r.column()), Kind.ALTER, NONE,
                    "rename column " + r.table() + "." + r.oldName() + " to " + r.column()
                            + " (declared renamed_from), keeping its values");
            return null;
        }

        @Override
        public Void visit(SchemaChange.TableDropped dropped) {
            planTableDrop(group(), dropped.table(), dropped.definition());
            return null;
        }

        @Override
        public Void visit(SchemaChange.TableCommentChanged c) {
            group().add(Phase.COMMENTS, commentOnTable(c.table(), c.expected()), Kind.ALTER, NONE,
                    "set the comment on table " + c.table());
            return null;
        }

        @Override
        public Void visit(SchemaChange.RowSecurityChanged c) {
            planRowSecurity(group(), c.table(), c.expected(), c.actual(), Kind.ALTER);
            return null;
        }

        @Override
        public Void visit(SchemaChange.PersistenceChanged p) {
            planPersistence(p.table(), p.expectedUnlogged());
            return null;
        }

        @Override
        public Void visit(SchemaChange.StorageParametersChanged p) {
            for (String action : DdlRenderer.storageParameterActions(p.expected(), p.actual())) {
                group().add(Phase.STORAGE_PARAMETERS, DdlRenderer.alterTable(p.table(), action), Kind.ALTER, NONE,
                        "storage parameters of table " + p.table() + ": " + action);
            }
            return null;
        }

        @Override
        public Void visit(SchemaChange.ReplicaIdentityChanged r) {
            planReplicaIdentity(group(), r.table(), r.expected(), Kind.ALTER);
            return null;
        }

        @Override
        public Void visit(SchemaChange.ColumnAdded c) {
            planColumnAdd(group(), c.table(), c.column(), Kind.CREATE);
            return null;
        }

        @Override
        public Void visit(SchemaChange.ColumnDropped c) {
            dataDrops.put(ObjectRef.column(c.table(), c.column().name()), group().add(isChild(actual, c.table())
                            ? Phase.DROP_CHILD_COLUMNS : Phase.DROP_COLUMNS,
                    DdlRenderer.dropColumn(c.table(), c.column().name()), Kind.DROP, DELETES,
                    "drop column " + c.table() + "." + c.column().name() + " and its data"));
            return null;
        }

        @Override
        public Void visit(SchemaChange.ColumnAltered c) {
            planColumnAlter(c);
            return null;
        }

        @Override
        public Void visit(SchemaChange.ConstraintAdded c) {
            planConstraintAdd(c.table(), c.constraint(), Kind.CREATE);
            return null;
        }

        @Override
        public Void visit(SchemaChange.ConstraintDropped c) {
            planConstraintDrop(c.table(), c.constraint(), "not in the expected schema");
            return null;
        }

        @Override
        public Void visit(SchemaChange.ConstraintAltered c) {
            planConstraintDrop(c.table(), c.actual(), "re-created with the expected definition");
            planConstraintAdd(c.table(), c.expected(), Kind.ALTER);
            return null;
        }

        @Override
        public Void visit(SchemaChange.ConstraintNotValidated c) {
            group().add(Phase.VALIDATE_CONSTRAINTS, DdlRenderer.validateConstraint(c.table(), c.constraint().name()),
                    Kind.ALTER, MAY_FAIL, "validate " + c.constraint().kind() + " " + c.constraint().name() + " on "
                            + c.table() + " (checks the rows it never checked; fails if one breaks it)");
            return null;
        }

        @Override
        public Void visit(SchemaChange.ConstraintCommentChanged c) {
            group().add(Phase.COMMENTS, DdlRenderer.commentOnConstraint(c.table(), c.constraint(), c.expected()), Kind.ALTER,
                    NONE, "set the comment on constraint " + c.constraint() + " of " + c.table());
            return null;
        }

        @Override
        public Void visit(SchemaChange.IndexStorageParametersChanged p) {
            for (String action : DdlRenderer.storageParameterActions(p.expected(), p.actual())) {
                group().add(Phase.STORAGE_PARAMETERS, DdlRenderer.alterIndex(p.table(), p.index(), action), Kind.ALTER,
                        NONE, "storage parameters of index " + p.index() + " on " + p.table() + ": " + action);
            }
            return null;
        }

        @Override
        public Void visit(SchemaChange.IndexCommentChanged c) {
            group().add(Phase.COMMENTS, DdlRenderer.commentOnIndex(c.table(), c.index(), c.expected()), Kind.ALTER, NONE,
                    "set the comment on index " + c.index() + " on " + c.table());
            return null;
        }

        @Override
        public Void visit(SchemaChange.IndexAdded i) {
            planIndexCreate(group(), i.table(), i.index(), Kind.CREATE);
            return null;
        }

        @Override
        public Void visit(SchemaChange.IndexDropped i) {
            group().add(Phase.DROP_INDEXES, DdlRenderer.dropIndex(i.table(), i.index().name()), Kind.DROP, NONE,
                    "drop index " + i.index().name() + " on " + i.table());
            return null;
        }

        @Override
        public Void visit(SchemaChange.IndexAltered i) {
            group().add(Phase.DROP_INDEXES, DdlRenderer.dropIndex(i.table(), i.actual().name()), Kind.DROP, NONE,
                    "drop index " + i.actual().name() + " on " + i.table() + " (re-created with the expected definition)");
            planIndexCreate(group(), i.table(), i.expected(), Kind.ALTER);
            return null;
        }

        @Override
        public Void visit(SchemaChange.PolicyAdded p) {
            group().add(Phase.POLICIES, DdlRenderer.createPolicy(p.table(), p.policy()), Kind.CREATE, NONE,
                    "create policy " + p.policy().name() + " on " + p.table());
            return null;
        }

        @Override
        public Void visit(SchemaChange.PolicyDropped p) {
            group().add(Phase.DROP_POLICIES, DdlRenderer.dropPolicy(p.table(), p.policy().name()), Kind.DROP, NONE,
                    "drop policy " + p.policy().name() + " on " + p.table());
            return null;
        }

        @Override
        public Void visit(SchemaChange.PolicyAltered p) {
            // a policy on a column that changes type is dropped and re-created instead (see planDependents)
            unlessRecreated(policyRef(p.table(), p.expected().name()), () -> planPolicyAlter(p.table(), p.expected(), p.actual()));
            return null;
        }

        @Override
        public Void visit(SchemaChange.ForeignDataWrapperAdded change) {
            planForeignData(change);
            return null;
        }

        @Override
        public Void visit(SchemaChange.ForeignDataWrapperDropped change) {
            planForeignData(change);
            return null;
        }

        @Override
        public Void visit(SchemaChange.ForeignDataWrapperAltered change) {
            planForeignData(change);
            return null;
        }

        @Override
        public Void visit(SchemaChange.ForeignServerAdded change) {
            planForeignData(change);
            return null;
        }

        @Override
        public Void visit(SchemaChange.ForeignServerDropped change) {
            planForeignData(change);
            return null;
        }

        @Override
        public Void visit(SchemaChange.ForeignServerAltered change) {
            planForeignData(change);
            return null;
        }

        @Override
        public Void visit(SchemaChange.ForeignTableChanged change) {
            planForeignData(change);
            return null;
        }

        @Override
        public Void visit(SchemaChange.PublicationAdded p) {
            Group group = group().add(Phase.PUBLICATIONS, DdlPublications.create(p.publication()), Kind.CREATE, NONE,
                    "create publication " + p.publication().name());
            if (p.publication().comment() != null) {
                group.add(Phase.COMMENTS, DdlPublications.comment(p.publication()), Kind.CREATE, NONE,
                        "comment on publication " + p.publication().name());
            }
            return null;
        }

        @Override
        public Void visit(SchemaChange.PublicationDropped p) {
            group().add(Phase.DROP_DEPENDENTS, DdlPublications.drop(p.publication()), Kind.DROP, STOPS_REPLICATION,
                    "drop publication " + p.publication().name() + " (its subscribers stop receiving changes)");
            return null;
        }

        @Override
        public Void visit(SchemaChange.PublicationAltered p) {
            planPublicationAlter(p.expected(), p.actual());
            return null;
        }

        @Override
        public Void visit(SchemaChange.CastAdded c) {
            planCastCreate(group(), c.cast(), Kind.CREATE);
            return null;
        }

        @Override
        public Void visit(SchemaChange.CastDropped c) {
            group().add(Phase.DROP_CASTS, DdlAggregates.dropCast(c.cast()), Kind.DROP, NONE, "drop cast " + c.cast().sql());
            handledCasts.add(c.cast());
            return null;
        }

        @Override
        public Void visit(SchemaChange.CastAltered c) {
            planCastAlter(c.expected(), c.actual());
            return null;
        }

        @Override
        public Void visit(SchemaChange.ExtensionAdded e) {
            group().add(Phase.CREATE_EXTENSIONS, DdlObjects.createExtension(e.extension()), Kind.CREATE, NONE,
                    "create extension " + e.extension().name());
            return null;
        }

        @Override
        public Void visit(SchemaChange.ExtensionDropped e) {
            group().add(Phase.DROP_EXTENSIONS, DdlObjects.dropExtension(e.extension()), Kind.DROP, NONE,
                    "drop extension " + e.extension().name() + " (fails while objects still use it)");
            return null;
        }

        @Override
        public Void visit(SchemaChange.ExtensionAltered e) {
            planExtensionAlter(e.expected(), e.actual());
            return null;
        }

        @Override
        public Void visit(SchemaChange.ObjectAdded o) {
            planObjectAdded(o.schema(), o.object());
            return null;
        }

        @Override
        public Void visit(SchemaChange.ObjectDropped o) {
            planObjectDropped(o.schema(), o.object());
            return null;
        }

        @Override
        public Void visit(SchemaChange.ObjectAltered o) {
            planObjectAltered(o.schema(), o.expected(), o.actual());
            return null;
        }

        /** Text search objects are planned all together once the drops of tables and columns are known: {@link #planTextSearch}. */
        @Override
        public Void visit(SchemaChange.TextSearchDictionaryAdded change) {
            return null;
        }

        /** See {@link #planTextSearch}. */
        @Override
        public Void visit(SchemaChange.TextSearchDictionaryDropped change) {
            return null;
        }

        /** See {@link #planTextSearch}. */
        @Override
        public Void visit(SchemaChange.TextSearchDictionaryAltered change) {
            return null;
        }

        /** See {@link #planTextSearch}. */
        @Override
        public Void visit(SchemaChange.TextSearchConfigurationAdded change) {
            return null;
        }

        /** See {@link #planTextSearch}. */
        @Override
        public Void visit(SchemaChange.TextSearchConfigurationDropped change) {
            return null;
        }

        /** See {@link #planTextSearch}. */
        @Override
        public Void visit(SchemaChange.TextSearchConfigurationAltered change) {
            return null;
        }

        @Override
        public Void visit(SchemaChange.TriggerAdded t) {
            ObjectRef ref = triggerRef(t.table(), t.trigger().name());
            create(ref, cause);
            newObjects.add(ref);
            return null;
        }

        @Override
        public Void visit(SchemaChange.TriggerDropped t) {
            dropDependent(triggerRef(t.table(), t.trigger().name()), "not in the expected schema", cause);
            return null;
        }

        @Override
        public Void visit(SchemaChange.TriggerAltered t) {
            planTriggerAlter(t.table(), t.expected(), t.actual());
            return null;
        }

        @Override
        public Void visit(SchemaChange.RuleAdded r) {
            ObjectRef ref = ruleRef(r.table(), r.rule().name());
            create(ref, cause);
            newObjects.add(ref);
            return null;
        }

        @Override
        public Void visit(SchemaChange.RuleDropped r) {
            dropDependent(ruleRef(r.table(), r.rule().name()), "not in the expected schema", cause);
            return null;
        }

        @Override
        public Void visit(SchemaChange.RuleAltered r) {
            planRuleAlter(r.table(), r.expected(), r.actual());
            return null;
        }

        /** A new partitioning is a table rebuild, collected in the first pass: {@link #collectTableLevelChanges}. */
        @Override
        public Void visit(SchemaChange.PartitioningChanged p) {
            return null;
        }

        @Override
        public Void visit(SchemaChange.PartitionBoundChanged p) {
            planPartitionBound(p.table(), p.expected(), p.actual());
            return null;
        }

        @Override
        public Void visit(SchemaChange.InheritanceChanged i) {
            planInheritance(i.table(), i.expected(), i.actual());
            return null;
        }

        /** Grants are planned last, once every object exists: {@link #planGrants}. */
        @Override
        public Void visit(SchemaChange.GrantAdded g) {
            return null;
        }

        /** See {@link #planGrants}. */
        @Override
        public Void visit(SchemaChange.GrantDropped g) {
            return null;
        }

        /** See {@link #planGrants}. */
        @Override
        public Void visit(SchemaChange.GrantOptionChanged g) {
            return null;
        }
    }

    /**
     * A publication changed member by member, so that tables it publishes outside the compared schemas are never
     * touched; FOR ALL TABLES, which cannot be altered, is dropped and created again.
     */
    private void planPublicationAlter(Publication want, Publication have) {
        String name = "publication " + want.name();
        if (want.allTables() != have.allTables()) {
            group().add(Phase.DROP_DEPENDENTS, DdlPublications.drop(have), Kind.DROP, STOPS_REPLICATION,
                            "drop " + name + " to create it " + (want.allTables() ? "FOR ALL TABLES" : "for its tables"))
                    .add(Phase.PUBLICATIONS, DdlPublications.create(want), Kind.ALTER, NONE, "create " + name + " again");
            return;
        }
        Map<QualifiedName, Publication.Table> wantTables = new TreeMap<>();
        want.tables().forEach(t -> wantTables.put(t.table(), t));
        Map<QualifiedName, Publication.Table> haveTables = new TreeMap<>();
        have.tables().forEach(t -> haveTables.put(t.table(), t));
        for (Publication.Table table : haveTables.values()) {
            Publication.Table wanted = wantTables.get(table.table());
            if (wanted == null) {
                group().add(Phase.DROP_DEPENDENTS, DdlPublications.dropTable(have, table), Kind.DROP, STOPS_REPLICATION,
                        "stop publishing table " + table.table() + " in " + name);
            } else if (!Publications.sameMember(wanted, table)) {
                group().add(Phase.DROP_DEPENDENTS, DdlPublications.dropTable(have, table), Kind.ALTER, NONE,
                                "stop publishing table " + table.table() + " in " + name + " to publish it with other columns or rows")
                        .add(Phase.PUBLICATIONS, DdlPublications.addTable(want, wanted), Kind.ALTER, NONE,
                                "publish table " + table.table() + " in " + name + " with the expected columns and rows");
            }
        }
        for (Publication.Table table : wantTables.values()) {
            if (!haveTables.containsKey(table.table())) {
                group().add(Phase.PUBLICATIONS, DdlPublications.addTable(want, table), Kind.ALTER, NONE,
                        "publish table " + table.table() + " in " + name);
            }
        }
        for (String schema : have.schemas()) {
            if (!want.schemas().contains(schema)) {
                group().add(Phase.DROP_DEPENDENTS, DdlPublications.dropSchema(have, schema), Kind.DROP, STOPS_REPLICATION,
                        "stop publishing the tables of schema " + schema + " in " + name);
            }
        }
        for (String schema : want.schemas()) {
            if (!have.schemas().contains(schema)) {
                group().add(Phase.PUBLICATIONS, DdlPublications.addSchema(want, schema), Kind.ALTER, NONE,
                        "publish the tables of schema " + schema + " in " + name);
            }
        }
        if (!want.publish().equals(have.publish()) || want.viaPartitionRoot() != have.viaPartitionRoot()) {
            boolean fewer = !want.publish().containsAll(have.publish());
            group().add(Phase.PUBLICATIONS, DdlPublications.setOptions(want), Kind.ALTER, fewer ? STOPS_REPLICATION : NONE,
                    "publish " + want.publish() + (want.viaPartitionRoot() ? " via the partition root" : "") + " in " + name);
        }
        if (!Objects.equals(want.comment(), have.comment())) {
            group().add(Phase.COMMENTS, DdlPublications.comment(want), Kind.ALTER, NONE, "set the comment on " + name);
        }
    }

    // ---- foreign-data wrappers, servers and foreign tables ----

    /** {@code DROP TABLE}, or {@code DROP FOREIGN TABLE} for a foreign table of the actual database. */
    private String dropTable(QualifiedName name) {
        return isForeignTable(name) ? DdlForeignData.dropForeignTable(name) : DdlRenderer.dropTable(name);
    }

    /** {@code COMMENT ON TABLE}, or {@code COMMENT ON FOREIGN TABLE} for a foreign table of the expected database. */
    private String commentOnTable(QualifiedName name, String comment) {
        return expected.table(name).map(Table::isForeign).orElse(false)
                ? DdlForeignData.commentOnForeignTable(name, comment) : DdlRenderer.commentOnTable(name, comment);
    }

    /** Whether the actual table {@code name} is a foreign table (dropped as one; its column types change without USING). */
    private boolean isForeignTable(QualifiedName name) {
        return actual.table(name).map(Table::isForeign).orElse(false);
    }

    /** The foreign tables of {@code database} on server {@code server}. */
    private static List<QualifiedName> foreignTablesOn(Database database, String server) {
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

    /**
     * Dropping a server or wrapper deletes nothing itself, but it can only run once the foreign tables on it are
     * dropped, which are held back without drops allowed: then so is the server (or wrapper) drop.
     */
    private Set<Hazard> serverDropHazards(String server) {
        return foreignTablesOn(actual, server).isEmpty() ? NONE : DELETES;
    }

    private Set<Hazard> wrapperDropHazards(String wrapper) {
        return actual.foreignServers().stream().filter(s -> s.wrapper().equals(wrapper))
                .anyMatch(s -> !serverDropHazards(s.name()).isEmpty()) ? DELETES : NONE;
    }

    private void planForeignData(SchemaChange change) {
        if (change instanceof SchemaChange.ForeignDataWrapperAdded w) {
            Group group = group().add(Phase.CREATE_FOREIGN_DATA_WRAPPERS, DdlForeignData.createWrapper(w.wrapper()),
                    Kind.CREATE, NONE, "create foreign-data wrapper " + w.wrapper().name());
            if (w.wrapper().comment() != null) {
                group.add(Phase.COMMENTS, DdlForeignData.commentOnWrapper(w.wrapper()), Kind.CREATE, NONE,
                        "comment on foreign-data wrapper " + w.wrapper().name());
            }
        } else if (change instanceof SchemaChange.ForeignDataWrapperDropped w) {
            group().add(Phase.DROP_FOREIGN_DATA_WRAPPERS, DdlForeignData.dropWrapper(w.wrapper()), Kind.DROP,
                    wrapperDropHazards(w.wrapper().name()), "drop foreign-data wrapper " + w.wrapper().name()
                            + " (fails while servers schemaguard does not see use it)");
        } else if (change instanceof SchemaChange.ForeignDataWrapperAltered w) {
            String alter = DdlForeignData.alterWrapper(w.expected(), w.actual());
            if (alter != null) {
                group().add(Phase.CREATE_FOREIGN_DATA_WRAPPERS, alter, Kind.ALTER, NONE,
                        "alter foreign-data wrapper " + w.expected().name());
            }
            if (!Objects.equals(w.expected().comment(), w.actual().comment())) {
                group().add(Phase.COMMENTS, DdlForeignData.commentOnWrapper(w.expected()), Kind.ALTER, NONE,
                        "set the comment on foreign-data wrapper " + w.expected().name());
            }
        } else if (change instanceof SchemaChange.ForeignServerAdded s) {
            planServerCreate(group(), s.server(), Kind.CREATE);
        } else if (change instanceof SchemaChange.ForeignServerDropped s) {
            group().add(Phase.DROP_SERVERS, DdlForeignData.dropServer(s.server()), Kind.DROP,
                    serverDropHazards(s.server().name()), "drop server " + s.server().name()
                            + " (fails while user mappings for it exist: schemaguard does not model them)");
        } else if (change instanceof SchemaChange.ForeignServerAltered s) {
            if (s.needsRecreation()) {
                Group group = group().add(Phase.DROP_SERVERS, DdlForeignData.dropServer(s.actual()), Kind.DROP,
                        serverDropHazards(s.actual().name()), "drop server " + s.actual().name()
                                + " to create it with another wrapper or type (its foreign tables are re-created)");
                planServerCreate(group, s.expected(), Kind.ALTER);
                return;
            }
            String alter = DdlForeignData.alterServer(s.expected(), s.actual());
            if (alter != null) {
                group().add(Phase.CREATE_SERVERS, alter, Kind.ALTER, NONE, "alter server " + s.expected().name());
            }
            if (!Objects.equals(s.expected().comment(), s.actual().comment())) {
                group().add(Phase.COMMENTS, DdlForeignData.commentOnServer(s.expected()), Kind.ALTER, NONE,
                        "set the comment on server " + s.expected().name());
            }
        } else if (change instanceof SchemaChange.ForeignTableChanged f) {
            planForeignTableOptions(f);
        }
    }

    private void planServerCreate(Group group, dev.schemaguard.model.ForeignServer server, Kind kind) {
        group.add(Phase.CREATE_SERVERS, DdlForeignData.createServer(server), kind, NONE, "create server " + server.name());
        if (server.comment() != null) {
            group.add(Phase.COMMENTS, DdlForeignData.commentOnServer(server), kind, NONE, "comment on server " + server.name());
        }
    }

    /** Options of a foreign table that stays on its server, and of its columns that stay (dropped ones go with them). */
    private void planForeignTableOptions(SchemaChange.ForeignTableChanged f) {
        String table = DdlForeignData.alterTableOptions(f.table(), f.expected().options(), f.actual().options());
        if (table != null) {
            group().add(Phase.FOREIGN_TABLE_OPTIONS, table, Kind.ALTER, NONE, "set the options of foreign table " + f.table());
        }
        java.util.TreeSet<String> columns = new java.util.TreeSet<>(f.expected().columnOptions().keySet());
        columns.addAll(f.actual().columnOptions().keySet());
        columns.removeIf(column -> droppedColumns.contains(new PartRef(f.table(), column)));
        String columnOptions = DdlForeignData.alterColumnOptions(f.table(), f.expected(), f.actual(), List.copyOf(columns));
        if (columnOptions != null) {
            group().add(Phase.FOREIGN_TABLE_OPTIONS, columnOptions, Kind.ALTER, NONE,
                    "set the options of the columns of foreign table " + f.table());
        }
    }

    /** {@code REPLICA IDENTITY ...}, after the index it may name exists. */
    private void planReplicaIdentity(Group group, QualifiedName table, ReplicaIdentity identity, Kind kind) {
        group.add(Phase.REPLICA_IDENTITY, DdlRenderer.replicaIdentity(table, identity), kind, NONE,
                "replica identity of table " + table + ": " + identity.sql());
    }

    private void planSchemaDrop(Schema schema) {
        Group group = group();
        for (Table table : schema.tables()) {
            planTableDrop(group, QualifiedName.of(schema.name(), table.name()), table);
        }
        schema.objects().forEach(object -> planObjectDropped(schema.name(), object));
        group.add(Phase.DROP_SCHEMAS, DdlRenderer.dropSchema(schema.name()), Kind.DROP, NONE,
                "drop schema " + schema.name() + " (fails if it holds objects schemaguard does not model)");
    }

    /** A table without parents now; a partition or inheritance child once all drops are known (planChildTableDrops). */
    private void planTableDrop(Group group, QualifiedName name, Table table) {
        dataDrops.put(tableRef(name), group);
        if (table.parents().isEmpty()) {
            group.add(Phase.DROP_TABLES, dropTable(name), Kind.DROP, DELETES, "drop table " + name + " and its rows");
        } else {
            childTableDrops.put(name, group);
        }
    }

    /**
     * Partitions and inheritance children are dropped before the tables without parents, the deepest first: a
     * table that others inherit from cannot be dropped before them, and a dropped sub-partitioned partition takes
     * its own partitions with it.
     */
    private void planChildTableDrops() {
        Map<QualifiedName, Integer> depths = new HashMap<>();
        childTableDrops.keySet().stream()
                .sorted(Comparator.comparing((QualifiedName name) -> -depth(name, depths, new HashSet<>()))
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(name -> childTableDrops.get(name).add(Phase.DROP_PARTITIONS, dropTable(name), Kind.DROP,
                        DELETES, "drop table " + name + " and its rows"));
    }

    /** How many levels of parents the table has in the actual database. */
    private int depth(QualifiedName table, Map<QualifiedName, Integer> depths, Set<QualifiedName> visiting) {
        Integer known = depths.get(table);
        if (known != null) {
            return known;
        }
        int depth = 0;
        if (visiting.add(table)) {
            for (QualifiedName parent : actual.table(table).map(Table::parents).orElse(List.of())) {
                depth = Math.max(depth, 1 + depth(parent, depths, visiting));
            }
        }
        depths.put(table, depth);
        return depth;
    }

    private void planRowSecurity(Group group, QualifiedName table, RowSecurity want, RowSecurity have, Kind kind) {
        if (want.enabled() != have.enabled()) {
            group.add(Phase.ROW_SECURITY, DdlRenderer.alterTable(table, (want.enabled() ? "ENABLE" : "DISABLE") + " ROW LEVEL SECURITY"),
                    kind, NONE, (want.enabled() ? "enable" : "disable") + " row level security on " + table);
        }
        if (want.forced() != have.forced()) {
            group.add(Phase.ROW_SECURITY, DdlRenderer.alterTable(table, (want.forced() ? "FORCE" : "NO FORCE") + " ROW LEVEL SECURITY"),
                    kind, NONE, (want.forced() ? "force" : "stop forcing") + " row level security on " + table);
        }
    }

    /** SET LOGGED and SET UNLOGGED both rewrite the table; an unlogged one also takes its serial and identity sequences along. */
    private void planPersistence(QualifiedName table, boolean unlogged) {
        String description = unlogged
                ? "make table " + table + " unlogged (rewrites it; PostgreSQL then empties it after a crash and does not replicate it)"
                : "make table " + table + " logged (rewrites it into the write-ahead log)";
        group().add(Phase.TABLE_PERSISTENCE, DdlRenderer.alterTable(table, unlogged ? "SET UNLOGGED" : "SET LOGGED"), Kind.ALTER,
                REWRITES, description);
    }

    private void planColumnAdd(Group group, QualifiedName table, Column column, Kind kind) {
        Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
        boolean filledByDatabase = column.identity() != null || column.type().isSerial() || column.generatedExpression() != null;
        if (!column.nullable() && column.defaultExpression() == null && !filledByDatabase) {
            hazards.add(Hazard.MAY_FAIL_ON_EXISTING_ROWS);
        }
        if (filledByDatabase) {
            hazards.add(Hazard.REWRITES_TABLE);
        }
        String name = table + "." + column.name();
        group.add(Phase.ADD_COLUMNS, DdlRenderer.addColumn(table, column), kind, hazards, "add column " + name);
        planColumnStorage(group, table, column, column.storage() != null, column.compression() != null, kind);
        if (column.comment() != null) {
            group.add(Phase.COMMENTS, DdlRenderer.commentOnColumn(table, column.name(), column.comment()), kind, NONE,
                    "comment on column " + name);
        }
    }

    private void planConstraintAdd(QualifiedName table, Constraint constraint, Kind kind) {
        if (constraint instanceof ForeignKey) {
            addForeignKey(new PartRef(table, constraint.name()), kind, cause);
            return;
        }
        group().add(Phase.ADD_CONSTRAINTS, DdlRenderer.addConstraint(table, constraint), kind, MAY_FAIL,
                "add " + constraint.kind() + " " + constraint.name() + " on " + table);
        createdConstraint(new PartRef(table, constraint.name()), cause);
    }

    /** COMMENT ON CONSTRAINT for every constraint the plan adds and the expected schema comments on. */
    private void planConstraintComments() {
        foreignKeyAdds.forEach((ref, add) -> createdConstraint(ref, add.cause()));
        for (Map.Entry<PartRef, Cause> created : createdConstraints.entrySet()) {
            PartRef ref = created.getKey();
            cause = created.getValue();
            String comment = expected.table(ref.table()).map(t -> t.constraintComment(ref.name())).orElse(null);
            if (comment != null) {
                group().add(Phase.COMMENTS, DdlRenderer.commentOnConstraint(ref.table(), ref.name(), comment), Kind.CREATE,
                        NONE, "comment on constraint " + ref.name() + " of " + ref.table());
            }
        }
        cause = null;
    }

    private void planConstraintDrop(QualifiedName table, Constraint constraint, String why) {
        if (constraint instanceof ForeignKey) {
            return; // collected in collectForeignKeyDrops()
        }
        boolean keptFromParent = actual.table(table).map(t -> t.constraint(constraint.name()).isEmpty()).orElse(false);
        if (keptFromParent && droppedFromParent(table, constraint.name())) {
            return; // the parent's DROP CONSTRAINT, planned before the detach, removes the inherited copy too
        }
        group().add(keptFromParent ? Phase.DROP_DETACHED_CHECKS : Phase.DROP_CONSTRAINTS,
                DdlRenderer.dropConstraint(table, constraint.name()), Kind.DROP, NONE,
                "drop " + constraint.kind() + " " + constraint.name() + " on " + table + " (" + why + ")");
    }

    /** Whether a parent the table inherits {@code constraint} from drops it in this plan. */
    private boolean droppedFromParent(QualifiedName table, String constraint) {
        return actual.table(table).map(Table::parents).orElse(List.of()).stream().anyMatch(parent ->
                actual.table(parent).flatMap(t -> t.constraint(constraint)).isPresent()
                        && expected.table(parent).flatMap(t -> t.constraint(constraint)).isEmpty()
                        && !tablesToDrop.contains(parent));
    }

    private void planIndexCreate(Group group, QualifiedName table, Index index, Kind kind) {
        group.add(Phase.CREATE_INDEXES, DdlRenderer.createIndex(table, index), kind, index.unique() ? MAY_FAIL : NONE,
                "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table);
        if (index.comment() != null) {
            group.add(Phase.COMMENTS, DdlRenderer.commentOnIndex(table, index.name(), index.comment()), kind, NONE,
                    "comment on index " + index.name() + " on " + table);
        }
        expected.table(table).map(Table::replicaIdentity)
                .filter(identity -> index.name().equals(identity.index()) && kind == Kind.ALTER)
                .ifPresent(identity -> planReplicaIdentity(group, table, identity, Kind.ALTER));
    }

    private void planPolicyAlter(QualifiedName table, Policy want, Policy have) {
        boolean alterable = want.permissive() == have.permissive() && want.command() == have.command()
                && (want.using() != null || have.using() == null)
                && (want.withCheck() != null || have.withCheck() == null);
        String name = "policy " + want.name() + " on " + table;
        if (alterable) {
            group().add(Phase.POLICIES, DdlRenderer.alterPolicy(table, want), Kind.ALTER, NONE, "alter " + name);
        } else {
            group().add(Phase.DROP_POLICIES, DdlRenderer.dropPolicy(table, have.name()), Kind.DROP, NONE,
                    "drop " + name + " (re-created with the expected definition)")
                    .add(Phase.POLICIES, DdlRenderer.createPolicy(table, want), Kind.ALTER, NONE, "re-create " + name);
        }
    }

    // ---- columns ----

    /** A generated column whose expression is added or changed: PostgreSQL 13-16 can only drop and re-add it. */
    private static boolean needsRecreation(SchemaChange.ColumnAltered change) {
        return change.aspects().contains(ColumnAspect.GENERATED) && change.expected().generatedExpression() != null;
    }

    private void planColumnAlter(SchemaChange.ColumnAltered change) {
        QualifiedName table = change.table();
        SerialColumns serials = SerialColumns.between(expected, actual, table.schema());
        Column want = serials.comparable(table, change.expected());
        Column have = serials.comparable(table, change.actual());
        Set<ColumnAspect> aspects = change.aspects();
        if (needsRecreation(change)) {
            planColumnRecreation(group(), table, want, "with the expected generation expression");
            return;
        }
        String column = want.name();
        String name = table + "." + column;
        Group steps = group();
        if (aspects.contains(ColumnAspect.GENERATED)) {
            steps.add(Phase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, column, "DROP EXPRESSION"), Kind.ALTER, NONE,
                    "make " + name + " a plain column (keeps the stored values)");
        }
        boolean retype = (aspects.contains(ColumnAspect.TYPE) && !want.type().storageType().sameTypeAs(have.type().storageType()))
                || aspects.contains(ColumnAspect.COLLATION);
        Set<Hazard> typeHazards = typeChangeHazards(have, want, aspects);
        // a child's default and NOT NULL after its parents' (which recurse), unless its type changes too
        Phase alter = isChild(expected, table) && !retype ? Phase.ALTER_CHILD_COLUMNS : Phase.ALTER_COLUMNS;
        boolean retypeApplied = retype && (options.allowDrops() || !typeHazards.contains(Hazard.DELETES_DATA));
        boolean dropDefault = have.defaultExpression() != null && (aspects.contains(ColumnAspect.DEFAULT) || retypeApplied);
        boolean serialToPlain = have.type().isSerial() && !want.type().isSerial();
        boolean plainToSerial = !have.type().isSerial() && want.type().isSerial();
        QualifiedName sequence = QualifiedName.of(table.schema(), SerialColumns.sequenceName(table, want));
        if (dropDefault || serialToPlain) {
            steps.add(alter, DdlRenderer.alterColumn(table, column, "DROP DEFAULT"), Kind.ALTER, NONE,
                    "drop the default of " + name + (dropDefault && want.defaultExpression() != null ? " (set again below)" : ""));
        }
        if (serialToPlain) {
            steps.add(Phase.ALTER_COLUMNS, "DROP SEQUENCE IF EXISTS " + sequence.sql(), Kind.DROP, NONE,
                    "drop sequence " + sequence + ", which numbered serial column " + name);
        }
        if (aspects.contains(ColumnAspect.IDENTITY) && have.identity() != null && want.identity() == null) {
            steps.add(Phase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, column, "DROP IDENTITY"), Kind.ALTER, NONE,
                    "make " + name + " a plain column instead of an identity");
        }
        if (retype) {
            planRetype(table, want, have, typeHazards, sequence);
        }
        if (aspects.contains(ColumnAspect.NULLABILITY)) {
            if (want.nullable()) {
                steps.add(alter, DdlRenderer.alterColumn(table, column, "DROP NOT NULL"), Kind.ALTER, NONE,
                        "allow nulls in " + name);
            } else {
                steps.add(alter, DdlRenderer.alterColumn(table, column, "SET NOT NULL"), Kind.ALTER, MAY_FAIL,
                        "forbid nulls in " + name + " (fails if a row holds null)");
            }
        }
        if (want.defaultExpression() != null && (dropDefault || aspects.contains(ColumnAspect.DEFAULT))) {
            steps.add(alter, DdlRenderer.alterColumn(table, column, "SET DEFAULT " + want.defaultExpression()),
                    Kind.ALTER, NONE, "set the default of " + name);
        }
        if (plainToSerial) {
            planSerialSequence(steps, table, want, sequence);
        }
        if (!want.type().isSerial() && !have.type().isSerial()) {
            planChildOverrides(steps, table, want, aspects);
        }
        if (aspects.contains(ColumnAspect.IDENTITY) && want.identity() != null) {
            planIdentity(steps, table, want, have);
        }
        if (aspects.contains(ColumnAspect.COMMENT)) {
            steps.add(Phase.COMMENTS, DdlRenderer.commentOnColumn(table, column, want.comment()), Kind.ALTER, NONE,
                    "set the comment on column " + name);
        }
        // a type change gives the column its new type's storage and the default compression
        planColumnStorage(steps, table, want, aspects.contains(ColumnAspect.STORAGE) || (retype && want.storage() != null),
                aspects.contains(ColumnAspect.COMPRESSION) || (retype && want.compression() != null), Kind.ALTER);
    }

    /** SET STORAGE and SET COMPRESSION of a column, after its type is final (they change no stored value). */
    private void planColumnStorage(Group steps, QualifiedName table, Column want, boolean storage, boolean compression,
                                   Kind kind) {
        String name = table + "." + want.name();
        if (storage) {
            Column.Storage word = want.storage() != null ? want.storage() : TypeStorage.of(want.type(), expected).orElse(null);
            steps.add(Phase.STORAGE_PARAMETERS, DdlRenderer.alterColumn(table, want.name(), "SET STORAGE "
                            + (word != null ? word.sql() : "DEFAULT")), kind, NONE,
                    want.storage() != null ? "store " + name + " " + word.sql() + " (applies to values written from now on)"
                            : "store " + name + " as its type does" + (word != null ? "" : " (SET STORAGE DEFAULT needs PostgreSQL 16)"));
        }
        if (compression) {
            steps.add(Phase.STORAGE_PARAMETERS, DdlRenderer.alterColumn(table, want.name(), "SET COMPRESSION "
                            + (want.compression() != null ? want.compression().sql() : "DEFAULT")), kind, NONE,
                    "compress " + name + " with " + (want.compression() != null ? want.compression().sql()
                            : "the server's default_toast_compression") + " (applies to values written from now on)");
        }
    }

    /**
     * A parent's SET DEFAULT, DROP DEFAULT and DROP NOT NULL reach its children too (ALTER TABLE recurses): what a
     * child that stays its child sets itself on the column is set again afterwards, unless the diff changes it.
     */
    private void planChildOverrides(Group steps, QualifiedName parent, Column want, Set<ColumnAspect> aspects) {
        for (Schema schema : expected.schemas()) {
            for (Table child : schema.tables()) {
                if (!child.parents().contains(parent)) {
                    continue;
                }
                QualifiedName name = QualifiedName.of(schema.name(), child.name());
                Column own = child.column(want.name()).orElse(null);
                boolean staysChild = actual.table(name).map(t -> t.parents().contains(parent)).orElse(false);
                if (own == null || !staysChild || alteredColumns.contains(new PartRef(name, own.name()))) {
                    continue;
                }
                String column = name + "." + own.name();
                if (aspects.contains(ColumnAspect.DEFAULT) && !Expressions.equivalent(own.defaultExpression(), want.defaultExpression())) {
                    steps.add(Phase.ALTER_CHILD_COLUMNS, DdlRenderer.alterColumn(name, own.name(),
                                    own.defaultExpression() == null ? "DROP DEFAULT" : "SET DEFAULT " + own.defaultExpression()),
                            Kind.ALTER, NONE, "keep the own default of " + column + " after its parent's changes");
                }
                if (aspects.contains(ColumnAspect.NULLABILITY) && want.nullable() && !own.nullable()) {
                    steps.add(Phase.ALTER_CHILD_COLUMNS, DdlRenderer.alterColumn(name, own.name(), "SET NOT NULL"),
                            Kind.ALTER, NONE, "keep " + column + " NOT NULL after its parent allows nulls");
                }
            }
        }
    }

    private static Set<Hazard> typeChangeHazards(Column have, Column want, Set<ColumnAspect> aspects) {
        if (!aspects.contains(ColumnAspect.TYPE)) {
            return NONE; // a collation change keeps every value and only rebuilds indexes
        }
        if (!DdlTypeChanges.isWidening(have.type(), want.type())) {
            return EnumSet.of(Hazard.DELETES_DATA, Hazard.MAY_FAIL_ON_EXISTING_ROWS, Hazard.REWRITES_TABLE);
        }
        return DdlTypeChanges.isCoercibleWithoutRewrite(have.type(), want.type()) ? NONE : REWRITES;
    }

    /** The type (and collation) change in a group of its own, so that a skipped narrowing leaves the rest intact. */
    private void planRetype(QualifiedName table, Column want, Column have, Set<Hazard> hazards, QualifiedName sequence) {
        String column = Identifiers.quote(want.name());
        String type = want.type().storageType().sql();
        String collate = want.collation() != null ? " COLLATE " + Identifiers.collation(want.collation())
                : have.collation() != null ? " COLLATE \"default\"" : "";
        String name = table + "." + want.name();
        boolean foreign = isForeignTable(table);
        if (foreign) {
            hazards = NONE; // a foreign table stores no rows to convert, and takes no USING
        }
        String description = (hazards.contains(Hazard.DELETES_DATA)
                ? "change the type of " + name + " from " + have.type().sql() + " to " + type + " (may lose or reject values)"
                : "change the type of " + name + " from " + have.type().sql() + " to " + type + collate);
        Group group = group().add(Phase.ALTER_COLUMNS,
                DdlRenderer.alterColumn(table, want.name(), "TYPE " + type + collate + (foreign ? "" : " USING "
                        + DdlTypeChanges.conversion(column, have.type(), want.type()))),
                Kind.ALTER, hazards, description);
        if (want.type().isSerial() && have.type().isSerial()) {
            group.add(Phase.ALTER_COLUMNS, "ALTER SEQUENCE " + sequence.sql() + " AS " + type, Kind.ALTER, NONE,
                    "change the type of sequence " + sequence + " to match " + name);
        }
    }

    /** integer to serial: a sequence owned by the column, started after the largest existing value. */
    private void planSerialSequence(Group steps, QualifiedName table, Column want, QualifiedName sequence) {
        String column = Identifiers.quote(want.name());
        String name = table + "." + want.name();
        steps.add(Phase.ALTER_COLUMNS, "CREATE SEQUENCE IF NOT EXISTS " + sequence.sql() + " AS " + want.type().storageType().sql()
                        + " OWNED BY " + table.sql() + "." + column, Kind.ALTER, NONE,
                "create sequence " + sequence + " for serial column " + name);
        steps.add(Phase.ALTER_COLUMNS, "SELECT setval(" + Identifiers.literal(sequence.sql()) + ", coalesce(max(" + column
                        + "), 0) + 1, false) FROM " + table.sql(), Kind.ALTER, NONE,
                "start sequence " + sequence + " after the largest value in " + name);
        steps.add(Phase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, want.name(),
                        "SET DEFAULT nextval(" + Identifiers.literal(sequence.sql()) + "::regclass)"), Kind.ALTER, NONE,
                "number new rows of " + name + " from sequence " + sequence);
    }

    private void planIdentity(Group steps, QualifiedName table, Column want, Column have) {
        String name = table + "." + want.name();
        Identity identity = want.identity();
        if (have.identity() == null) {
            steps.add(Phase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, want.name(), "ADD " + DdlRenderer.identityClause(identity)),
                    Kind.ALTER, NONE, "make " + name + " an identity column (numbering starts afresh; existing values are kept)");
            return;
        }
        List<String> changes = new ArrayList<>();
        if (identity.generation() != have.identity().generation()) {
            changes.add("SET GENERATED " + identity.generation().sql());
        }
        SequenceOptions a = identity.sequence().normalizedFor(want.type());
        SequenceOptions b = have.identity().sequence().normalizedFor(have.type());
        if (!Objects.equals(a.increment(), b.increment())) {
            changes.add("SET INCREMENT BY " + a.effectiveIncrement());
        }
        if (!Objects.equals(a.minValue(), b.minValue())) {
            changes.add(a.minValue() == null ? "SET NO MINVALUE" : "SET MINVALUE " + a.minValue());
        }
        if (!Objects.equals(a.maxValue(), b.maxValue())) {
            changes.add(a.maxValue() == null ? "SET NO MAXVALUE" : "SET MAXVALUE " + a.maxValue());
        }
        if (!Objects.equals(a.start(), b.start())) {
            changes.add("SET START WITH " + (a.start() != null ? a.start() : defaultStart(a)));
        }
        if (!Objects.equals(a.cache(), b.cache())) {
            changes.add("SET CACHE " + (a.cache() == null ? 1 : a.cache()));
        }
        if (a.cycle() != b.cycle()) {
            changes.add(a.cycle() ? "SET CYCLE" : "SET NO CYCLE");
        }
        if (!changes.isEmpty()) {
            steps.add(Phase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, want.name(), String.join(" ", changes)), Kind.ALTER, NONE,
                    "change the identity of " + name);
        }
    }

    /** PostgreSQL's START default: MINVALUE for ascending sequences, MAXVALUE for descending ones. */
    private static long defaultStart(SequenceOptions normalized) {
        if (normalized.effectiveIncrement() > 0) {
            return normalized.minValue() != null ? normalized.minValue() : 1;
        }
        return normalized.maxValue() != null ? normalized.maxValue() : -1;
    }

    /**
     * Drops the column and adds it back as expected, with the indexes and constraints on it that PostgreSQL drops
     * together with the column (unless the diff re-creates them anyway).
     */
    private void planColumnRecreation(Group group, QualifiedName table, Column want, String how) {
        String name = table + "." + want.name();
        recreatedColumns.putIfAbsent(ObjectRef.column(table, want.name()), group.cause);
        group.add(Phase.DROP_COLUMNS, DdlRenderer.dropColumn(table, want.name()), Kind.DROP, DELETES,
                "drop column " + name + " and its data, to re-create it " + how);
        planColumnAdd(group, table, want, Kind.ALTER);
        Table expectedTable = expected.table(table).orElse(null);
        if (expectedTable == null) {
            return;
        }
        Pattern mention = mentionOf(want.name());
        for (Constraint constraint : expectedTable.constraints()) {
            if (touchedByDiff.contains(new PartRef(table, constraint.name())) || !uses(constraint, want.name(), mention)) {
                continue;
            }
            if (constraint instanceof ForeignKey fk) {
                group.add(Phase.ADD_FOREIGN_KEYS, DdlRenderer.addConstraint(table, fk), Kind.ALTER, MAY_FAIL,
                        "re-create foreign key " + fk.name() + " on " + table);
            } else {
                group.add(Phase.ADD_CONSTRAINTS, DdlRenderer.addConstraint(table, constraint), Kind.ALTER, MAY_FAIL,
                        "re-create " + constraint.kind() + " " + constraint.name() + " on " + table);
            }
        }
        for (Index index : expectedTable.indexes()) {
            if (onColumn(index, want.name(), mention) && !touchedByDiff.contains(new PartRef(table, index.name()))) {
                planIndexCreate(group, table, index, Kind.ALTER);
            }
        }
    }

    /** {@code mention} finds the column, quoted where it needs it, in an expression. */
    private static Pattern mentionOf(String column) {
        return Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(Identifiers.quote(column)) + "(?![A-Za-z0-9_$])");
    }

    /** Whether the index covers, includes or mentions the column: dropping the column drops it. */
    private static boolean onColumn(Index index, String column, Pattern mention) {
        return index.include().contains(column)
                || index.keys().stream().anyMatch(k -> column.equals(k.column())
                || (k.isExpression() && mention.matcher(k.expression()).find()))
                || (index.predicate() != null && mention.matcher(index.predicate()).find());
    }

    private static boolean uses(Constraint constraint, String column, Pattern mention) {
        if (constraint instanceof PrimaryKey pk) {
            return pk.columns().contains(column);
        }
        if (constraint instanceof UniqueConstraint unique) {
            return unique.columns().contains(column);
        }
        if (constraint instanceof ForeignKey fk) {
            return fk.columns().contains(column);
        }
        return mention.matcher(((CheckConstraint) constraint).expression()).find();
    }

    // ---- new tables and foreign keys ----

    private void planTableCreations() {
        for (QualifiedName name : creationOrder()) {
            cause = tableCauses.get(name);
            Table table = tablesToCreate.get(name);
            Group rebuild = rebuiltTables.get(name);
            Group group = (rebuild != null ? rebuild : group()).add(Phase.CREATE_TABLES, DdlRenderer.createTable(name, table),
                    rebuild != null ? Kind.ALTER : Kind.CREATE, NONE,
                    (rebuild != null ? "re-create table " : "create table ") + name
                            + (table.partitionOf() != null ? " as a partition of " + table.partitionOf().parent() : ""));
            for (Trigger trigger : table.triggers()) {
                ObjectRef ref = triggerRef(name, trigger.name());
                create(ref, cause);
                newObjects.add(ref);
            }
            for (Rule rule : table.rules()) {
                ObjectRef ref = ruleRef(name, rule.name());
                create(ref, cause);
                newObjects.add(ref);
            }
            planInheritedDefaultDrops(group, name, table);
            if (table.isForeign()) {
                String columnOptions = DdlForeignData.alterColumnOptions(name, table.foreign(), null,
                        List.copyOf(table.foreign().columnOptions().keySet()));
                if (columnOptions != null) {
                    group.add(Phase.FOREIGN_TABLE_OPTIONS, columnOptions, Kind.CREATE, NONE,
                            "set the options of the columns of foreign table " + name);
                }
            }
            table.constraints().stream().filter(c -> !(c instanceof ForeignKey))
                    .forEach(c -> createdConstraint(new PartRef(name, c.name()), cause));
            for (Constraint constraint : DdlRenderer.constraintsAddedAfterCreate(table)) {
                group.add(Phase.ADD_CONSTRAINTS, DdlRenderer.addConstraint(name, constraint), Kind.CREATE, NONE,
                        "add " + constraint.kind() + " " + constraint.name() + " on " + name);
            }
            table.indexes().forEach(index -> planIndexCreate(group, name, index, Kind.CREATE));
            table.foreignKeys().forEach(fk -> addForeignKey(new PartRef(name, fk.name()), Kind.CREATE, cause));
            if (!table.replicaIdentity().equals(ReplicaIdentity.DEFAULT)) {
                planReplicaIdentity(group, name, table.replicaIdentity(), Kind.CREATE);
            }
            planRowSecurity(group, name, table.rowSecurity(), RowSecurity.OFF, Kind.CREATE);
            for (Policy policy : table.policies()) {
                group.add(Phase.POLICIES, DdlRenderer.createPolicy(name, policy), Kind.CREATE, NONE,
                        "create policy " + policy.name() + " on " + name);
            }
            if (table.comment() != null) {
                group.add(Phase.COMMENTS, commentOnTable(name, table.comment()), Kind.CREATE, NONE,
                        "comment on table " + name);
            }
            for (Column column : table.columns()) {
                if (column.comment() != null) {
                    group.add(Phase.COMMENTS, DdlRenderer.commentOnColumn(name, column.name(), column.comment()), Kind.CREATE,
                            NONE, "comment on column " + name + "." + column.name());
                }
                planColumnStorage(group, name, column, column.storage() != null, column.compression() != null, Kind.CREATE);
            }
        }
        cause = null;
    }

    /**
     * CREATE TABLE ... INHERITS gives a column the table declares without a default its parent's default: dropped
     * again where the table wants none.
     */
    private void planInheritedDefaultDrops(Group group, QualifiedName name, Table table) {
        for (Column column : table.columns()) {
            if (column.defaultExpression() != null || column.identity() != null || column.generatedExpression() != null
                    || column.type().isSerial()) {
                continue;
            }
            Column inherited = parentColumn(table, column.name(), new HashSet<>());
            if (inherited != null && (inherited.defaultExpression() != null || inherited.type().isSerial())) {
                group.add(Phase.CREATE_TABLES, DdlRenderer.alterColumn(name, column.name(), "DROP DEFAULT"), Kind.CREATE, NONE,
                        "drop the default " + name + "." + column.name() + " takes from its parent");
            }
        }
    }

    /** The column as the first of the table's expected parents that has it gives it, or null. */
    private Column parentColumn(Table table, String column, Set<QualifiedName> seen) {
        for (QualifiedName parentName : table.inherits()) {
            Table parent = seen.add(parentName) ? expected.table(parentName).orElse(null) : null;
            if (parent != null) {
                Column found = parent.column(column).orElseGet(() -> parentColumn(parent, column, seen));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * New tables in foreign key order, each after the tables it is a partition of or inherits from: those come
     * first whatever the foreign keys say (foreign keys are added after all tables, so their order is a preference).
     */
    private List<QualifiedName> creationOrder() {
        List<QualifiedName> order = new ArrayList<>();
        Set<QualifiedName> seen = new HashSet<>();
        for (QualifiedName name : foreignKeyOrder()) {
            visitParents(name, seen, order);
        }
        return order;
    }

    private void visitParents(QualifiedName name, Set<QualifiedName> seen, List<QualifiedName> order) {
        if (seen.add(name)) {
            tablesToCreate.get(name).parents().stream().filter(tablesToCreate::containsKey)
                    .forEach(parent -> visitParents(parent, seen, order));
            order.add(name);
        }
    }

    /** New tables with the tables they reference first; in a cycle, alphabetical order breaks the tie. */
    private List<QualifiedName> foreignKeyOrder() {
        List<QualifiedName> order = new ArrayList<>();
        Set<QualifiedName> seen = new HashSet<>();
        for (QualifiedName name : tablesToCreate.keySet()) {
            visit(name, seen, order);
        }
        return order;
    }

    private void visit(QualifiedName name, Set<QualifiedName> seen, List<QualifiedName> order) {
        if (!seen.add(name)) {
            return;
        }
        Table table = tablesToCreate.get(name);
        table.foreignKeys().stream()
                .map(ForeignKey::referencedTable)
                .filter(tablesToCreate::containsKey)
                .sorted()
                .forEach(referenced -> visit(referenced, seen, order));
        order.add(name);
    }

    private void planForeignKeys() {
        for (Map.Entry<PartRef, Move> drop : foreignKeyDrops.entrySet()) {
            PartRef fk = drop.getKey();
            cause = drop.getValue().cause();
            boolean recreated = !tablesToDrop.contains(fk.table()) && expectedForeignKey(fk) != null;
            group().add(Phase.DROP_FOREIGN_KEYS, DdlRenderer.dropConstraint(fk.table(), fk.name()), Kind.DROP, NONE,
                    "drop foreign key " + fk.name() + " on " + fk.table() + " (" + drop.getValue().reason()
                            + (recreated ? "; re-created below" : "") + ")");
            if (recreated && !foreignKeyAdds.containsKey(fk)) {
                addForeignKey(fk, Kind.ALTER, cause);
            }
        }
        for (Map.Entry<PartRef, ForeignKeyAdd> add : foreignKeyAdds.entrySet()) {
            ForeignKey fk = expectedForeignKey(add.getKey());
            Kind kind = add.getValue().kind();
            cause = add.getValue().cause();
            if (fk != null) {
                group().add(Phase.ADD_FOREIGN_KEYS, DdlRenderer.addConstraint(add.getKey().table(), fk), kind, MAY_FAIL,
                        (kind == Kind.CREATE ? "add" : "re-create") + " foreign key " + fk.name() + " on "
                                + add.getKey().table() + " referencing " + fk.referencedTable());
            }
        }
        cause = null;
    }

    private ForeignKey expectedForeignKey(PartRef ref) {
        return expected.table(ref.table())
                .flatMap(t -> t.foreignKeys().stream().filter(fk -> fk.name().equals(ref.name())).findFirst())
                .orElse(null);
    }

    private static List<QualifiedName> sorted(Set<QualifiedName> names) {
        return names.stream().sorted(Comparator.naturalOrder()).toList();
    }

    // ---- what the diff touches, for the dependents of changed objects ----

    private void noteHandledByDiff(SchemaChange change) {
        if (change instanceof SchemaChange.TableDropped t) {
            touch(tableRef(t.table()));
        } else if (change instanceof SchemaChange.SchemaDropped d) {
            d.schema().tables().forEach(t -> touch(ObjectRef.of(ObjectRef.Kind.TABLE, d.schema().name(), t.name())));
        } else if (change instanceof SchemaChange.ColumnDropped c) {
            ObjectRef column = ObjectRef.column(c.table(), c.column().name());
            touch(column);
            handledByDiff.add(column);
            droppedColumns.add(new PartRef(c.table(), c.column().name()));
        } else if (change instanceof SchemaChange.ColumnAltered c) {
            Set<ColumnAspect> aspects = c.aspects();
            ObjectRef column = ObjectRef.column(c.table(), c.expected().name());
            if (aspects.contains(ColumnAspect.TYPE) || aspects.contains(ColumnAspect.COLLATION) || needsRecreation(c)) {
                touch(column);
            }
            if (aspects.contains(ColumnAspect.DEFAULT) || aspects.contains(ColumnAspect.TYPE) || needsRecreation(c)) {
                handledByDiff.add(column);
            }
            if (needsRecreation(c)) {
                droppedColumns.add(new PartRef(c.table(), c.expected().name()));
            }
        } else if (change instanceof SchemaChange.ConstraintDropped c) {
            handledByDiff.add(constraintRef(c.table(), c.constraint().name()));
        } else if (change instanceof SchemaChange.ConstraintAltered c) {
            handledByDiff.add(constraintRef(c.table(), c.expected().name()));
        } else if (change instanceof SchemaChange.IndexDropped i) {
            handledByDiff.add(ObjectRef.of(ObjectRef.Kind.INDEX, i.table().schema(), i.index().name()));
        } else if (change instanceof SchemaChange.IndexAltered i) {
            handledByDiff.add(ObjectRef.of(ObjectRef.Kind.INDEX, i.table().schema(), i.expected().name()));
        } else if (change instanceof SchemaChange.PolicyDropped p) {
            handledByDiff.add(policyRef(p.table(), p.policy().name()));
        }
    }

    /**
     * A partitioned table whose partition key changes: PostgreSQL cannot change it in place, so the table is
     * dropped (with its partitions and rows) and created again with its expected partitions, all in one group
     * that deletes data.
     */
    private void collectTableRebuild(QualifiedName table) {
        Table want = expected.table(table).orElse(null);
        if (want == null) {
            return;
        }
        Group group = group().add(Phase.DROP_TABLES, dropTable(table), Kind.DROP, DELETES,
                "drop table " + table + " and its rows (and partitions) to change how it is partitioned; re-created below");
        rebuiltTables.put(table, group);
        tableToDrop(table);
        tableToCreate(table, want);
        touch(tableRef(table));
        for (Schema schema : expected.schemas()) {
            for (Table partition : schema.tables()) {
                if (partition.partitionOf() != null && partition.partitionOf().parent().equals(table)) {
                    QualifiedName name = QualifiedName.of(schema.name(), partition.name());
                    rebuiltTables.put(name, group);
                    tableToCreate(name, partition);
                }
            }
        }
    }

    // ---- casts ----

    private void planCastCreate(Group group, Cast cast, Kind kind) {
        group.add(Phase.CREATE_CASTS, DdlAggregates.createCast(cast), kind, NONE,
                (kind == Kind.CREATE ? "create cast " : "re-create cast ") + cast.sql());
        if (cast.comment() != null) {
            group.add(Phase.COMMENTS, DdlAggregates.commentOnCast(cast, cast.comment()), kind, NONE,
                    "comment on cast " + cast.sql());
        }
    }

    /** A cast converts another way or in another context: PostgreSQL has no ALTER CAST, so it is dropped and created. */
    private void planCastAlter(Cast want, Cast have) {
        handledCasts.add(have);
        if (want.withComment(null).sameAs(have.withComment(null))) {
            group().add(Phase.COMMENTS, DdlAggregates.commentOnCast(want, want.comment()), Kind.ALTER, NONE,
                    "set the comment on cast " + want.sql());
            return;
        }
        Group group = group().add(Phase.DROP_CASTS, DdlAggregates.dropCast(have), Kind.DROP, NONE,
                "drop cast " + have.sql() + " to create it again");
        planCastCreate(group, want, Kind.ALTER);
    }

    /**
     * Casts the diff leaves alone whose function the plan drops (to create it again or for good), or whose source or
     * target type it drops or builds anew (an enum that loses a value): DROP FUNCTION and DROP TYPE refuse while a
     * cast uses them, so the cast is dropped first and, when the expected database has it, created again.
     */
    private void planCastsOfDroppedObjects() {
        for (Cast cast : actual.casts()) {
            if (handledCasts.contains(cast)) {
                continue;
            }
            Cause source = touchedType(cast.source());
            Cause target = touchedType(cast.target());
            Move function = droppedFunction(cast);
            String reason = source != null ? "its source type " + cast.source().sql() + " is built anew"
                    : target != null ? "its target type " + cast.target().sql() + " is built anew"
                    : function != null ? "its function " + cast.functionSignature() + " is dropped" : null;
            if (reason != null) {
                Cause root = source != null ? source : target != null ? target : function.cause();
                cause = new Cause.Dependent(root.change(), reason);
                Group group = group().add(Phase.DROP_CASTS, DdlAggregates.dropCast(cast), Kind.DROP, NONE,
                        "drop cast " + cast.sql() + " (" + reason + ")");
                expected.casts().stream().filter(cast::sameTypesAs).findFirst()
                        .ifPresent(want -> planCastCreate(group, want, Kind.ALTER));
            }
        }
        cause = null;
    }

    /** Why the plan builds the type anew, or null when it does not. */
    private Cause touchedType(DataType type) {
        DataType element = type.elementType();
        return element.schema() == null ? null
                : touched.get(ObjectRef.of(ObjectRef.Kind.TYPE, element.schema(), element.name()));
    }

    /** The drop of the cast's function, or null when the plan keeps it. */
    private Move droppedFunction(Cast cast) {
        if (cast.method() != Cast.Method.FUNCTION) {
            return null;
        }
        List<String> parts = Identifiers.splitQualified(cast.functionName(), false);
        return parts.size() != 2 ? null : dependentDrops.get(ObjectRef.of(ObjectRef.Kind.ROUTINE, parts.get(0),
                Identifiers.quote(parts.get(1)) + "(" + cast.functionArguments() + ")"));
    }

    // ---- extensions ----

    private void planExtensionAlter(Extension want, Extension have) {
        Group group = group();
        if (want.version() != null && !want.version().equals(have.version())) {
            group.add(Phase.ALTER_EXTENSIONS, DdlObjects.updateExtension(want), Kind.ALTER, NONE,
                    "update extension " + want.name() + " from version " + have.version() + " to " + want.version());
        }
        if (want.schema() != null && !want.schema().equals(have.schema())) {
            group.add(Phase.ALTER_EXTENSIONS, DdlObjects.moveExtension(want), Kind.ALTER, NONE,
                    "move extension " + want.name() + " from schema " + have.schema() + " to " + want.schema());
        }
    }

    // ---- sequences, types, views, routines ----

    private void planObjectAdded(String schema, SchemaObject object) {
        QualifiedName name = QualifiedName.of(schema, object.name());
        String what = object.kind() + " " + name;
        if (object instanceof View || object instanceof Routine || object instanceof Aggregate) {
            ObjectRef ref = objectRef(schema, object);
            create(ref, cause);
            newObjects.add(ref);
            if (object instanceof View view) {
                for (Trigger trigger : view.triggers()) {
                    ObjectRef triggerRef = triggerRef(name, trigger.name());
                    create(triggerRef, cause);
                    newObjects.add(triggerRef);
                }
                for (Rule rule : view.rules()) {
                    ObjectRef ruleRef = ruleRef(name, rule.name());
                    create(ruleRef, cause);
                    newObjects.add(ruleRef);
                }
            }
            return;
        }
        createdObjects.putIfAbsent(objectRef(schema, object), cause);
        Group group = group().add(createPhase(object), DdlObjects.create(schema, object), Kind.CREATE, NONE, "create " + what);
        if (object instanceof Sequence sequence && sequence.ownedByTable() != null) {
            group.add(Phase.SEQUENCE_OWNERSHIP, DdlObjects.sequenceOwnedBy(name, sequence), Kind.CREATE, NONE,
                    "make " + what + " owned by " + sequence.ownedByTable() + "." + sequence.ownedByColumn());
        }
        if (object.comment() != null) {
            group.add(Phase.COMMENTS, DdlObjects.comment(schema, object, object.comment()), Kind.CREATE, NONE, "comment on " + what);
        }
        if (object instanceof Domain domain) {
            planDomainConstraintComments(group, name, domain, Map.of(), Set.of(), Kind.CREATE);
        }
    }

    /**
     * COMMENT ON CONSTRAINT of the domain's checks whose comment differs from {@code have}'s, or whose check is
     * (re-)added by the plan ({@code added}): a check comes back without one.
     */
    private void planDomainConstraintComments(Group group, QualifiedName name, Domain want, Map<String, String> have,
                                              Set<String> added, Kind kind) {
        for (CheckConstraint check : want.checks()) {
            String comment = want.constraintComment(check.name());
            boolean fresh = added.contains(check.name());
            if (fresh ? comment != null : !Objects.equals(comment, have.get(check.name()))) {
                group.add(Phase.COMMENTS, DdlObjects.commentOnDomainConstraint(name, check.name(), comment), kind, NONE,
                        (comment == null ? "remove the comment on check " : "comment on check ") + check.name() + " of domain " + name);
            }
        }
    }

    private Phase createPhase(SchemaObject object) {
        if (object instanceof Sequence) {
            return Phase.CREATE_SEQUENCES;
        }
        if (object instanceof Collation) {
            return Phase.CREATE_COLLATIONS;
        }
        if (object instanceof EnumType) {
            return Phase.CREATE_ENUMS;
        }
        if (object instanceof Domain domain) {
            return overCompositeOrRange(domain) ? Phase.CREATE_DOMAINS_ON_TYPES : Phase.CREATE_DOMAINS;
        }
        return Phase.CREATE_COMPOSITES;
    }

    /** Whether the domain's base type is a composite or range type of the expected schema (unqualified: any schema). */
    private boolean overCompositeOrRange(Domain domain) {
        DataType base = domain.baseType();
        return expected.schemas().stream()
                .filter(s -> base.schema() == null || s.name().equals(base.schema()))
                .anyMatch(s -> s.compositeTypes().stream().anyMatch(c -> c.name().equals(base.name()))
                        || s.rangeTypes().stream().anyMatch(r -> r.name().equals(base.name())));
    }

    private void planObjectDropped(String schema, SchemaObject object) {
        QualifiedName name = QualifiedName.of(schema, object.name());
        ObjectRef ref = objectRef(schema, object);
        touch(ref);
        if (object instanceof View || object instanceof Routine || object instanceof Aggregate) {
            dropDependent(ref, "not in the expected schema", cause);
            return;
        }
        if (object instanceof Sequence sequence && sequence.ownedByTable() != null
                && (tablesToDrop.contains(QualifiedName.of(schema, sequence.ownedByTable()))
                || droppedColumns.contains(new PartRef(QualifiedName.of(schema, sequence.ownedByTable()), sequence.ownedByColumn())))) {
            return; // PostgreSQL drops it with the column that owns it
        }
        Phase phase = object instanceof Sequence ? Phase.DROP_SEQUENCES
                : object instanceof Collation ? Phase.DROP_COLLATIONS : Phase.DROP_TYPES;
        // once every table and column drop is planned: held back with the drop of one that still uses it
        Cause dropCause = cause;
        typeDrops.add(() -> because(dropCause, () -> {
            Group dataDrop = dataDropUsing(ref);
            (dataDrop != null ? dataDrop.joinedBy(cause) : group()).add(phase, DdlObjects.drop(schema, object), Kind.DROP,
                    NONE, "drop " + object.kind() + " " + name);
        }));
    }

    private void planObjectAltered(String schema, SchemaObject want, SchemaObject have) {
        QualifiedName name = QualifiedName.of(schema, want.name());
        boolean recreated = false;
        if (want instanceof Sequence w && have instanceof Sequence h) {
            planSequenceAlter(name, w, h);
        } else if (want instanceof EnumType w && have instanceof EnumType h) {
            planEnumAlter(name, w, h);
        } else if (want instanceof Domain w && have instanceof Domain h) {
            recreated = planDomainAlter(name, w, h);
        } else if (want instanceof CompositeType w && have instanceof CompositeType h) {
            planCompositeAlter(name, w, h);
        } else if (want instanceof View w && have instanceof View h) {
            recreated = planViewAlter(schema, w, h);
        } else if (want instanceof Routine w && have instanceof Routine h) {
            recreated = planRoutineAlter(schema, w, h);
        } else if (want instanceof Aggregate w && have instanceof Aggregate h && !w.sameDefinitionAs(h)) {
            ObjectRef ref = objectRef(schema, w);
            dropDependent(ref, "its definition changes, which only dropping and creating it again can do", cause);
            touch(ref);
            create(ref, cause);
            recreated = true;
        } else if (want instanceof RangeType w && have instanceof RangeType h && !w.withComment(null).equals(h.withComment(null))) {
            group().add(Phase.DROP_ROUTINES, DdlObjects.drop(schema, h), Kind.DROP, MAY_FAIL,
                    "drop range type " + name + " to re-create it (fails while columns or functions use it: schemaguard"
                            + " does not convert them)")
                    .add(Phase.CREATE_COMPOSITES, DdlObjects.create(schema, w), Kind.ALTER, NONE, "re-create range type " + name);
            recreated = true;
            if (w.comment() != null) {
                group().add(Phase.COMMENTS, DdlObjects.comment(schema, w, w.comment()), Kind.ALTER, NONE,
                        "comment on range type " + name);
            }
        } else if (want instanceof Collation w && have instanceof Collation h && !w.sameDefinitionAs(h)) {
            planCollationRebuild(name, w);
            recreated = true;
        }
        if (!recreated && !Objects.equals(want.comment(), have.comment())) {
            group().add(Phase.COMMENTS, DdlObjects.comment(schema, want, want.comment()), Kind.ALTER, NONE,
                    "set the comment on " + want.kind() + " " + name);
        }
    }

    private void planSequenceAlter(QualifiedName name, Sequence want, Sequence have) {
        String alter = DdlObjects.alterSequence(name, want, have);
        Group group = group();
        if (alter != null) {
            group.add(Phase.CREATE_SEQUENCES, alter, Kind.ALTER, MAY_FAIL, alter.endsWith(" RESTART")
                    ? "turn sequence " + name + " around and restart it at its new start (values it hands out next"
                            + " may repeat values it handed out before)"
                    : "change the options of sequence " + name + " (fails if its current value lies outside the new bounds)");
        }
        if (!Objects.equals(want.ownedByTable(), have.ownedByTable()) || !Objects.equals(want.ownedByColumn(), have.ownedByColumn())) {
            group.add(Phase.SEQUENCE_OWNERSHIP, DdlObjects.sequenceOwnedBy(name, want), Kind.ALTER, NONE,
                    want.ownedByTable() == null ? "make sequence " + name + " owned by no column"
                            : "make sequence " + name + " owned by " + want.ownedByTable() + "." + want.ownedByColumn());
        }
    }

    /**
     * New values are added in place ({@code ADD VALUE ... BEFORE/AFTER}) when every existing value keeps its
     * position; a removed or reordered value needs a new type and every column converted to it.
     */
    private void planEnumAlter(QualifiedName name, EnumType want, EnumType have) {
        List<String> kept = want.values().stream().filter(have.values()::contains).toList();
        if (!kept.equals(have.values())) {
            boolean removes = !want.values().containsAll(have.values());
            planTypeRebuild(name, want, removes, removes ? "drops values " + have.values().stream()
                    .filter(v -> !want.values().contains(v)).toList() + " (rows holding them make the plan fail)" : "reorders its values");
            return;
        }
        Group group = group();
        for (int i = 0; i < want.values().size(); i++) {
            String value = want.values().get(i);
            if (have.values().contains(value)) {
                continue;
            }
            String sql = i > 0 ? DdlObjects.addEnumValue(name, value, "AFTER", want.values().get(i - 1))
                    : DdlObjects.addEnumValue(name, value, "BEFORE", have.values().get(0));
            String caveat = usesLiteral(value) ? " (note: PostgreSQL refuses to use a new enum value in the transaction that"
                    + " added it, and a default, check or view of this plan uses '" + value + "': apply the plan in two steps)" : "";
            group.add(Phase.CREATE_ENUMS, sql, Kind.ALTER, NONE, "add value '" + value + "' to enum " + name + caveat);
        }
    }

    /** Whether a default or check of the expected model mentions {@code 'value'}. */
    private boolean usesLiteral(String value) {
        String literal = Identifiers.literal(value);
        for (Schema schema : expected.schemas()) {
            for (Table table : schema.tables()) {
                for (Column column : table.columns()) {
                    if (column.defaultExpression() != null && column.defaultExpression().contains(literal)) {
                        return true;
                    }
                }
                for (CheckConstraint check : table.checkConstraints()) {
                    if (check.expression().contains(literal)) {
                        return true;
                    }
                }
            }
            for (View view : schema.views()) {
                if (view.definition().contains(literal)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The old type is renamed out of the way, the expected one created, every column of the actual database of
     * that type converted through text, and the old type dropped. Views, checks, routines and other dependents
     * of the type and of those columns are dropped before and re-created after (see {@link #planDependents()}).
     */
    /**
     * The columns of {@code table} a type rebuild converts on it: its own, and those it inherits from a parent it
     * leaves in this plan (NO INHERIT runs first; the parent's conversion then no longer reaches the child).
     */
    private List<Column> columnsToConvert(QualifiedName name, Table table) {
        List<Column> columns = new ArrayList<>(table.columns());
        Set<QualifiedName> keptParents = expected.table(name).map(t -> Set.copyOf(t.parents())).orElse(Set.of());
        for (QualifiedName parent : table.parents()) {
            if (keptParents.contains(parent)) {
                continue;
            }
            for (Column inherited : allColumns(actual, parent, new HashSet<>())) {
                if (columns.stream().noneMatch(c -> c.name().equals(inherited.name()))) {
                    columns.add(inherited);
                }
            }
        }
        return columns;
    }

    /** Every column of a table in {@code database}, its parents' included (a child lists only its own). */
    private static List<Column> allColumns(Database database, QualifiedName table, Set<QualifiedName> seen) {
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

    private void planTypeRebuild(QualifiedName name, SchemaObject want, boolean losesValues, String why) {
        Phase phase = want instanceof Domain ? Phase.CREATE_DOMAINS : Phase.CREATE_ENUMS;
        String keyword = DdlObjects.keyword(want);
        String oldName = Identifiers.defaultName(want.name(), "schemaguard", "old");
        Group group = group()
                .add(phase, (keyword.equals("DOMAIN") ? "ALTER DOMAIN " + name.sql() + " RENAME TO " + Identifiers.quote(oldName)
                        : DdlObjects.renameType(name, oldName)), Kind.ALTER, NONE,
                        "rename " + want.kind() + " " + name + " to " + oldName + ": the expected one " + why)
                .add(phase, DdlObjects.create(name.schema(), want), Kind.ALTER, NONE, "create " + want.kind() + " " + name + " as expected");
        if (want.comment() != null) {
            group.add(Phase.COMMENTS, DdlObjects.comment(name.schema(), want, want.comment()), Kind.ALTER, NONE,
                    "comment on " + want.kind() + " " + name);
        }
        if (want instanceof Domain domain) {
            planDomainConstraintComments(group, name, domain, Map.of(), Set.of(), Kind.ALTER);
        }
        Set<Hazard> hazards = losesValues
                ? EnumSet.of(Hazard.DELETES_DATA, Hazard.MAY_FAIL_ON_EXISTING_ROWS, Hazard.REWRITES_TABLE) : REWRITES;
        for (Schema schema : actual.schemas()) {
            for (Table table : schema.tables()) {
                QualifiedName tableName = QualifiedName.of(schema.name(), table.name());
                if (goesAway(tableName)) {
                    continue;
                }
                for (Column column : columnsToConvert(tableName, table)) {
                    DataType type = column.type().elementType();
                    if (type.isBuiltIn() || !type.name().equals(want.name()) || !Objects.equals(type.schema(), name.schema())
                            || goesAway(tableName, column.name())) {
                        continue;
                    }
                    String target = name.sql() + (column.type().isArray() ? "[]" : "");
                    String via = column.type().isArray() ? "text[]" : "text";
                    String columnName = tableName + "." + column.name();
                    if (column.defaultExpression() != null) {
                        group.add(Phase.ALTER_COLUMNS, DdlRenderer.alterColumn(tableName, column.name(), "DROP DEFAULT"), Kind.ALTER,
                                NONE, "drop the default of " + columnName + " while its type changes");
                    }
                    group.add(Phase.ALTER_COLUMNS, DdlRenderer.alterColumn(tableName, column.name(), "TYPE " + target
                                    + (isForeignTable(tableName) ? "" : " USING " + Identifiers.quote(column.name()) + "::"
                                    + via + "::" + target)), Kind.ALTER, hazards,
                            "convert " + columnName + " to the new " + want.kind() + " " + name);
                    String newDefault = expected.table(tableName).flatMap(t -> t.column(column.name()))
                            .map(Column::defaultExpression).orElse(null);
                    if (newDefault != null) {
                        group.add(Phase.ALTER_COLUMNS, DdlRenderer.alterColumn(tableName, column.name(), "SET DEFAULT " + newDefault),
                                Kind.ALTER, NONE, "set the default of " + columnName + " again");
                    }
                    touch(ObjectRef.column(tableName, column.name()));
                }
            }
        }
        if (want.comment() != null) { // the comment stays with the renamed old type
            group.add(Phase.COMMENTS, DdlObjects.comment(name.schema(), want, want.comment()), Kind.ALTER, NONE,
                    "comment on " + want.kind() + " " + name);
        }
        group.add(Phase.DROP_TYPES, "DROP " + keyword + " " + QualifiedName.of(name.schema(), oldName).sql(), Kind.DROP, NONE,
                "drop the old " + want.kind() + " " + name.schema() + "." + oldName);
        touch(ObjectRef.of(ObjectRef.Kind.TYPE, name.schema(), want.name()));
        createdObjects.putIfAbsent(ObjectRef.of(ObjectRef.Kind.TYPE, name.schema(), want.name()), cause);
    }

    /** A table this plan drops, or drops and re-creates: converting its columns first would be wasted or fail. */
    private boolean goesAway(QualifiedName table) {
        return options.allowDrops() && tablesToDrop.contains(table);
    }

    /**
     * A column this plan drops, for good or to add it again with a new generation expression: converting it would
     * fail, since the drop comes first (the column added again has the expected type already).
     */
    private boolean goesAway(QualifiedName table, String column) {
        return options.allowDrops() && droppedColumns.contains(new PartRef(table, column));
    }

    /**
     * PostgreSQL cannot change a collation in place. The old one is renamed out of the way, the expected one
     * created, every column of the actual database that uses the old one moved to the new one, and the old one
     * dropped; indexes, views and checks using it are dropped before and re-created after (see
     * {@link #planDependents()}). The final drop fails while a domain or composite type still uses the old one.
     */
    private void planCollationRebuild(QualifiedName name, Collation want) {
        String oldName = Identifiers.defaultName(want.name(), "schemaguard", "old");
        QualifiedName old = QualifiedName.of(name.schema(), oldName);
        Group group = group()
                .add(Phase.CREATE_COLLATIONS, DdlObjects.renameCollation(name, oldName), Kind.ALTER, NONE,
                        "rename collation " + name + " to " + oldName + ": the expected one is defined differently,"
                                + " which PostgreSQL cannot change in place")
                .add(Phase.CREATE_COLLATIONS, DdlObjects.create(name.schema(), want), Kind.ALTER, NONE,
                        "create collation " + name + " as expected");
        Set<Hazard> hazards = want.deterministic() ? NONE : MAY_FAIL;
        for (Schema schema : actual.schemas()) {
            for (Table table : schema.tables()) {
                QualifiedName tableName = QualifiedName.of(schema.name(), table.name());
                if (goesAway(tableName) || table.partitionOf() != null) {
                    continue; // dropped anyway, or a partition: ALTER COLUMN on its parent changes it too
                }
                for (Column column : table.columns()) {
                    ObjectRef columnRef = ObjectRef.column(tableName, column.name());
                    // A column the plan drops is left alone, but moves too when its drop is skipped; a column the
                    // diff retypes gets the expected collation by name.
                    boolean dropped = droppedColumns.contains(new PartRef(tableName, column.name()));
                    if (!usesCollation(column, name) || (dropped ? options.allowDrops() : touched.containsKey(columnRef))) {
                        continue;
                    }
                    group.add(Phase.ALTER_COLUMNS, DdlRenderer.alterColumn(tableName, column.name(),
                                    "TYPE " + column.type().storageType().sql() + " COLLATE " + name.sql()), Kind.ALTER, hazards,
                            "move " + tableName + "." + column.name() + " to the new collation " + name
                                    + (want.deterministic() ? "" : " (fails if a unique index holds values it compares equal)"));
                    touch(columnRef);
                }
            }
        }
        if (want.comment() != null) {
            group.add(Phase.COMMENTS, DdlObjects.comment(name.schema(), want, want.comment()), Kind.ALTER, NONE,
                    "comment on collation " + name);
        }
        group.add(Phase.DROP_COLLATIONS, "DROP COLLATION " + old.sql(), Kind.DROP, NONE, "drop the old collation " + old
                + " (fails while a domain or composite type still uses it)");
        touch(ObjectRef.of(ObjectRef.Kind.COLLATION, name.schema(), want.name()));
    }

    /** Whether the column's collation, as SQL ({@code public."numeric"}), is {@code collation}. */
    private static boolean usesCollation(Column column, QualifiedName collation) {
        if (column.collation() == null) {
            return false;
        }
        List<String> parts = Identifiers.splitQualified(column.collation(), true);
        return parts.size() == 2 && parts.get(0).equals(collation.schema()) && parts.get(1).equals(collation.name());
    }

    /** Returns whether the domain is built anew (with its comments). */
    private boolean planDomainAlter(QualifiedName name, Domain want, Domain have) {
        if (!want.baseType().sameTypeAs(have.baseType()) || !Objects.equals(want.collation(), have.collation())) {
            boolean widening = Objects.equals(want.collation(), have.collation()) && DdlTypeChanges.isWidening(have.baseType(), want.baseType());
            planTypeRebuild(name, want, !widening, "has base type " + want.baseType().sql() + " instead of " + have.baseType().sql()
                    + (Objects.equals(want.collation(), have.collation()) ? "" : " or another collation"));
            return true;
        }
        Group group = group();
        String what = "domain " + name;
        if (!Expressions.equivalent(want.defaultExpression(), have.defaultExpression())) {
            group.add(Phase.CREATE_DOMAINS, DdlObjects.alterDomain(name, want.defaultExpression() == null ? "DROP DEFAULT"
                    : "SET DEFAULT " + want.defaultExpression()), Kind.ALTER, NONE, "change the default of " + what);
        }
        if (want.notNull() != have.notNull()) {
            group.add(Phase.CREATE_DOMAINS, DdlObjects.alterDomain(name, want.notNull() ? "SET NOT NULL" : "DROP NOT NULL"), Kind.ALTER,
                    want.notNull() ? MAY_FAIL : NONE, (want.notNull() ? "forbid" : "allow") + " nulls in " + what);
        }
        Map<String, CheckConstraint> wantChecks = new TreeMap<>();
        want.checks().forEach(c -> wantChecks.put(c.name(), c));
        for (CheckConstraint check : have.checks()) {
            CheckConstraint replacement = wantChecks.get(check.name());
            if (replacement == null || !Expressions.equivalent(replacement.expression(), check.expression())) {
                group.add(Phase.CREATE_DOMAINS, DdlObjects.alterDomain(name, "DROP CONSTRAINT " + Identifiers.quote(check.name())),
                        Kind.ALTER, NONE, "drop check " + check.name() + " of " + what);
            }
        }
        Set<String> added = new HashSet<>();
        for (CheckConstraint check : want.checks()) {
            CheckConstraint existing = have.checks().stream().filter(c -> c.name().equals(check.name())).findFirst().orElse(null);
            if (existing == null || !Expressions.equivalent(existing.expression(), check.expression())) {
                group.add(Phase.CREATE_DOMAINS, DdlObjects.alterDomain(name, "ADD " + DdlObjects.domainCheck(check)), Kind.ALTER,
                        MAY_FAIL, "add check " + check.name() + " to " + what + " (fails if a stored value violates it)");
                added.add(check.name());
            }
        }
        planDomainConstraintComments(group, name, want, have.constraintComments(), added, Kind.ALTER);
        return false;
    }

    private void planCompositeAlter(QualifiedName name, CompositeType want, CompositeType have) {
        Group group = group();
        for (CompositeType.Attribute attribute : have.attributes()) {
            if (want.attributes().stream().noneMatch(a -> a.name().equals(attribute.name()))) {
                group.add(Phase.CREATE_COMPOSITES, DdlObjects.dropAttribute(name, attribute.name()), Kind.DROP, DELETES,
                        "drop attribute " + attribute.name() + " of composite type " + name + " (and its values in columns of that type)");
            }
        }
        for (CompositeType.Attribute attribute : want.attributes()) {
            CompositeType.Attribute existing = have.attributes().stream().filter(a -> a.name().equals(attribute.name()))
                    .findFirst().orElse(null);
            if (existing == null) {
                group.add(Phase.CREATE_COMPOSITES, DdlObjects.addAttribute(name, attribute), Kind.ALTER, NONE,
                        "add attribute " + attribute.name() + " to composite type " + name);
            } else if (!existing.type().sameTypeAs(attribute.type()) || !Objects.equals(existing.collation(), attribute.collation())) {
                group.add(Phase.CREATE_COMPOSITES, DdlObjects.alterAttributeType(name, attribute), Kind.ALTER, MAY_FAIL,
                        "change the type of attribute " + attribute.name() + " of composite type " + name
                                + " (fails while a table column has this type)");
            }
        }
    }

    /** Returns true when the view is re-created (which sets its comment too). */
    private boolean planViewAlter(String schema, View want, View have) {
        ObjectRef wantRef = PlanGraph.viewRef(schema, want);
        ObjectRef haveRef = PlanGraph.viewRef(schema, have);
        boolean sameQuery = want.materialized() == have.materialized()
                && Expressions.equivalent(DdlObjects.viewQuery(want), DdlObjects.viewQuery(have));
        if (sameQuery) {
            if (want.materialized() && !new HashSet<>(want.indexes()).equals(new HashSet<>(have.indexes()))) {
                unlessRecreated(wantRef, () -> planMaterializedViewIndexes(schema, want, have));
            }
            if (!new HashSet<>(want.options()).equals(new HashSet<>(have.options()))) {
                String keyword = want.materialized() ? "MATERIALIZED VIEW " : "VIEW ";
                QualifiedName view = QualifiedName.of(schema, want.name());
                unlessRecreated(wantRef, () -> {
                    for (String action : DdlRenderer.storageParameterActions(want.options(), have.options())) {
                        group().add(Phase.CREATE_VIEWS, "ALTER " + keyword + view.sql() + " " + action, Kind.ALTER, NONE,
                                "options of " + want.kind() + " " + view + ": " + action);
                    }
                });
            }
            return false;
        }
        if (!want.materialized() && !have.materialized() && DdlDefinitions.onlyAppendsColumns(have.definition(), want.definition())) {
            create(wantRef, cause);
            replacedViews.add(wantRef);
            return false;
        }
        dropDependent(haveRef, "re-created with the expected query", cause);
        touch(haveRef);
        create(wantRef, cause);
        if (!wantRef.equals(haveRef)) {
            newObjects.add(wantRef);
        }
        // DROP VIEW drops its triggers and rules; pg_depend names them too, but a model written by hand has no dependencies
        QualifiedName view = QualifiedName.of(schema, want.name());
        Cause withView = dependent("it is on view " + view + ", which is re-created");
        want.triggers().forEach(trigger -> create(triggerRef(view, trigger.name()), withView));
        want.rules().forEach(rule -> create(ruleRef(view, rule.name()), withView));
        return true;
    }

    private void planMaterializedViewIndexes(String schema, View want, View have) {
        QualifiedName view = QualifiedName.of(schema, want.name());
        Group group = group();
        for (Index index : have.indexes()) {
            if (!want.indexes().contains(index)) {
                group.add(Phase.DROP_INDEXES, DdlRenderer.dropIndex(view, index.name()), Kind.DROP, NONE,
                        "drop index " + index.name() + " on materialized view " + view);
            }
        }
        for (Index index : want.indexes()) {
            if (!have.indexes().contains(index)) {
                planIndexCreate(group, view, index, Kind.ALTER);
            }
        }
    }

    /**
     * CREATE OR REPLACE runs the expected definition as long as the routine's header (arguments with their names
     * and defaults, result type) stays the same; otherwise the routine is dropped and created again. Returns
     * true when it is re-created.
     */
    private boolean planRoutineAlter(String schema, Routine want, Routine have) {
        ObjectRef ref = ObjectRef.of(ObjectRef.Kind.ROUTINE, schema, want.signature());
        if (want.routineKind() == have.routineKind() && want.definition().strip().equals(have.definition().strip())) {
            return false;
        }
        create(ref, cause);
        if (want.routineKind() != have.routineKind()
                || !DdlDefinitions.routineHeader(want.definition()).equals(DdlDefinitions.routineHeader(have.definition()))) {
            dropDependent(ref, "its arguments or result type change, which CREATE OR REPLACE cannot do", cause);
            touch(ref);
            return true;
        }
        return false;
    }

    // ---- triggers and partitions ----

    private void planTriggerAlter(QualifiedName table, Trigger want, Trigger have) {
        ObjectRef ref = triggerRef(table, want.name());
        if (!Expressions.equivalent(want.definition(), have.definition())) {
            dropDependent(ref, "re-created with the expected definition", cause);
            create(ref, cause);
            return;
        }
        unlessRecreated(ref, () -> {
            Group group = group();
            if (want.firing() != have.firing()) {
                group.add(Phase.CREATE_TRIGGERS, DdlObjects.enableTrigger(table, want.name(), want.firing()), Kind.ALTER, NONE,
                        want.firing().sql().toLowerCase(java.util.Locale.ROOT) + " trigger " + want.name() + " on " + table);
            }
            if (!Objects.equals(want.comment(), have.comment())) {
                group.add(Phase.COMMENTS, DdlObjects.commentOnTrigger(table, want.name(), want.comment()), Kind.ALTER, NONE,
                        "set the comment on trigger " + want.name() + " on " + table);
            }
        });
    }

    /** A rule whose actions change is replaced in one statement; when only its firing or comment changes, those. */
    private void planRuleAlter(QualifiedName relation, Rule want, Rule have) {
        ObjectRef ref = ruleRef(relation, want.name());
        if (!Expressions.equivalent(want.definition(), have.definition())) {
            create(ref, cause);
            return;
        }
        unlessRecreated(ref, () -> {
            Group group = group();
            if (want.firing() != have.firing()) {
                group.add(Phase.CREATE_TRIGGERS, DdlObjects.enableRule(relation, want.name(), want.firing()), Kind.ALTER, NONE,
                        want.firing().sql().toLowerCase(java.util.Locale.ROOT) + " rule " + want.name() + " on " + relation);
            }
            if (!Objects.equals(want.comment(), have.comment())) {
                group.add(Phase.COMMENTS, DdlObjects.commentOnRule(relation, want.name(), want.comment()), Kind.ALTER, NONE,
                        "set the comment on rule " + want.name() + " on " + relation);
            }
        });
    }

    /** Plans later, for the change being planned now, unless the object is dropped and re-created anyway. */
    private void unlessRecreated(ObjectRef ref, Runnable planning) {
        Cause planningCause = cause;
        unlessRecreated.computeIfAbsent(ref, k -> new ArrayList<>()).add(() -> because(planningCause, planning));
    }

    /** Detach from the old parent (or bound), attach with the expected bound. */
    private void planPartitionBound(QualifiedName table, PartitionBound want, PartitionBound have) {
        if (want != null && rebuiltTables.containsKey(want.parent())) {
            return; // created as a partition together with its re-created parent
        }
        Group group = group();
        if (have != null) {
            group.add(Phase.DETACH_PARTITIONS, DdlRenderer.detachPartition(table, have), Kind.ALTER, NONE,
                    "detach partition " + table + " (" + have.bound() + ") from " + have.parent());
        }
        if (want != null) {
            group.add(Phase.ATTACH_PARTITIONS, DdlRenderer.attachPartition(table, want), Kind.ALTER, MAY_FAIL,
                    "attach " + table + " to " + want.parent() + " " + want.bound() + " (fails if a row lies outside the bound)");
        }
    }

    /**
     * NO INHERIT from the parents the table no longer inherits from, INHERIT the new ones. PostgreSQL keeps the
     * order of INHERIT statements, so from the first parent out of place on, all are removed and added again.
     * INHERIT needs the parent's columns (added by the diff) and CHECK constraints on the child, the parent's own
     * and those it inherits: those the child lacks are added first; the parent's then count as the child's.
     */
    private void planInheritance(QualifiedName table, List<QualifiedName> want, List<QualifiedName> have) {
        int same = 0;
        while (same < want.size() && same < have.size() && want.get(same).equals(have.get(same))) {
            same++;
        }
        Group group = group();
        for (QualifiedName parent : have.subList(same, have.size())) {
            group.add(Phase.DETACH_PARTITIONS, DdlRenderer.alterTable(table, "NO INHERIT " + parent.sql()), Kind.ALTER, NONE,
                    "stop " + table + " inheriting from " + parent + " (it keeps the inherited columns)");
        }
        Table child = actual.table(table).orElse(null);
        for (QualifiedName parent : want.subList(same, want.size())) {
            for (CheckConstraint check : checksPassedOn(parent, new HashSet<>()).values()) {
                if (child == null || child.constraint(check.name()).isEmpty()) {
                    group.add(Phase.ATTACH_PARTITIONS, DdlRenderer.addConstraint(table, check), Kind.ALTER, MAY_FAIL,
                            "add " + check.kind() + " " + check.name() + " of " + parent + " to " + table
                                    + ", which INHERIT requires");
                }
            }
            group.add(Phase.ATTACH_PARTITIONS, DdlRenderer.alterTable(table, "INHERIT " + parent.sql()), Kind.ALTER, MAY_FAIL,
                    "make " + table + " inherit from " + parent + " (fails if a column or CHECK constraint differs)");
        }
    }

    /**
     * The CHECK constraints a table inheriting from {@code parent} gets, by name, in the expected model: the
     * parent's own inheritable ones and, since the model lists only a table's own, those the parent inherits
     * itself from its parents.
     */
    private Map<String, CheckConstraint> checksPassedOn(QualifiedName parent, Set<QualifiedName> seen) {
        Map<String, CheckConstraint> checks = new LinkedHashMap<>();
        Table table = seen.add(parent) ? expected.table(parent).orElse(null) : null;
        if (table == null) {
            return checks;
        }
        table.checkConstraints().stream().filter(check -> !check.noInherit()).forEach(check -> checks.put(check.name(), check));
        table.parents().forEach(grandparent -> checksPassedOn(grandparent, seen).forEach(checks::putIfAbsent));
        return checks;
    }

    /** Whether the table takes columns from a parent in that model (a partition or an inheritance child). */
    private static boolean isChild(Database database, QualifiedName table) {
        return database.table(table).map(t -> !t.parents().isEmpty()).orElse(false);
    }

    // ---- text search dictionaries and configurations ----

    /**
     * Text search objects, planned together once the drops of tables and columns are known. Options, mappings and
     * comments change in place ({@code ALTER TEXT SEARCH DICTIONARY ... (option = value)}, {@code ALTER MAPPING FOR});
     * another template or parser cannot, so the object is dropped and created again: a configuration together with
     * what uses it (views, indexes, checks and defaults are dropped and re-created around it, see
     * {@link #planDependents()}; a generated column is dropped and added again, which holds the rebuild back unless
     * drops are allowed), a dictionary after the configurations that map it let go of it (their mappings are set
     * again from the expected model afterwards). Dictionaries are created before configurations, configurations
     * before anything that names them, and dropped the other way round, at the end; a drop that would fail while a
     * table or column whose drop is held back still uses the object is held back with that drop.
     */
    private void planTextSearch(SchemaDiff diff) {
        TextSearchChanges changes = TextSearchChanges.of(diff);
        // configurations whose parser changes: dropped (with their generated columns) and created again
        Map<QualifiedName, Group> rebuiltConfigurations = new LinkedHashMap<>();
        for (TextSearchChanges.Altered<TextSearchConfiguration> altered : changes.alteredConfigurations()) {
            if (!altered.expected().parser().equals(altered.actual().parser())) {
                cause = changes.causeOfConfiguration(altered.name());
                rebuiltConfigurations.put(altered.name(), planConfigurationRebuild(altered.name(), altered.expected()));
            }
        }
        // dictionaries whose template changes: the configurations that stay let go of them first
        Map<QualifiedName, Set<String>> detached = new TreeMap<>();
        Map<QualifiedName, Cause> detachedFor = new HashMap<>();
        List<TextSearchChanges.Named<TextSearchDictionary>> dictionariesToCreate = new ArrayList<>(changes.addedDictionaries());
        Map<QualifiedName, Group> dictionaryGroups = new HashMap<>();
        for (TextSearchChanges.Altered<TextSearchDictionary> altered : changes.alteredDictionaries()) {
            QualifiedName name = altered.name();
            if (altered.expected().template().equals(altered.actual().template())) {
                continue;
            }
            cause = changes.causeOfDictionary(name);
            // with a configuration rebuilt around it, the rebuild drops that configuration first and goes with it
            Group group = TextSearchChanges.configurations(actual).stream()
                    .filter(c -> rebuiltConfigurations.containsKey(c.name())
                            && !TextSearchChanges.tokenTypesMapping(c.object(), name).isEmpty())
                    .map(c -> rebuiltConfigurations.get(c.name()).joinedBy(cause)).findFirst().orElseGet(this::group);
            for (TextSearchChanges.Named<TextSearchConfiguration> configuration : TextSearchChanges.configurations(actual)) {
                Set<String> tokenTypes = TextSearchChanges.tokenTypesMapping(configuration.object(), name);
                if (tokenTypes.isEmpty() || rebuiltConfigurations.containsKey(configuration.name())) {
                    continue;
                }
                detached.computeIfAbsent(configuration.name(), n -> new java.util.TreeSet<>()).addAll(tokenTypes);
                detachedFor.putIfAbsent(configuration.name(), dependent("it maps text search dictionary " + name
                        + ", which is re-created"));
                group.add(Phase.DROP_REBUILT_TEXT_SEARCH, DdlTextSearch.dropMappings(configuration.name(), tokenTypes),
                        Kind.ALTER, NONE, "let text search configuration " + configuration.name() + " stop using dictionary "
                                + name + " for " + tokenTypes + " while it is re-created (mapped again below)");
            }
            group.add(Phase.DROP_REBUILT_TEXT_SEARCH, DdlTextSearch.dropDictionary(name), Kind.DROP, NONE,
                    "drop text search dictionary " + name + " to re-create it with template " + altered.expected().template()
                            + " (PostgreSQL cannot change a dictionary's template)");
            dictionaryGroups.put(name, group);
            touch(ObjectRef.of(ObjectRef.Kind.TEXT_SEARCH_DICTIONARY, name.schema(), name.name()));
            dictionariesToCreate.add(new TextSearchChanges.Named<>(name, altered.expected()));
        }
        for (TextSearchChanges.Named<TextSearchDictionary> dictionary : TextSearchChanges.creationOrder(dictionariesToCreate)) {
            boolean again = dictionaryGroups.containsKey(dictionary.name());
            cause = changes.causeOfDictionary(dictionary.name());
            Group group = again ? dictionaryGroups.get(dictionary.name()) : group();
            group.add(Phase.CREATE_TEXT_SEARCH_DICTIONARIES, DdlTextSearch.createDictionary(dictionary.name(), dictionary.object()),
                    again ? Kind.ALTER : Kind.CREATE, NONE, (again ? "re-create" : "create") + " text search dictionary "
                            + dictionary.name());
            if (dictionary.object().comment() != null) {
                group.add(Phase.COMMENTS, DdlTextSearch.commentOnDictionary(dictionary.name(), dictionary.object().comment()),
                        again ? Kind.ALTER : Kind.CREATE, NONE, "comment on text search dictionary " + dictionary.name());
            }
        }
        for (TextSearchChanges.Altered<TextSearchDictionary> altered : changes.alteredDictionaries()) {
            if (!altered.expected().template().equals(altered.actual().template())) {
                continue;
            }
            cause = changes.causeOfDictionary(altered.name());
            String alter = DdlTextSearch.alterDictionaryOptions(altered.name(), altered.expected(), altered.actual());
            if (alter != null) {
                group().add(Phase.CREATE_TEXT_SEARCH_DICTIONARIES, alter, Kind.ALTER, NONE, "change the options of text"
                        + " search dictionary " + altered.name() + " (tsvectors stored or indexed before keep what the old options gave)");
            }
            if (!Objects.equals(altered.expected().comment(), altered.actual().comment())) {
                group().add(Phase.COMMENTS, DdlTextSearch.commentOnDictionary(altered.name(), altered.expected().comment()),
                        Kind.ALTER, NONE, "set the comment on text search dictionary " + altered.name());
            }
        }
        for (TextSearchChanges.Named<TextSearchConfiguration> configuration : changes.addedConfigurations()) {
            cause = changes.causeOfConfiguration(configuration.name());
            planConfigurationCreate(group(), configuration.name(), configuration.object(), Kind.CREATE);
        }
        // mappings of configurations that stay, from what they map after the detaching above
        Set<QualifiedName> remapped = new java.util.TreeSet<>(detached.keySet());
        changes.alteredConfigurations().stream().map(TextSearchChanges.Altered::name)
                .filter(name -> !rebuiltConfigurations.containsKey(name)).forEach(remapped::add);
        for (QualifiedName name : remapped) {
            TextSearchConfiguration want = expectedConfiguration(name);
            TextSearchConfiguration have = TextSearchChanges.configurations(actual).stream().filter(c -> c.name().equals(name))
                    .map(TextSearchChanges.Named::object).findFirst().orElse(null);
            if (want == null || have == null) {
                continue; // dropped below
            }
            cause = changes.hasConfigurationChange(name) ? changes.causeOfConfiguration(name) : detachedFor.get(name);
            planMappingChanges(name, want, have, detached.getOrDefault(name, Set.of()));
            if (!Objects.equals(want.comment(), have.comment())) {
                group().add(Phase.COMMENTS, DdlTextSearch.commentOnConfiguration(name, want.comment()), Kind.ALTER, NONE,
                        "set the comment on text search configuration " + name);
            }
        }
        // drops, at the end: a configuration with the held-back drop of a table or column that uses it
        Map<QualifiedName, Group> configurationDrops = new HashMap<>();
        for (TextSearchChanges.Named<TextSearchConfiguration> configuration : changes.droppedConfigurations()) {
            ObjectRef ref = ObjectRef.of(ObjectRef.Kind.TEXT_SEARCH_CONFIGURATION, configuration.name().schema(),
                    configuration.name().name());
            cause = changes.causeOfConfiguration(configuration.name());
            Group group = dataDropUsing(ref);
            configurationDrops.put(configuration.name(), (group != null ? group.joinedBy(cause) : group()).add(Phase.DROP_TEXT_SEARCH_CONFIGURATIONS,
                    DdlTextSearch.dropConfiguration(configuration.name()), Kind.DROP, NONE,
                    "drop text search configuration " + configuration.name()));
        }
        for (TextSearchChanges.Named<TextSearchDictionary> dictionary : changes.droppedDictionaries()) {
            cause = changes.causeOfDictionary(dictionary.name());
            Group group = null;
            for (TextSearchChanges.Named<TextSearchConfiguration> configuration : TextSearchChanges.configurations(actual)) {
                if (configurationDrops.containsKey(configuration.name())
                        && !TextSearchChanges.tokenTypesMapping(configuration.object(), dictionary.name()).isEmpty()) {
                    group = configurationDrops.get(configuration.name());
                }
            }
            (group != null ? group.joinedBy(cause) : group()).add(Phase.DROP_TEXT_SEARCH_DICTIONARIES,
                    DdlTextSearch.dropDictionary(dictionary.name()), Kind.DROP, NONE, "drop text search dictionary " + dictionary.name());
        }
        cause = null;
    }

    /**
     * A configuration on another parser: dropped and created again. Its generated columns are dropped and added
     * again in the same group (PostgreSQL 13-16 cannot change a generation expression in place), so that without
     * drops allowed the whole rebuild is held back; views, indexes, checks and defaults that name it are dropped
     * and re-created around it by {@link #planDependents()}.
     */
    private Group planConfigurationRebuild(QualifiedName name, TextSearchConfiguration want) {
        Group group = group();
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
            if (generated == null || !generatedNow || tablesToDrop.contains(table) || droppedColumns.contains(column)) {
                continue;
            }
            moved.add(dependent);
            handledByDiff.add(dependent);
            droppedColumns.add(column);
            planColumnRecreation(group.joinedBy(dependent("its generation expression uses text search configuration " + name)),
                    table, generated, "on the re-created text search configuration " + name
                    + " (its values are computed again)");
            // the indexes on the column go with it, and planColumnRecreation creates them again
            Pattern mention = mentionOf(generated.name());
            actual.table(table).ifPresent(t -> t.indexes().stream().filter(index -> onColumn(index, generated.name(), mention))
                    .forEach(index -> handledByDiff.add(ObjectRef.of(ObjectRef.Kind.INDEX, table.schema(), index.name()))));
        }
        group.add(Phase.DROP_REBUILT_TEXT_SEARCH, DdlTextSearch.dropConfiguration(name), Kind.DROP, NONE,
                "drop text search configuration " + name + " to re-create it with parser " + want.parser()
                        + " (PostgreSQL cannot change a configuration's parser)");
        planConfigurationCreate(group, name, want, Kind.ALTER);
        if (options.allowDrops() || !group.deletesData()) { // else all of it is held back: what uses it stays as it is
            moved.forEach(this::touch);
        }
        return group;
    }

    private void planConfigurationCreate(Group group, QualifiedName name, TextSearchConfiguration configuration, Kind kind) {
        String verb = kind == Kind.CREATE ? "create" : "re-create";
        group.add(Phase.CREATE_TEXT_SEARCH_CONFIGURATIONS, DdlTextSearch.createConfiguration(name, configuration), kind, NONE,
                verb + " text search configuration " + name);
        for (String sql : DdlTextSearch.setMappings(name, configuration.mappings())) {
            group.add(Phase.CREATE_TEXT_SEARCH_CONFIGURATIONS, sql, kind, NONE, "map token types of text search configuration " + name);
        }
        if (configuration.comment() != null) {
            group.add(Phase.COMMENTS, DdlTextSearch.commentOnConfiguration(name, configuration.comment()), kind, NONE,
                    "comment on text search configuration " + name);
        }
    }

    /** ALTER MAPPING for the token types whose dictionaries differ, DROP MAPPING for those no longer mapped. */
    private void planMappingChanges(QualifiedName name, TextSearchConfiguration want, TextSearchConfiguration have,
                                    Set<String> detachedTokenTypes) {
        List<TextSearchConfiguration.Mapping> set = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Set<String> tokenTypes = new java.util.TreeSet<>();
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
        Group group = group();
        if (!dropped.isEmpty()) {
            group.add(Phase.CREATE_TEXT_SEARCH_CONFIGURATIONS, DdlTextSearch.dropMappings(name, dropped), Kind.ALTER, NONE,
                    "stop indexing token types " + dropped + " in text search configuration " + name);
        }
        for (String sql : DdlTextSearch.setMappings(name, set)) {
            group.add(Phase.CREATE_TEXT_SEARCH_CONFIGURATIONS, sql, Kind.ALTER, NONE, "map token types of text search"
                    + " configuration " + name + " to the expected dictionaries (tsvectors stored or indexed before are not recomputed)");
        }
    }

    private TextSearchConfiguration expectedConfiguration(QualifiedName name) {
        return expected.schema(name.schema()).flatMap(s -> s.textSearchConfigurations().stream()
                .filter(c -> c.name().equals(name.name())).findFirst()).orElse(null);
    }

    /** The group dropping a table or column (with its data) that uses {@code ref} in the actual database; null if none. */
    private Group dataDropUsing(ObjectRef ref) {
        for (ObjectRef dependent : actualGraph.dependentsOf(ref)) {
            Group group = dataDrops.get(dependent);
            if (group == null && dependent.member() != null) {
                group = dataDrops.get(dependent.owner());
            }
            if (group == null && dependent.kind() == ObjectRef.Kind.INDEX) {
                QualifiedName table = indexTable(actual, dependent);
                group = table == null ? null : dataDrops.get(tableRef(table));
            }
            if (group != null) {
                return group;
            }
        }
        return null;
    }

    // ---- dependents: drop before, re-create after ----

    /**
     * Everything that depends (in the actual database) on a touched object and that PostgreSQL would not let
     * stay — views, triggers, policies, checks, indexes, routines, column defaults — transitively: dropped
     * before the change, dependents first, and created again from the expected model afterwards, in dependency
     * order, together with the objects the diff adds or re-creates.
     */
    private void planDependents() {
        Deque<ObjectRef> queue = new ArrayDeque<>(touched.keySet());
        // the change each moved object moves for: the one that touched it, or the one its dependency moves for
        Map<ObjectRef, SchemaChange> movedFor = new HashMap<>();
        touched.forEach((ref, why) -> movedFor.put(ref, why.change()));
        while (!queue.isEmpty()) {
            ObjectRef changed = queue.poll();
            for (ObjectRef dependent : actualGraph.dependentsOf(changed)) {
                if (!mustMove(dependent, changed) || handledByDiff.contains(dependent) || goesWithItsTable(dependent)
                        || !exists(actual, dependent)) {
                    continue;
                }
                String reason = "it depends on " + changed + ", which changes";
                Cause why = new Cause.Dependent(movedFor.get(changed), reason);
                dropDependent(dependent, reason, why);
                if (exists(expected, dependent)) {
                    create(dependent, why);
                }
                if (movedFor.putIfAbsent(dependent, why.change()) == null) {
                    queue.add(dependent);
                }
            }
        }
        List<ObjectRef> dropOrder = new ArrayList<>(actualGraph.topological(dependentDrops.keySet()));
        Collections.reverse(dropOrder);
        for (ObjectRef ref : dropOrder) {
            Move drop = dependentDrops.get(ref);
            cause = drop.cause();
            planDependentDrop(ref, drop.reason(), creates.containsKey(ref));
        }
        for (ObjectRef ref : expectedGraph.topological(creates.keySet())) {
            cause = creates.get(ref);
            planCreate(ref, newObjects.contains(ref) ? Kind.CREATE : Kind.ALTER);
        }
        cause = null;
        unlessRecreated.forEach((ref, planning) -> {
            if (!dependentDrops.containsKey(ref)) {
                planning.forEach(Runnable::run);
            }
        });
    }

    /** Whether {@code dependent} must be gone while {@code changed} changes. */
    private boolean mustMove(ObjectRef dependent, ObjectRef changed) {
        return switch (dependent.kind()) {
            case VIEW, MATERIALIZED_VIEW, TRIGGER, RULE, POLICY, ROUTINE, INDEX -> true;
            case CONSTRAINT -> actual.table(tableOf(dependent)).flatMap(t -> t.constraint(dependent.member()))
                    .filter(c -> !(c instanceof ForeignKey)).isPresent(); // foreign keys: see collectForeignKeyDrops()
            case COLUMN -> changed.kind() == ObjectRef.Kind.ROUTINE || changed.kind() == ObjectRef.Kind.SEQUENCE
                    || changed.kind() == ObjectRef.Kind.TEXT_SEARCH_CONFIGURATION
                    || changed.kind() == ObjectRef.Kind.TEXT_SEARCH_DICTIONARY; // its default
            default -> false;
        };
    }

    private boolean goesWithItsTable(ObjectRef ref) {
        QualifiedName table = switch (ref.kind()) {
            case TRIGGER, RULE, POLICY, CONSTRAINT, COLUMN -> tableOf(ref);
            case INDEX -> indexTable(actual, ref);
            default -> null;
        };
        return table != null && tablesToDrop.contains(table);
    }

    private void planDependentDrop(ObjectRef ref, String reason, boolean recreated) {
        String why = " (" + reason + (recreated ? "; re-created below" : "") + ")";
        QualifiedName table = ref.member() == null ? null : tableOf(ref);
        switch (ref.kind()) {
            case VIEW, MATERIALIZED_VIEW -> view(actual, ref).ifPresent(v -> group().add(Phase.DROP_DEPENDENTS,
                    DdlObjects.drop(ref.schema(), v), Kind.DROP, NONE, "drop " + v.kind() + " " + qualified(ref) + why));
            // a routine whose signature uses the row type of a table or view that goes must go first; others after
            // the tables, whose defaults may call them
            case ROUTINE -> routineOrAggregate(actual, ref).ifPresent(r -> group().add(
                    r instanceof Routine routine && RoutineSignature.mentions(ref.schema(), routine, relationsGoing())
                            ? Phase.DROP_DEPENDENTS : Phase.DROP_ROUTINES,
                    DdlObjects.drop(ref.schema(), r), Kind.DROP, NONE, "drop " + r.kind() + " " + qualified(ref) + why));
            case TRIGGER -> group().add(Phase.DROP_DEPENDENTS, DdlObjects.dropTrigger(table, ref.member()), Kind.DROP, NONE,
                    "drop trigger " + ref.member() + " on " + table + why);
            case POLICY -> group().add(Phase.DROP_DEPENDENTS, DdlRenderer.dropPolicy(table, ref.member()), Kind.DROP, NONE,
                    "drop policy " + ref.member() + " on " + table + why);
            case RULE -> group().add(Phase.DROP_DEPENDENTS, DdlObjects.dropRule(table, ref.member()), Kind.DROP, NONE,
                    "drop rule " + ref.member() + " on " + table + why);
            case CONSTRAINT -> group().add(Phase.DROP_DEPENDENTS, DdlRenderer.dropConstraint(table, ref.member()), Kind.DROP, NONE,
                    "drop constraint " + ref.member() + " on " + table + why);
            case COLUMN -> group().add(Phase.DROP_DEPENDENTS, DdlRenderer.alterColumn(table, ref.member(), "DROP DEFAULT"),
                    Kind.ALTER, NONE, "drop the default of " + table + "." + ref.member() + why);
            case INDEX -> {
                QualifiedName indexTable = indexTable(actual, ref);
                if (indexTable != null) {
                    group().add(Phase.DROP_DEPENDENTS, DdlRenderer.dropIndex(indexTable, ref.name()), Kind.DROP, NONE,
                            "drop index " + ref.name() + " on " + indexTable + why);
                }
            }
            default -> {
            }
        }
    }

    private void planCreate(ObjectRef ref, Kind kind) {
        String verb = kind == Kind.CREATE ? "create " : "re-create ";
        QualifiedName table = ref.member() == null ? null : tableOf(ref);
        switch (ref.kind()) {
            case VIEW, MATERIALIZED_VIEW -> view(expected, ref).ifPresent(v -> planViewCreate(ref.schema(), v, kind));
            case ROUTINE -> aggregate(expected, ref).ifPresentOrElse(a -> {
                Group group = group().add(Phase.CREATE_AGGREGATES, DdlAggregates.create(ref.schema(), a), kind, NONE,
                        verb + "aggregate " + qualified(ref));
                if (a.comment() != null) {
                    group.add(Phase.COMMENTS, DdlAggregates.comment(ref.schema(), a, a.comment()), kind, NONE,
                            "comment on aggregate " + qualified(ref));
                }
            }, () -> routine(expected, ref).ifPresent(r -> {
                Group group = group().add(routinePhase(ref.schema(), r), DdlObjects.createOrReplace(r), kind, NONE,
                        (dependentDrops.containsKey(ref) || kind == Kind.CREATE ? verb : "replace ") + r.kind() + " " + qualified(ref));
                if (r.comment() != null) {
                    group.add(Phase.COMMENTS, DdlObjects.comment(ref.schema(), r, r.comment()), kind, NONE,
                            "comment on " + r.kind() + " " + qualified(ref));
                }
            }));
            case TRIGGER -> trigger(expected, ref).ifPresent(trigger -> {
                Group group = group().add(Phase.CREATE_TRIGGERS, DdlObjects.createTrigger(trigger), kind, NONE,
                        verb + "trigger " + trigger.name() + " on " + table);
                if (trigger.firing() != Trigger.Firing.ORIGIN) {
                    group.add(Phase.CREATE_TRIGGERS, DdlObjects.enableTrigger(table, trigger.name(), trigger.firing()), kind,
                            NONE, trigger.firing().sql().toLowerCase(java.util.Locale.ROOT) + " trigger " + trigger.name()
                                    + " on " + table);
                }
                if (trigger.comment() != null) {
                    group.add(Phase.COMMENTS, DdlObjects.commentOnTrigger(table, trigger.name(), trigger.comment()), kind, NONE,
                            "comment on trigger " + trigger.name() + " on " + table);
                }
            });
            case RULE -> rule(expected, ref).ifPresent(rule -> {
                boolean replaces = kind == Kind.ALTER && !dependentDrops.containsKey(ref) && !viewDropped(ref);
                Group group = group().add(Phase.CREATE_TRIGGERS, DdlObjects.createOrReplaceRule(rule), kind, NONE,
                        (replaces ? "replace " : verb) + "rule " + rule.name() + " on " + table);
                boolean firingChanges = replaces ? rule(actual, ref).map(r -> r.firing() != rule.firing()).orElse(true)
                        : rule.firing() != Trigger.Firing.ORIGIN;
                if (firingChanges) {
                    group.add(Phase.CREATE_TRIGGERS, DdlObjects.enableRule(table, rule.name(), rule.firing()), kind, NONE,
                            rule.firing().sql().toLowerCase(java.util.Locale.ROOT) + " rule " + rule.name() + " on " + table);
                }
                boolean commentChanges = replaces ? rule(actual, ref).map(r -> !Objects.equals(r.comment(), rule.comment()))
                        .orElse(true) : rule.comment() != null;
                if (commentChanges) {
                    group.add(Phase.COMMENTS, DdlObjects.commentOnRule(table, rule.name(), rule.comment()), kind, NONE,
                            "comment on rule " + rule.name() + " on " + table);
                }
            });
            case POLICY -> expected.table(table).flatMap(t -> t.policies().stream().filter(p -> p.name().equals(ref.member())).findFirst())
                    .ifPresent(policy -> group().add(Phase.POLICIES, DdlRenderer.createPolicy(table, policy), kind, NONE,
                            verb + "policy " + policy.name() + " on " + table));
            case CONSTRAINT -> expected.table(table).flatMap(t -> t.constraint(ref.member()))
                    .ifPresent(constraint -> {
                        group().add(Phase.ADD_CONSTRAINTS, DdlRenderer.addConstraint(table, constraint), kind,
                                MAY_FAIL, verb + constraint.kind() + " " + constraint.name() + " on " + table);
                        createdConstraint(new PartRef(table, constraint.name()), cause);
                    });
            case COLUMN -> expected.table(table).flatMap(t -> t.column(ref.member()))
                    .map(column -> SerialColumns.defaultExpression(table, column))
                    .ifPresent(expression -> group().add(Phase.ALTER_COLUMNS,
                            DdlRenderer.alterColumn(table, ref.member(), "SET DEFAULT " + expression), kind, NONE,
                            "set the default of " + table + "." + ref.member() + " again"));
            case INDEX -> {
                QualifiedName indexTable = indexTable(expected, ref);
                if (indexTable != null) {
                    expected.table(indexTable).flatMap(t -> t.index(ref.name()))
                            .ifPresent(index -> planIndexCreate(group(), indexTable, index, kind));
                }
            }
            default -> {
            }
        }
    }

    /** Where a routine is created: after the tables or views whose row types its signature uses, if any. */
    private Phase routinePhase(String schema, Routine routine) {
        if (expectedTables == null) {
            expectedTables = new HashSet<>();
            expectedViews = new HashSet<>();
            for (Schema s : expected.schemas()) {
                s.tables().forEach(t -> expectedTables.add(QualifiedName.of(s.name(), t.name())));
                s.views().forEach(v -> expectedViews.add(QualifiedName.of(s.name(), v.name())));
            }
        }
        if (RoutineSignature.mentions(schema, routine, expectedViews)) {
            return Phase.CREATE_ROUTINES_ON_VIEWS;
        }
        return RoutineSignature.mentions(schema, routine, expectedTables) ? Phase.CREATE_ROUTINES_ON_TABLES : Phase.CREATE_ROUTINES;
    }

    private void planViewCreate(String schema, View view, Kind kind) {
        ObjectRef ref = PlanGraph.viewRef(schema, view);
        QualifiedName name = QualifiedName.of(schema, view.name());
        boolean replace = replacedViews.contains(ref);
        Set<Hazard> hazards = view.materialized() && kind == Kind.ALTER ? REWRITES : NONE;
        Group group = group().add(Phase.CREATE_VIEWS, replace ? DdlObjects.replaceView(schema, view) : DdlObjects.create(schema, view),
                kind, hazards, (replace ? "replace view " : (kind == Kind.CREATE ? "create " : "re-create ") + view.kind() + " ") + name
                        + (view.materialized() ? " (computes its rows)" : ""));
        for (Index index : view.indexes()) {
            group.add(Phase.CREATE_VIEWS, DdlRenderer.createIndex(name, index), kind, index.unique() ? MAY_FAIL : NONE,
                    "create index " + index.name() + " on " + view.kind() + " " + name);
        }
        if (view.comment() != null && !replace) {
            group.add(Phase.COMMENTS, DdlObjects.comment(schema, view, view.comment()), kind, NONE,
                    "comment on " + view.kind() + " " + name);
        }
    }

    // ---- grants ----

    /**
     * GRANT and REVOKE, once every object exists. The diff's grant changes are planned as they are, except on
     * objects the expected schema does not have (they are dropped, and their grants with them). An object this
     * plan creates, or drops and creates again, starts with PostgreSQL's default privileges whatever the actual
     * database had, so every expected grant on it is planned; GRANT and REVOKE change nothing when the privilege
     * is already as wanted, so planning one too many is harmless.
     */
    private void planGrants(SchemaDiff diff) {
        Set<Grant.Key> planned = new HashSet<>();
        for (SchemaChange change : diff.changes()) {
            cause = new Cause.Planned(change);
            if (change instanceof SchemaChange.GrantAdded added) {
                planGrant(added.grant());
                planned.add(added.grant().key());
            } else if (change instanceof SchemaChange.GrantOptionChanged option) {
                Grant want = option.expected();
                String sql = startsFresh(want.on()) ? DdlGrants.apply(want) : DdlGrants.grantOption(want);
                group().add(grantPhase(sql), sql, Kind.ALTER, NONE, (want.withGrantOption() ? "add the grant option to " : "take the grant option from ")
                                + privilegeOn(want) + " of " + want.grantee());
                planned.add(want.key());
            } else if (change instanceof SchemaChange.GrantDropped dropped && existsInExpected(dropped.grant().on())
                    && !startsFresh(dropped.grant().on())) {
                Grant have = dropped.grant();
                String sql = DdlGrants.undo(have);
                group().add(grantPhase(sql), sql, have.revoked() ? Kind.ALTER : Kind.DROP, NONE,
                        have.revoked() ? "grant the default " + privilegeOn(have) + " to " + have.grantee() + " again"
                                : "revoke " + privilegeOn(have) + " from " + have.grantee());
            }
        }
        for (Schema schema : expected.schemas()) {
            for (Grant grant : schema.grants()) {
                Cause fresh = planned.contains(grant.key()) ? null : freshCause(grant.on());
                if (fresh != null) {
                    cause = new Cause.Dependent(fresh.change(), "the plan creates " + Grant.kindWord(grant.on()) + " "
                            + Grant.objectName(grant.on()) + " anew, with PostgreSQL's default privileges");
                    planGrant(grant);
                }
            }
        }
        cause = null;
    }

    /**
     * Revokes run before grants: revoking a privilege on a table takes it from every column too, so a column
     * grant of the same privilege must come after.
     */
    private static Phase grantPhase(String sql) {
        return sql.startsWith("REVOKE") ? Phase.REVOKES : Phase.GRANTS;
    }

    private void planGrant(Grant grant) {
        String sql = DdlGrants.apply(grant);
        group().add(grantPhase(sql), sql, grant.revoked() ? Kind.ALTER : Kind.CREATE, NONE,
                grant.revoked() ? "revoke the default " + privilegeOn(grant) + " from " + grant.grantee()
                        : "grant " + grant.describe());
    }

    /** {@code SELECT on table public.orders}. */
    private static String privilegeOn(Grant grant) {
        return grant.privilege() + " on " + Grant.kindWord(grant.on()) + " " + Grant.objectName(grant.on());
    }

    /** Whether the object has PostgreSQL's default privileges once the plan has run: the plan creates it (again). */
    private boolean startsFresh(ObjectRef on) {
        return freshCause(on) != null;
    }

    /** Why the plan creates the object (again), so that it starts with PostgreSQL's default privileges; or null. */
    private Cause freshCause(ObjectRef on) {
        String schema = on.kind() == ObjectRef.Kind.SCHEMA ? on.name() : on.schema();
        if (addedSchemas.containsKey(schema)) {
            return addedSchemas.get(schema);
        }
        return switch (on.kind()) {
            case TABLE -> createdTable(tableOf(on));
            case COLUMN -> firstOf(createdTable(tableOf(on)), recreatedColumns.get(on),
                    recreated(ObjectRef.of(ObjectRef.Kind.VIEW, on.schema(), on.name())),
                    recreated(ObjectRef.of(ObjectRef.Kind.MATERIALIZED_VIEW, on.schema(), on.name())));
            case VIEW, MATERIALIZED_VIEW, ROUTINE -> recreated(on);
            case SEQUENCE -> firstOf(createdObjects.get(on), tablesToCreate.entrySet().stream()
                    .filter(t -> serialSequences(t.getKey(), t.getValue()).contains(on.name()))
                    .map(t -> tableCauses.get(t.getKey())).findFirst().orElse(null));
            case TYPE -> createdObjects.get(on);
            default -> null;
        };
    }

    private Cause createdTable(QualifiedName table) {
        return tablesToCreate.containsKey(table) ? tableCauses.get(table) : null;
    }

    private static Cause firstOf(Cause... causes) {
        return java.util.Arrays.stream(causes).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Why the plan creates a view or routine, or drops and creates it again (not one replaced in place); or null. */
    private Cause recreated(ObjectRef ref) {
        return creates.containsKey(ref) && (newObjects.contains(ref) || dependentDrops.containsKey(ref)) ? creates.get(ref) : null;
    }

    /** Whether the expected schema has the object, so that grants on it are kept up to date rather than dropped with it. */
    private boolean existsInExpected(ObjectRef on) {
        Schema schema = expected.schema(on.kind() == ObjectRef.Kind.SCHEMA ? on.name() : on.schema()).orElse(null);
        if (schema == null) {
            return false;
        }
        return switch (on.kind()) {
            case SCHEMA -> true;
            case TABLE -> schema.table(on.name()).isPresent();
            case COLUMN -> schema.table(on.name()).filter(t -> hasColumn(t, on.member(), new HashSet<>())).isPresent()
                    || schema.views().stream().anyMatch(v -> v.name().equals(on.name()));
            case VIEW, MATERIALIZED_VIEW -> view(expected, on).isPresent();
            case ROUTINE -> routineOrAggregate(expected, on).isPresent();
            case SEQUENCE -> schema.sequences().stream().anyMatch(q -> q.name().equals(on.name()))
                    || schema.tables().stream().anyMatch(t -> serialSequences(QualifiedName.of(schema.name(), t.name()), t)
                    .contains(on.name()));
            case TYPE -> schema.enums().stream().anyMatch(t -> t.name().equals(on.name()))
                    || schema.domains().stream().anyMatch(t -> t.name().equals(on.name()))
                    || schema.compositeTypes().stream().anyMatch(t -> t.name().equals(on.name()))
                    || schema.rangeTypes().stream().anyMatch(t -> t.name().equals(on.name()));
            default -> false;
        };
    }

    /**
     * Whether the expected table has the column, listed or given by a parent: an inheritance child lists only the
     * columns it declares itself, yet a grant on an inherited column of it is the child's.
     */
    private boolean hasColumn(Table table, String column, Set<QualifiedName> seen) {
        if (table.column(column).isPresent()) {
            return true;
        }
        for (QualifiedName parent : table.parents()) {
            if (seen.add(parent) && expected.table(parent).filter(p -> hasColumn(p, column, seen)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The names of the sequences behind the table's serial columns (as PostgreSQL names them). */
    private static Set<String> serialSequences(QualifiedName table, Table definition) {
        Set<String> names = new HashSet<>();
        for (Column column : definition.columns()) {
            if (column.type().isSerial()) {
                names.add(Identifiers.defaultName(table.name(), column.name(), "seq"));
            }
        }
        return names;
    }

    // ---- looking objects up by reference ----

    private static ObjectRef objectRef(String schema, SchemaObject object) {
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

    private static ObjectRef tableRef(QualifiedName table) {
        return ObjectRef.of(ObjectRef.Kind.TABLE, table.schema(), table.name());
    }

    private static ObjectRef triggerRef(QualifiedName table, String trigger) {
        return new ObjectRef(ObjectRef.Kind.TRIGGER, table.schema(), table.name(), trigger);
    }

    private static ObjectRef constraintRef(QualifiedName table, String constraint) {
        return new ObjectRef(ObjectRef.Kind.CONSTRAINT, table.schema(), table.name(), constraint);
    }

    private static ObjectRef policyRef(QualifiedName table, String policy) {
        return new ObjectRef(ObjectRef.Kind.POLICY, table.schema(), table.name(), policy);
    }

    private static QualifiedName tableOf(ObjectRef part) {
        return QualifiedName.of(part.schema(), part.name());
    }

    private static String qualified(ObjectRef ref) {
        return Identifiers.quote(ref.schema()) + "." + (ref.kind() == ObjectRef.Kind.ROUTINE ? ref.name() : Identifiers.quote(ref.name()));
    }

    private static Optional<View> view(Database database, ObjectRef ref) {
        return database.schema(ref.schema()).flatMap(s -> s.views().stream()
                .filter(v -> PlanGraph.viewRef(s.name(), v).equals(ref)).findFirst());
    }

    /** The trigger {@code ref} names, on a table or on a view. */
    private static Optional<Trigger> trigger(Database database, ObjectRef ref) {
        Optional<Trigger> onTable = database.table(tableOf(ref)).flatMap(t -> t.trigger(ref.member()));
        if (onTable.isPresent()) {
            return onTable;
        }
        return database.schema(ref.schema()).flatMap(s -> s.views().stream().filter(v -> v.name().equals(ref.name())).findFirst())
                .flatMap(v -> v.trigger(ref.member()));
    }

    /** The rule {@code ref} names, on a table or on a view. */
    private static Optional<Rule> rule(Database database, ObjectRef ref) {
        Optional<Rule> onTable = database.table(tableOf(ref)).flatMap(t -> t.rule(ref.member()));
        if (onTable.isPresent()) {
            return onTable;
        }
        return database.schema(ref.schema()).flatMap(s -> s.views().stream().filter(v -> v.name().equals(ref.name())).findFirst())
                .flatMap(v -> v.rule(ref.member()));
    }

    /** The tables and views the plan drops, or drops to create again. */
    private Set<QualifiedName> relationsGoing() {
        Set<QualifiedName> going = new HashSet<>(tablesToDrop);
        going.addAll(rebuiltTables.keySet());
        dependentDrops.keySet().stream().filter(d -> d.kind() == ObjectRef.Kind.VIEW || d.kind() == ObjectRef.Kind.MATERIALIZED_VIEW)
                .forEach(view -> going.add(QualifiedName.of(view.schema(), view.name())));
        return going;
    }

    /** Whether the plan drops the view a part of {@code ref} belongs to (which takes the part along). */
    private boolean viewDropped(ObjectRef part) {
        return dependentDrops.keySet().stream().anyMatch(d -> (d.kind() == ObjectRef.Kind.VIEW
                || d.kind() == ObjectRef.Kind.MATERIALIZED_VIEW) && d.schema().equals(part.schema()) && d.name().equals(part.name()));
    }

    private static ObjectRef ruleRef(QualifiedName relation, String rule) {
        return new ObjectRef(ObjectRef.Kind.RULE, relation.schema(), relation.name(), rule);
    }

    private static Optional<Routine> routine(Database database, ObjectRef ref) {
        return database.schema(ref.schema()).flatMap(s -> s.routines().stream()
                .filter(r -> r.signature().equals(ref.name())).findFirst());
    }

    private static Optional<Aggregate> aggregate(Database database, ObjectRef ref) {
        return database.schema(ref.schema()).flatMap(s -> s.aggregates().stream()
                .filter(a -> a.signature().equals(ref.name())).findFirst());
    }

    /** The function, procedure or aggregate of this signature (all are pg_proc rows, named alike). */
    private static Optional<SchemaObject> routineOrAggregate(Database database, ObjectRef ref) {
        Optional<SchemaObject> routine = routine(database, ref).map(SchemaObject.class::cast);
        return routine.isPresent() ? routine : aggregate(database, ref).map(SchemaObject.class::cast);
    }

    /** The table an index belongs to, looked up by the index's name in its schema; null if there is none. */
    private static QualifiedName indexTable(Database database, ObjectRef index) {
        return database.schema(index.schema()).flatMap(s -> s.tables().stream()
                        .filter(t -> t.index(index.name()).isPresent()).findFirst()
                        .map(t -> QualifiedName.of(s.name(), t.name())))
                .orElse(null);
    }

    private static boolean exists(Database database, ObjectRef ref) {
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

    // ---- result ----

    private MigrationPlan assemble() {
        List<Step> run = new ArrayList<>();
        List<Step> skipped = new ArrayList<>();
        for (Group group : groups) {
            if (group.deletesData() && !options.allowDrops()) {
                for (Step step : group.steps) {
                    skipped.add(new Step(step.phase(), step.sequence(), step.statement().withDescription(skipReason(step.statement()))));
                }
            } else {
                run.addAll(group.steps);
            }
        }
        run.stream().filter(step -> step.phase() == Phase.CREATE_ROUTINES
                        || step.phase() == Phase.CREATE_ROUTINES_ON_TABLES || step.phase() == Phase.CREATE_ROUTINES_ON_VIEWS)
                .min(Comparator.comparingInt(Step::sequence))
                .ifPresent(routine -> run.add(new Step(Phase.PRELUDE, -1, new PlanStatement("SET LOCAL check_function_bodies = off",
                        Kind.CREATE, NONE, "do not check function bodies while creating them: tables and views they use are"
                                + " created later in the plan", new Cause.Dependent(routine.statement().cause().change(),
                                "routines are created before the tables and views their bodies may use")))));
        return new MigrationPlan(inPhaseOrder(run), inPhaseOrder(skipped));
    }

    private static String skipReason(PlanStatement statement) {
        if (statement.has(Hazard.STOPS_REPLICATION)) {
            return statement.description() + " [skipped: stops replicating changes; plan with drops allowed to include it]";
        }
        return statement.has(Hazard.DELETES_DATA)
                ? statement.description() + " [skipped: deletes data; plan with drops allowed to include it]"
                : statement.description() + " [skipped: belongs to a change that deletes data]";
    }

    private static List<PlanStatement> inPhaseOrder(List<Step> steps) {
        return steps.stream().sorted(Comparator.comparing(Step::phase).thenComparingInt(Step::sequence))
                .map(Step::statement).toList();
    }
}
