package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.diff.SchemaChange.ColumnAspect;
import dev.schemaguard.diff.Expressions;
import dev.schemaguard.diff.SchemaDiff;
import dev.schemaguard.model.CheckConstraint;
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
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.RowSecurity;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;
import dev.schemaguard.sql.PlanStatement.Kind;

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
 * Turns a {@link SchemaDiff} into ordered DDL. Drops run first, most dependent objects first (foreign keys,
 * policies, indexes, constraints, columns, tables, schemas), then column changes, then creates in dependency
 * order (schemas, tables, columns, constraints, indexes, foreign keys, row security, policies, comments).
 * Foreign keys that depend on a key, column or table being dropped or changed are dropped first and, when the
 * expected model still has them, re-created at the end. Statements that delete data are skipped unless
 * {@link PlanOptions#allowDrops()}, together with the statements that only make sense with them.
 */
public final class MigrationPlanner {

    /** Execution order of the plan; statements of one phase keep the order they were planned in. */
    private enum Phase {
        DROP_FOREIGN_KEYS, DROP_POLICIES, DROP_INDEXES, DROP_CONSTRAINTS, DROP_COLUMNS, DROP_TABLES, DROP_SCHEMAS,
        ALTER_COLUMNS, CREATE_SCHEMAS, CREATE_TABLES, ADD_COLUMNS, ADD_CONSTRAINTS, CREATE_INDEXES, ADD_FOREIGN_KEYS,
        ROW_SECURITY, POLICIES, COMMENTS
    }

    /** A statement, its phase, and its position in planning order, which orders the statements of one phase. */
    private record Step(Phase phase, int sequence, PlanStatement statement) {
    }

    /** Statements that stand or fall together: skipped as a whole when one deletes data and drops are not allowed. */
    private final class Group {
        private final List<Step> steps = new ArrayList<>();

        Group add(Phase phase, String sql, Kind kind, Set<Hazard> hazards, String description) {
            steps.add(new Step(phase, stepCount++, new PlanStatement(sql, kind, hazards, description)));
            return this;
        }

        boolean deletesData() {
            return steps.stream().anyMatch(s -> s.statement().has(Hazard.DELETES_DATA));
        }
    }

    /** A constraint or index by table and name. */
    private record ObjectRef(QualifiedName table, String name) {
    }

    private static final Map<String, String> SERIAL_TYPES =
            Map.of("smallint", "smallserial", "integer", "serial", "bigint", "bigserial");
    private static final Set<Hazard> NONE = Set.of();
    private static final Set<Hazard> DELETES = Set.of(Hazard.DELETES_DATA);
    private static final Set<Hazard> MAY_FAIL = Set.of(Hazard.MAY_FAIL_ON_EXISTING_ROWS);
    private static final Set<Hazard> REWRITES = Set.of(Hazard.REWRITES_TABLE);

    private final Database expected;
    private final Database actual;
    private final PlanOptions options;
    private final List<Group> groups = new ArrayList<>();
    private int stepCount;
    private final Map<ObjectRef, String> foreignKeyDrops = new LinkedHashMap<>();
    private final Map<ObjectRef, Kind> foreignKeyAdds = new LinkedHashMap<>();
    private final Map<QualifiedName, Table> tablesToCreate = new TreeMap<>();
    private final Set<QualifiedName> tablesToDrop = new HashSet<>();
    private final Set<ObjectRef> touchedByDiff = new HashSet<>();

    private MigrationPlanner(Database expected, Database actual, PlanOptions options) {
        this.expected = Objects.requireNonNull(expected, "expected");
        this.actual = Objects.requireNonNull(actual, "actual");
        this.options = Objects.requireNonNull(options, "options");
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
            planChange(change);
        }
        planTableCreations();
        planForeignKeys();
        return assemble();
    }

    private Group group() {
        Group group = new Group();
        groups.add(group);
        return group;
    }

    // ---- first pass: what is created, dropped and touched ----

    private void collectTableLevelChanges(SchemaDiff diff) {
        for (SchemaChange change : diff.changes()) {
            if (change instanceof SchemaChange.SchemaAdded added) {
                added.schema().tables().forEach(t -> tablesToCreate.put(QualifiedName.of(added.schema().name(), t.name()), t));
            } else if (change instanceof SchemaChange.SchemaDropped dropped) {
                dropped.schema().tables().forEach(t -> tablesToDrop.add(QualifiedName.of(dropped.schema().name(), t.name())));
            } else if (change instanceof SchemaChange.TableAdded added) {
                tablesToCreate.put(added.table(), added.definition());
            } else if (change instanceof SchemaChange.TableDropped dropped) {
                tablesToDrop.add(dropped.table());
            } else if (change instanceof SchemaChange.ConstraintAdded c) {
                touchedByDiff.add(new ObjectRef(c.table(), c.constraint().name()));
            } else if (change instanceof SchemaChange.ConstraintAltered c) {
                touchedByDiff.add(new ObjectRef(c.table(), c.expected().name()));
            } else if (change instanceof SchemaChange.IndexAdded i) {
                touchedByDiff.add(new ObjectRef(i.table(), i.index().name()));
            } else if (change instanceof SchemaChange.IndexAltered i) {
                touchedByDiff.add(new ObjectRef(i.table(), i.expected().name()));
            }
        }
    }

    /** Foreign keys to drop: changed ones, those of dropped tables, and those that depend on something dropped or changed. */
    private void collectForeignKeyDrops(SchemaDiff diff) {
        for (QualifiedName table : sorted(tablesToDrop)) {
            actual.table(table).ifPresent(t -> t.foreignKeys().forEach(
                    fk -> dropForeignKey(table, fk, "its table is dropped")));
            dependentsOf(table, fk -> true, "it references table " + table + ", which is dropped");
        }
        for (SchemaChange change : diff.changes()) {
            if (change instanceof SchemaChange.ConstraintDropped c) {
                if (c.constraint() instanceof ForeignKey fk) {
                    dropForeignKey(c.table(), fk, "not in the expected schema");
                } else {
                    keyDependents(c.table(), c.constraint(), "is dropped");
                }
            } else if (change instanceof SchemaChange.ConstraintAltered c) {
                if (c.actual() instanceof ForeignKey fk) {
                    dropForeignKey(c.table(), fk, "its definition changes");
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
            }
        }
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
        foreignKeyDrops.putIfAbsent(new ObjectRef(table, fk.name()), reason);
    }

    // ---- second pass: one change at a time ----

    private void planChange(SchemaChange change) {
        if (change instanceof SchemaChange.SchemaAdded added) {
            String name = added.schema().name();
            Group group = group().add(Phase.CREATE_SCHEMAS, DdlRenderer.createSchema(name), Kind.CREATE, NONE, "create schema " + name);
            if (added.schema().comment() != null) {
                group.add(Phase.COMMENTS, DdlRenderer.commentOnSchema(name, added.schema().comment()), Kind.CREATE, NONE,
                        "comment on schema " + name);
            }
        } else if (change instanceof SchemaChange.SchemaDropped dropped) {
            planSchemaDrop(dropped.schema());
        } else if (change instanceof SchemaChange.SchemaCommentChanged c) {
            group().add(Phase.COMMENTS, DdlRenderer.commentOnSchema(c.schema(), c.expected()), Kind.ALTER, NONE,
                    "set the comment on schema " + c.schema());
        } else if (change instanceof SchemaChange.TableDropped dropped) {
            group().add(Phase.DROP_TABLES, DdlRenderer.dropTable(dropped.table()), Kind.DROP, DELETES,
                    "drop table " + dropped.table() + " and its rows");
        } else if (change instanceof SchemaChange.TableCommentChanged c) {
            group().add(Phase.COMMENTS, DdlRenderer.commentOnTable(c.table(), c.expected()), Kind.ALTER, NONE,
                    "set the comment on table " + c.table());
        } else if (change instanceof SchemaChange.RowSecurityChanged c) {
            planRowSecurity(group(), c.table(), c.expected(), c.actual(), Kind.ALTER);
        } else if (change instanceof SchemaChange.ColumnAdded c) {
            planColumnAdd(group(), c.table(), c.column(), Kind.CREATE);
        } else if (change instanceof SchemaChange.ColumnDropped c) {
            group().add(Phase.DROP_COLUMNS, DdlRenderer.dropColumn(c.table(), c.column().name()), Kind.DROP, DELETES,
                    "drop column " + c.table() + "." + c.column().name() + " and its data");
        } else if (change instanceof SchemaChange.ColumnAltered c) {
            planColumnAlter(c);
        } else if (change instanceof SchemaChange.ConstraintAdded c) {
            planConstraintAdd(c.table(), c.constraint(), Kind.CREATE);
        } else if (change instanceof SchemaChange.ConstraintDropped c) {
            planConstraintDrop(c.table(), c.constraint(), "not in the expected schema");
        } else if (change instanceof SchemaChange.ConstraintAltered c) {
            planConstraintDrop(c.table(), c.actual(), "re-created with the expected definition");
            planConstraintAdd(c.table(), c.expected(), Kind.ALTER);
        } else if (change instanceof SchemaChange.IndexAdded i) {
            planIndexCreate(group(), i.table(), i.index(), Kind.CREATE);
        } else if (change instanceof SchemaChange.IndexDropped i) {
            group().add(Phase.DROP_INDEXES, DdlRenderer.dropIndex(i.table(), i.index().name()), Kind.DROP, NONE,
                    "drop index " + i.index().name() + " on " + i.table());
        } else if (change instanceof SchemaChange.IndexAltered i) {
            group().add(Phase.DROP_INDEXES, DdlRenderer.dropIndex(i.table(), i.actual().name()), Kind.DROP, NONE,
                    "drop index " + i.actual().name() + " on " + i.table() + " (re-created with the expected definition)");
            planIndexCreate(group(), i.table(), i.expected(), Kind.ALTER);
        } else if (change instanceof SchemaChange.PolicyAdded p) {
            group().add(Phase.POLICIES, DdlRenderer.createPolicy(p.table(), p.policy()), Kind.CREATE, NONE,
                    "create policy " + p.policy().name() + " on " + p.table());
        } else if (change instanceof SchemaChange.PolicyDropped p) {
            group().add(Phase.DROP_POLICIES, DdlRenderer.dropPolicy(p.table(), p.policy().name()), Kind.DROP, NONE,
                    "drop policy " + p.policy().name() + " on " + p.table());
        } else if (change instanceof SchemaChange.PolicyAltered p) {
            planPolicyAlter(p.table(), p.expected(), p.actual());
        }
        // TableAdded is planned with all other new tables, in foreign key order: see planTableCreations().
    }

    private void planSchemaDrop(Schema schema) {
        Group group = group();
        for (Table table : schema.tables()) {
            QualifiedName name = QualifiedName.of(schema.name(), table.name());
            group.add(Phase.DROP_TABLES, DdlRenderer.dropTable(name), Kind.DROP, DELETES, "drop table " + name + " and its rows");
        }
        group.add(Phase.DROP_SCHEMAS, DdlRenderer.dropSchema(schema.name()), Kind.DROP, NONE,
                "drop schema " + schema.name() + " (fails if it holds objects schemaguard does not model)");
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
        if (column.comment() != null) {
            group.add(Phase.COMMENTS, DdlRenderer.commentOnColumn(table, column.name(), column.comment()), kind, NONE,
                    "comment on column " + name);
        }
    }

    private void planConstraintAdd(QualifiedName table, Constraint constraint, Kind kind) {
        if (constraint instanceof ForeignKey) {
            foreignKeyAdds.putIfAbsent(new ObjectRef(table, constraint.name()), kind);
            return;
        }
        group().add(Phase.ADD_CONSTRAINTS, DdlRenderer.addConstraint(table, constraint), kind, MAY_FAIL,
                "add " + constraint.kind() + " " + constraint.name() + " on " + table);
    }

    private void planConstraintDrop(QualifiedName table, Constraint constraint, String why) {
        if (constraint instanceof ForeignKey) {
            return; // collected in collectForeignKeyDrops()
        }
        group().add(Phase.DROP_CONSTRAINTS, DdlRenderer.dropConstraint(table, constraint.name()), Kind.DROP, NONE,
                "drop " + constraint.kind() + " " + constraint.name() + " on " + table + " (" + why + ")");
    }

    private void planIndexCreate(Group group, QualifiedName table, Index index, Kind kind) {
        group.add(Phase.CREATE_INDEXES, DdlRenderer.createIndex(table, index), kind, index.unique() ? MAY_FAIL : NONE,
                "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table);
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
        Column want = spelledAsSerial(table, change.expected());
        Column have = spelledAsSerial(table, change.actual());
        Set<ColumnAspect> aspects = change.aspects();
        if (needsRecreation(change)) {
            planColumnRecreation(table, want);
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
        boolean retypeApplied = retype && (options.allowDrops() || !typeHazards.contains(Hazard.DELETES_DATA));
        boolean dropDefault = have.defaultExpression() != null && (aspects.contains(ColumnAspect.DEFAULT) || retypeApplied);
        boolean serialToPlain = have.type().isSerial() && !want.type().isSerial();
        boolean plainToSerial = !have.type().isSerial() && want.type().isSerial();
        QualifiedName sequence = QualifiedName.of(table.schema(), Identifiers.defaultName(table.name(), column, "seq"));
        if (dropDefault || serialToPlain) {
            steps.add(Phase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, column, "DROP DEFAULT"), Kind.ALTER, NONE,
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
                steps.add(Phase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, column, "DROP NOT NULL"), Kind.ALTER, NONE,
                        "allow nulls in " + name);
            } else {
                steps.add(Phase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, column, "SET NOT NULL"), Kind.ALTER, MAY_FAIL,
                        "forbid nulls in " + name + " (fails if a row holds null)");
            }
        }
        if (want.defaultExpression() != null && (dropDefault || aspects.contains(ColumnAspect.DEFAULT))) {
            steps.add(Phase.ALTER_COLUMNS, DdlRenderer.alterColumn(table, column, "SET DEFAULT " + want.defaultExpression()),
                    Kind.ALTER, NONE, "set the default of " + name);
        }
        if (plainToSerial) {
            planSerialSequence(steps, table, want, sequence);
        }
        if (aspects.contains(ColumnAspect.IDENTITY) && want.identity() != null) {
            planIdentity(steps, table, want, have);
        }
        if (aspects.contains(ColumnAspect.COMMENT)) {
            steps.add(Phase.COMMENTS, DdlRenderer.commentOnColumn(table, column, want.comment()), Kind.ALTER, NONE,
                    "set the comment on column " + name);
        }
    }

    /**
     * An integer column whose default is {@code nextval} of its own {@code table_column_seq} as the serial it is
     * (the comparer treats the two spellings as equal, so the planner must too).
     */
    private static Column spelledAsSerial(QualifiedName table, Column column) {
        DataType type = column.type();
        if (column.defaultExpression() == null || !type.isBuiltIn() || type.isArray() || column.nullable()
                || !SERIAL_TYPES.containsKey(type.name())) {
            return column;
        }
        String sequence = Identifiers.quote(Identifiers.defaultName(table.name(), column.name(), "seq"));
        String expression = Expressions.normalize(column.defaultExpression());
        for (String name : List.of(sequence, Identifiers.quote(table.schema()) + "." + sequence)) {
            if (expression.equals("nextval(" + Identifiers.literal(name) + "::regclass)")) {
                return column.withType(DataType.of(SERIAL_TYPES.get(type.name()))).withDefault(null);
            }
        }
        return column;
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
        String collate = want.collation() != null ? " COLLATE " + Identifiers.quote(want.collation())
                : have.collation() != null ? " COLLATE \"default\"" : "";
        String name = table + "." + want.name();
        String description = (hazards.contains(Hazard.DELETES_DATA)
                ? "change the type of " + name + " from " + have.type().sql() + " to " + type + " (may lose or reject values)"
                : "change the type of " + name + " from " + have.type().sql() + " to " + type + collate);
        Group group = group().add(Phase.ALTER_COLUMNS,
                DdlRenderer.alterColumn(table, want.name(), "TYPE " + type + collate + " USING " + column + "::" + type),
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
    private void planColumnRecreation(QualifiedName table, Column want) {
        String name = table + "." + want.name();
        Group group = group().add(Phase.DROP_COLUMNS, DdlRenderer.dropColumn(table, want.name()), Kind.DROP, DELETES,
                "drop column " + name + " and its data, to re-create it with the expected generation expression");
        planColumnAdd(group, table, want, Kind.ALTER);
        Table expectedTable = expected.table(table).orElse(null);
        if (expectedTable == null) {
            return;
        }
        Pattern mention = Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(Identifiers.quote(want.name())) + "(?![A-Za-z0-9_$])");
        for (Constraint constraint : expectedTable.constraints()) {
            if (touchedByDiff.contains(new ObjectRef(table, constraint.name())) || !uses(constraint, want.name(), mention)) {
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
            boolean onColumn = index.include().contains(want.name())
                    || index.keys().stream().anyMatch(k -> want.name().equals(k.column())
                    || (k.isExpression() && mention.matcher(k.expression()).find()))
                    || (index.predicate() != null && mention.matcher(index.predicate()).find());
            if (onColumn && !touchedByDiff.contains(new ObjectRef(table, index.name()))) {
                planIndexCreate(group, table, index, Kind.ALTER);
            }
        }
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
        for (QualifiedName name : foreignKeyOrder()) {
            Table table = tablesToCreate.get(name);
            Group group = group().add(Phase.CREATE_TABLES, DdlRenderer.createTable(name, table), Kind.CREATE, NONE,
                    "create table " + name);
            table.indexes().forEach(index -> planIndexCreate(group, name, index, Kind.CREATE));
            table.foreignKeys().forEach(fk -> foreignKeyAdds.putIfAbsent(new ObjectRef(name, fk.name()), Kind.CREATE));
            planRowSecurity(group, name, table.rowSecurity(), RowSecurity.OFF, Kind.CREATE);
            for (Policy policy : table.policies()) {
                group.add(Phase.POLICIES, DdlRenderer.createPolicy(name, policy), Kind.CREATE, NONE,
                        "create policy " + policy.name() + " on " + name);
            }
            if (table.comment() != null) {
                group.add(Phase.COMMENTS, DdlRenderer.commentOnTable(name, table.comment()), Kind.CREATE, NONE,
                        "comment on table " + name);
            }
            for (Column column : table.columns()) {
                if (column.comment() != null) {
                    group.add(Phase.COMMENTS, DdlRenderer.commentOnColumn(name, column.name(), column.comment()), Kind.CREATE,
                            NONE, "comment on column " + name + "." + column.name());
                }
            }
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
        tablesToCreate.get(name).foreignKeys().stream()
                .map(fk -> tablesToCreate.keySet().stream().filter(t -> fk.referencedTable().equals(t)).findFirst())
                .flatMap(java.util.Optional::stream)
                .sorted()
                .forEach(referenced -> visit(referenced, seen, order));
        order.add(name);
    }

    private void planForeignKeys() {
        for (Map.Entry<ObjectRef, String> drop : foreignKeyDrops.entrySet()) {
            ObjectRef fk = drop.getKey();
            boolean recreated = !tablesToDrop.contains(fk.table()) && expectedForeignKey(fk) != null;
            group().add(Phase.DROP_FOREIGN_KEYS, DdlRenderer.dropConstraint(fk.table(), fk.name()), Kind.DROP, NONE,
                    "drop foreign key " + fk.name() + " on " + fk.table() + " (" + drop.getValue()
                            + (recreated ? "; re-created below" : "") + ")");
            if (recreated) {
                foreignKeyAdds.putIfAbsent(fk, Kind.ALTER);
            }
        }
        for (Map.Entry<ObjectRef, Kind> add : foreignKeyAdds.entrySet()) {
            ForeignKey fk = expectedForeignKey(add.getKey());
            if (fk != null) {
                group().add(Phase.ADD_FOREIGN_KEYS, DdlRenderer.addConstraint(add.getKey().table(), fk), add.getValue(), MAY_FAIL,
                        (add.getValue() == Kind.CREATE ? "add" : "re-create") + " foreign key " + fk.name() + " on "
                                + add.getKey().table() + " referencing " + fk.referencedTable());
            }
        }
    }

    private ForeignKey expectedForeignKey(ObjectRef ref) {
        return expected.table(ref.table())
                .flatMap(t -> t.foreignKeys().stream().filter(fk -> fk.name().equals(ref.name())).findFirst())
                .orElse(null);
    }

    private static List<QualifiedName> sorted(Set<QualifiedName> names) {
        return names.stream().sorted(Comparator.naturalOrder()).toList();
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
        return new MigrationPlan(inPhaseOrder(run), inPhaseOrder(skipped));
    }

    private static String skipReason(PlanStatement statement) {
        return statement.has(Hazard.DELETES_DATA)
                ? statement.description() + " [skipped: deletes data; plan with drops allowed to include it]"
                : statement.description() + " [skipped: belongs to a change that deletes data]";
    }

    private static List<PlanStatement> inPhaseOrder(List<Step> steps) {
        return steps.stream().sorted(Comparator.comparing(Step::phase).thenComparingInt(Step::sequence))
                .map(Step::statement).toList();
    }
}
